import {
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  type MetricDataQuery,
  type StandardUnit,
} from '@aws-sdk/client-cloudwatch';
import { EXPRESSION_LENGTH, MAX_DIMENSIONS, METRIC_DATA_QUERY_ID_LENGTH } from '@bellwether/cloudwatch-spec';
import { describe, expect, test } from 'vitest';
import { cloudWatchClient, failure, HOUR, metricQuery, NOW, setupFakeCloudWatch } from '../../test-support';

/**
 * GetMetricData's limits from the CloudWatch API model (botocore 1.43.11's copy of monitoring
 * 2010-08-01: shapes MetricId, MetricExpression, Namespace, MetricName, DimensionName, DimensionValue,
 * Dimensions, StandardUnit; the documentation of MetricDataQuery.Id and Dimension) and the statistics
 * of the User Guide page "CloudWatch statistics definitions", sent by the real SDK.
 */
setupFakeCloudWatch();
const client = cloudWatchClient();
const PROD = { Environment: 'prod' };
const orders = (extra: Partial<MetricDataQuery> = {}): MetricDataQuery =>
  metricQuery('orders', 'Shop/Checkout', 'OrdersPlaced', PROD, 'Sum', 60, extra);
const withMetric = (
  metric: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): MetricDataQuery => {
  const base = orders();
  return {
    ...base,
    MetricStat: { ...base.MetricStat!, ...extra, Metric: { ...base.MetricStat!.Metric, ...metric } },
  } as MetricDataQuery;
};
const dims = (list: Array<{ Name?: string; Value?: string }>): MetricDataQuery =>
  withMetric({ Dimensions: list });

function get(queries: MetricDataQuery[], input: Partial<GetMetricDataCommandInput> = {}) {
  return client.send(
    new GetMetricDataCommand({
      StartTime: new Date(NOW - HOUR),
      EndTime: new Date(NOW),
      MetricDataQueries: queries,
      ...input,
    }),
  );
}

const constraint = (value: string, path: string, rule: string): string =>
  `1 validation error detected: Value '${value}' at '${path}' failed to satisfy constraint: Member ${rule}`;

/** An expression of exactly `length` characters: orders plus enough `+ 0` and spaces. */
function expressionOf(length: number): string {
  const body = `orders${' + 0'.repeat(Math.floor((length - 6) / 4))}`;
  return body.padEnd(length, ' ');
}

describe("limits of the API model, answered with the service front end's ValidationError", () => {
  const long = 'x'.repeat(256);
  test.each<[string, MetricDataQuery[], string]>([
    [
      'an Expression over 2,048 characters (MetricExpression)',
      [orders({ ReturnData: false }), { Id: 'e', Expression: expressionOf(EXPRESSION_LENGTH.max + 1) }],
      constraint(
        expressionOf(EXPRESSION_LENGTH.max + 1),
        'metricDataQueries.2.member.expression',
        'must have length less than or equal to 2048',
      ),
    ],
    [
      'an Id over 255 characters (MetricId)',
      [orders({ Id: `o${long}` })],
      constraint(`o${long}`, 'metricDataQueries.1.member.id', 'must have length less than or equal to 255'),
    ],
    [
      'a Namespace over 255 characters (Namespace)',
      [withMetric({ Namespace: long })],
      constraint(
        long,
        'metricDataQueries.1.member.metricStat.metric.namespace',
        'must have length less than or equal to 255',
      ),
    ],
    [
      'a Namespace starting with a colon (Namespace pattern [^:].*)',
      [withMetric({ Namespace: ':Shop' })],
      constraint(
        ':Shop',
        'metricDataQueries.1.member.metricStat.metric.namespace',
        'must satisfy regular expression pattern: [^:].*',
      ),
    ],
    [
      'a MetricName over 255 characters (MetricName)',
      [withMetric({ MetricName: long })],
      constraint(
        long,
        'metricDataQueries.1.member.metricStat.metric.metricName',
        'must have length less than or equal to 255',
      ),
    ],
    [
      'a dimension name over 255 characters (DimensionName)',
      [dims([{ Name: long, Value: 'prod' }])],
      constraint(
        long,
        'metricDataQueries.1.member.metricStat.metric.dimensions.1.member.name',
        'must have length less than or equal to 255',
      ),
    ],
    [
      'a dimension value over 1,024 characters (DimensionValue)',
      [dims([{ Name: 'Environment', Value: 'v'.repeat(1025) }])],
      constraint(
        'v'.repeat(1025),
        'metricDataQueries.1.member.metricStat.metric.dimensions.1.member.value',
        'must have length less than or equal to 1024',
      ),
    ],
    [
      'an empty dimension value (DimensionValue min 1)',
      [dims([{ Name: 'Environment', Value: '' }])],
      constraint(
        '',
        'metricDataQueries.1.member.metricStat.metric.dimensions.1.member.value',
        'must have length greater than or equal to 1',
      ),
    ],
    [
      'a Unit outside StandardUnit',
      [withMetric({}, { Unit: 'Secs' as StandardUnit })],
      constraint(
        'Secs',
        'metricDataQueries.1.member.metricStat.unit',
        'must satisfy enum value set: [Seconds, Microseconds, Milliseconds, Bytes, Kilobytes, Megabytes, Gigabytes, Terabytes, Bits, Kilobits, Megabits, Gigabits, Terabits, Percent, Count, Bytes/Second, Kilobytes/Second, Megabytes/Second, Gigabytes/Second, Terabytes/Second, Bits/Second, Kilobits/Second, Megabits/Second, Gigabits/Second, Terabits/Second, Count/Second, None]',
      ),
    ],
  ])('%s', async (_what, queries, message) => {
    const error = await failure(get(queries));
    expect(error.name).toBe('ValidationException');
    expect(error.Code ?? error.name).toBe('ValidationError');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(message);
  });

  test('every violation of the call is named in one answer', async () => {
    const error = await failure(get([withMetric({ Namespace: ':Shop' }, { Unit: 'secs' as StandardUnit })]));
    expect(error.message).toMatch(
      /^2 validation errors detected: Value ':Shop' at .*namespace.*; Value 'secs' at .*unit/,
    );
  });

  test('the largest values the model allows are accepted', async () => {
    const out = await get(
      [
        orders({ ReturnData: false }),
        {
          Id: `e${'x'.repeat(METRIC_DATA_QUERY_ID_LENGTH.max - 1)}`,
          Expression: expressionOf(EXPRESSION_LENGTH.max),
        },
        dims(Array.from({ length: MAX_DIMENSIONS }, (_, i) => ({ Name: `D${i}`, Value: 'v'.repeat(1024) }))),
      ].map((q, i) => (i === 2 ? { ...q, Id: 'wide' } : q)),
    );
    expect(out.MetricDataResults?.map((r) => r.StatusCode)).toEqual(['Complete', 'Complete']);
    expect(out.MetricDataResults?.[0]?.Values?.length).toBeGreaterThan(0);
  });

  test('a standard Unit other than the published one is valid and matches no data (MetricStat.Unit)', async () => {
    const out = await get([withMetric({}, { Unit: 'Seconds' })]);
    expect(out.MetricDataResults?.[0]).toMatchObject({ StatusCode: 'Complete', Values: [] });
  });
});

