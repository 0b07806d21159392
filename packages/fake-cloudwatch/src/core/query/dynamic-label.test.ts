// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${…} is the dynamic label syntax under test
import { describe, expect, test } from 'vitest';
import { expandLabel, isDynamicLabel, type LabelSubject, parseTimezone } from './dynamic-label';

// User Guide, "Use dynamic labels":
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/graph-dynamic-labels.html

const T0 = Date.UTC(2025, 4, 21, 13, 0);
const MIN = 60_000;
const subject: LabelSubject = {
  defaultLabel: 'prod adyen',
  // Newest first, as GetMetricData answers by default: the values are read by their timestamps.
  t: [T0 + 3 * MIN, T0 + 2 * MIN, T0 + MIN, T0],
  v: [4, 10, 1, 5],
  metric: {
    namespace: 'Shop/Checkout',
    name: 'PaymentsFailed',
    dimensions: { Environment: 'prod', PaymentProvider: 'adyen' },
    stat: 'Sum',
    period: 300,
    accountId: '123456789012',
    region: 'eu-west-1',
  },
};
const settings = { now: T0 + 10 * MIN, offsetMinutes: 0 };
const expand = (label: string, s: LabelSubject = subject, o = settings): string => expandLabel(label, s, o);

describe('dynamic label values (the page\u2019s table)', () => {
  test.each([
    ['${AVG}', '5'],
    ['${DATAPOINT_COUNT}', '4'],
    ['${FIRST}', '5'],
    ['${LAST}', '4'],
    ['${FIRST_LAST_RANGE}', '-1'],
    ['${MAX}', '10'],
    ['${MIN}', '1'],
    ['${MIN_MAX_RANGE}', '9'],
    ['${SUM}', '20'],
    ['${LABEL}', 'prod adyen'],
    ['${FIRST_TIME}', '2025-05-21T13:00:00+00:00'],
    ['${LAST_TIME}', '2025-05-21T13:03:00+00:00'],
    ['${MAX_TIME}', '2025-05-21T13:02:00+00:00'],
    ['${MIN_TIME}', '2025-05-21T13:01:00+00:00'],
    ['${FIRST_TIME_RELATIVE}', '10m'],
    ['${LAST_TIME_RELATIVE}', '7m'],
    ['${MAX_TIME_RELATIVE}', '8m'],
    ['${MIN_TIME_RELATIVE}', '9m'],
    ['${FIRST_LAST_TIME_RANGE}', '3m'],
    ['${MIN_MAX_TIME_RANGE}', '1m'],
    ["${PROP('AccountId')}", '123456789012'],
    ["${PROP('Dim.PaymentProvider')}", 'adyen'],
    ["${PROP('Dim.Environment')}", 'prod'],
    ["${PROP('MetricName')}", 'PaymentsFailed'],
    ["${PROP('Namespace')}", 'Shop/Checkout'],
    ["${PROP('Period')}", '300'],
    ["${PROP('Region')}", 'eu-west-1'],
    ["${PROP('Stat')}", 'Sum'],
  ])('%s is %s', (label, value) => {
    expect(expand(label)).toBe(value);
  });

  test('the page\u2019s example: [max: ${MAX} Errors for Function Name ${LABEL}]', () => {
    expect(expand('[max: ${MAX} Errors for Function Name ${LABEL}]')).toBe(
      '[max: 10 Errors for Function Name prod adyen]',
    );
  });

  test('text around and between values is kept, in any script', () => {
    expect(expand("支払い ${PROP('Dim.PaymentProvider')} — ${SUM} échecs")).toBe('支払い adyen — 20 échecs');
  });
});

describe('what the page limits', () => {
  test('"up to five dynamic values": a sixth is left as written', () => {
    expect(expand('${MIN} ${MAX} ${SUM} ${AVG} ${LAST} ${FIRST}')).toBe('1 10 20 5 4 ${FIRST}');
  });

  test('"${LABEL} only once within each label": a second is left as written', () => {
    expect(expand('${LABEL} / ${LABEL}')).toBe('prod adyen / ${LABEL}');
  });

  test('text that is no documented value stays as written; an unknown property reads as empty', () => {
    expect(expand("${NOPE} ${PROP('Colour')} $5 ${MAX")).toBe('${NOPE}  $5 ${MAX');
    expect(isDynamicLabel('${NOPE} $5')).toBe(false);
    expect(isDynamicLabel("${PROP('Dim.x')}")).toBe(true);
  });
});

describe('series without a metric or without datapoints', () => {
  const math: LabelSubject = { defaultLabel: 'e0', t: [T0], v: [2] };

  test('an expression\u2019s result has no metric properties', () => {
    expect(expand("${PROP('MetricName')}|${PROP('Dim.PaymentProvider')}|${MAX}", math)).toBe('||2');
  });

  test('an empty series has a count of 0 and no statistics', () => {
    expect(expand('${DATAPOINT_COUNT} ${AVG} ${LAST_TIME}', { ...subject, t: [], v: [] })).toBe('0  ');
  });

  test('a dimension the metric lacks reads as empty', () => {
    expect(expand("${PROP('Dim.Region')}")).toBe('');
  });
});

describe('LabelOptions.Timezone (GetMetricData API reference)', () => {
  test.each([
    [undefined, 0],
    ['+0000', 0],
    ['+0130', 90],
    ['-0800', -480],
  ])('%s is %d minutes east of UTC', (text, minutes) => {
    expect(parseTimezone(text)).toBe(minutes);
  });

  test.each(['0130', '+130', '+01:30', '+0160', 'UTC'])('%s is refused', (text) => {
    expect(parseTimezone(text)).toBeUndefined();
  });

  test('time-based values are written in that time zone', () => {
    expect(expand('${FIRST_TIME}', subject, { ...settings, offsetMinutes: 90 })).toBe(
      '2025-05-21T14:30:00+01:30',
    );
    expect(expand('${FIRST_TIME}', subject, { ...settings, offsetMinutes: -480 })).toBe(
      '2025-05-21T05:00:00-08:00',
    );
  });
});
