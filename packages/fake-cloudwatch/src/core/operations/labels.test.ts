// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${…} is the dynamic label syntax under test
import {
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  type MetricDataQuery,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { describe, expect, test } from 'vitest';
import { cloudWatchClient, failure, HOUR, metricQuery, NOW, setupFakeCloudWatch } from '../../test-support';

// Labels on the wire. Dynamic labels follow the User Guide page "Use dynamic labels"
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/graph-dynamic-labels.html) and
// LabelOptions.Timezone the GetMetricData API reference. Default labels are not documented: the account's
// own are its invention, and `fake.defaultLabel` replaces them.

const fake = setupFakeCloudWatch();
const client = cloudWatchClient();
const PROD = { Environment: 'prod' };
const failed = `SEARCH('{Shop/Checkout,Environment,PaymentProvider} MetricName="PaymentsFailed" Environment="prod"', 'Sum', 300)`;

async function results(
  queries: MetricDataQuery[],
  input: Partial<GetMetricDataCommandInput> = {},
): Promise<MetricDataResult[]> {
  const out = await client.send(
    new GetMetricDataCommand({
      StartTime: new Date(NOW - HOUR),
      EndTime: new Date(NOW),
      MetricDataQueries: queries,
      ...input,
    }),
  );
  return out.MetricDataResults ?? [];
}

const max = (r: MetricDataResult | undefined): number => Math.max(...(r?.Values ?? []));

describe('dynamic labels on the wire', () => {
  test('a metric stat: the PROP values are its namespace, name, dimensions, statistic, period and Region', async () => {
    const label =
      "${PROP('Namespace')} ${PROP('MetricName')} ${PROP('Dim.Environment')} ${PROP('Stat')} ${PROP('Period')}";
    const [r] = await results([
      metricQuery('orders', 'Shop/Checkout', 'OrdersPlaced', PROD, 'Sum', 300, { Label: label }),
    ]);
    expect(r?.Label).toBe('Shop/Checkout OrdersPlaced prod Sum 300');
  });

  test('the Region is the one the call was made in', async () => {
    const [r] = await results([
      metricQuery('orders', 'Shop/Checkout', 'OrdersPlaced', PROD, 'Sum', 300, {
        Label: "${PROP('Region')} ${PROP('AccountId')}",
      }),
    ]);
    expect(r?.Label).toBe('us-east-1 123456789012');
  });

  test('"applies to every metric returned by the search": one dimension value per result', async () => {
    const out = await results([{ Id: 's', Expression: failed, Label: "${PROP('Dim.PaymentProvider')}" }]);
    expect(out.map((r) => r.Id)).toEqual(['s', 's', 's']);
    expect(out.map((r) => r.Label).sort()).toEqual(['adyen', 'paypal', 'stripe']);
  });

  test('${MAX} is each series\u2019 own maximum over the call\u2019s range', async () => {
    const out = await results([
      { Id: 's', Expression: failed, Label: "${PROP('Dim.PaymentProvider')} ${MAX}" },
    ]);
    for (const r of out) {
      const [, value] = (r.Label ?? '').split(' ');
      expect(Number(value)).toBeCloseTo(max(r), 3);
    }
  });

  test('an expression: the statistics of its values, ${LABEL} its default label', async () => {
    const [r] = await results([
      metricQuery('orders', 'Shop/Checkout', 'OrdersPlaced', PROD, 'Sum', 300, { ReturnData: false }),
      { Id: 'twice', Expression: '2 * orders', Label: '${LABEL} ${DATAPOINT_COUNT} ${MAX}' },
    ]);
    const [name, count, top] = (r?.Label ?? '').split(' ');
    expect(name).toBe('twice');
    expect(Number(count)).toBe(r?.Values?.length);
    expect(Number(top)).toBeCloseTo(max(r), 3);
  });

  test('a plain label is returned as written', async () => {
    const [r] = await results([
      metricQuery('orders', 'Shop/Checkout', 'OrdersPlaced', PROD, 'Sum', 300, { Label: 'Bestellungen' }),
    ]);
    expect(r?.Label).toBe('Bestellungen');
  });

  test('LabelOptions.Timezone writes time-based values in that offset', async () => {
    const query = metricQuery('orders', 'Shop/Checkout', 'OrdersPlaced', PROD, 'Sum', 300, {
      Label: '${LAST_TIME}',
    });
    const [utc] = await results([query]);
    const [ahead] = await results([query], { LabelOptions: { Timezone: '+0130' } });
    const newest = Math.max(...(utc?.Timestamps ?? []).map((d) => d.getTime()));
    expect(utc?.Label).toBe(`${new Date(newest).toISOString().slice(0, 19)}+00:00`);
    expect(ahead?.Label).toBe(`${new Date(newest + 90 * 60_000).toISOString().slice(0, 19)}+01:30`);
  });

  test('a Timezone that is not + or - and four digits is refused', async () => {
    const error = await failure(
      results([metricQuery('orders', 'Shop/Checkout', 'OrdersPlaced', PROD, 'Sum', 300)], {
        LabelOptions: { Timezone: 'CET' },
      }),
    );
    expect(error.name).toBe('InvalidParameterValueException');
    expect(error.message).toMatch(/LabelOptions\.Timezone/);
  });
});

describe('default labels of a test\u2019s choosing', () => {
  test('replace every default label; dynamic ones still expand', async () => {
    fake.defaultLabel = () => '';
    const plain = await results([{ Id: 's', Expression: failed }]);
    expect(plain.map((r) => r.Label)).toEqual(['', '', '']);
    const dynamic = await results([
      { Id: 's', Expression: failed, Label: "${PROP('Dim.PaymentProvider')}|${LABEL}" },
    ]);
    expect(dynamic.map((r) => r.Label).sort()).toEqual(['adyen|', 'paypal|', 'stripe|']);
  });

  test('can give both bounds of ANOMALY_DETECTION_BAND the same label', async () => {
    fake.defaultLabel = (s) => (s.id === 'band' ? '帯域' : s.label);
    const out = await results([
      metricQuery('lat', 'Shop/Checkout', 'CheckoutLatency', { Environment: 'staging' }, 'p99', 300),
      { Id: 'band', Expression: 'ANOMALY_DETECTION_BAND(lat, 2)' },
    ]);
    expect(out.map((r) => [r.Id, r.Label])).toEqual([
      ['lat', 'CheckoutLatency'],
      ['band', '帯域'],
      ['band', '帯域'],
    ]);
  });

  test('are told which query, which position and which metric', async () => {
    const seen: Array<[string, string, number, string | undefined]> = [];
    fake.defaultLabel = (s) => {
      seen.push([s.id, s.kind, s.index, s.metric?.dimensions.PaymentProvider]);
      return s.label;
    };
    await results([{ Id: 's', Expression: failed }]);
    expect(seen.map(([id, kind, index]) => `${id} ${kind} ${index}`)).toEqual([
      's math 0',
      's math 1',
      's math 2',
    ]);
    expect(seen.map(([, , , provider]) => provider).sort()).toEqual(['adyen', 'paypal', 'stripe']);
  });
});