describe('rules the service applies to names and statistics', () => {
  test.each<[string, MetricDataQuery[], string, string | RegExp]>([
    [
      'more than 30 dimensions (Dimensions max 30)',
      [dims(Array.from({ length: MAX_DIMENSIONS + 1 }, (_, i) => ({ Name: `D${i}`, Value: 'v' })))],
      'InvalidParameterValueException',
      'The collection MetricDataQueries.member.1.MetricStat.Metric.Dimensions must not have a size greater than 30.',
    ],
    [
      'a dimension without a Value (Dimension requires Name and Value)',
      [dims([{ Name: 'Environment' }])],
      'MissingRequiredParameterException',
      'The parameter MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value is required.',
    ],
    [
      'a dimension value of spaces only ("at least one non-whitespace character")',
      [dims([{ Name: 'Environment', Value: '   ' }])],
      'InvalidParameterValueException',
      /Dimensions\.member\.1\.Value needs a character other than a space/,
    ],
    [
      'a non-ASCII dimension value ("must contain only ASCII characters")',
      [dims([{ Name: 'Environment', Value: 'prød' }])],
      'InvalidParameterValueException',
      /Value has 'ø' at character 3; only ASCII characters are allowed/,
    ],
    [
      'a dimension name starting with a colon ("cannot start with a colon")',
      [dims([{ Name: ':Environment', Value: 'prod' }])],
      'InvalidParameterValueException',
      /Dimensions\.member\.1\.Name cannot start with ':'/,
    ],
    [
      'Ids outside the documented characters, one line each',
      [orders({ Id: 'Orders' }), orders({ Id: '5xx' })],
      'ValidationException',
      'The value Orders for parameter MetricDataQueries.member.1.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.\n' +
        'The value 5xx for parameter MetricDataQueries.member.2.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.',
    ],
    [
      'statistics the definitions page does not allow, one line each',
      [
        metricQuery('a', 'Shop/Checkout', 'OrdersPlaced', PROD, 'TM99', 60),
        metricQuery('b', 'Shop/Checkout', 'OrdersPlaced', PROD, 'P99', 60),
      ],
      'ValidationException',
      'The value TM99 for parameter MetricDataQueries.member.1.MetricStat.Stat is not a valid statistic.\n' +
        'The value P99 for parameter MetricDataQueries.member.2.MetricStat.Stat is not a valid statistic.',
    ],
  ])('%s', async (_what, queries, name, message) => {
    const error = await failure(get(queries));
    expect(error.name).toBe(name);
    expect(error.$metadata.httpStatusCode).toBe(400);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  // The forms issue 11 lists as refused before, each from the statistics definitions page.
  test.each([
    'wm99',
    'tc90',
    'ts90',
    'WM(10%:90%)',
    'TC(0.005:0.030)',
    'TS(80%:)',
    'PR(:300)',
    'PR(100:2000)',
    'TM(:95%)',
    'TM(10%:)',
    'TM(150:1000)',
    'IQM',
  ])('%s is answered with datapoints', async (stat) => {
    const out = await get([metricQuery('m', 'Shop/Checkout', 'CheckoutLatency', PROD, stat, 300)]);
    const values = out.MetricDataResults?.[0]?.Values ?? [];
    expect(values.length).toBeGreaterThan(0);
    expect(values.every(Number.isFinite)).toBe(true);
  });
});
