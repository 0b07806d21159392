import {
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { describe, expect, test } from 'vitest';
import {
  cloudWatchClient,
  failure,
  HOUR,
  MINUTE,
  metricQuery,
  NOW,
  setupFakeCloudWatch,
} from '../../test-support';

const fake = setupFakeCloudWatch();
const client = cloudWatchClient();
const PROD = { Environment: 'prod' };
const orders = (period = 60, extra: Partial<MetricDataQuery> = {}) =>
  metricQuery('orders', 'Shop/Checkout', 'OrdersPlaced', PROD, 'Sum', period, extra);

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

const ms = (dates: Date[] | undefined): number[] => (dates ?? []).map((d) => d.getTime());

describe('GetMetricData with metric stats', () => {
  test('returns one datapoint per period, newest first by default, with the metric name as label', async () => {
    const out = await get([orders()]);
    const r = out.MetricDataResults?.[0];
    expect(r?.Id).toBe('orders');
    expect(r?.Label).toBe('OrdersPlaced');
    expect(r?.StatusCode).toBe('Complete');
    expect(ms(r?.Timestamps)).toEqual(Array.from({ length: 60 }, (_, i) => NOW - (i + 1) * MINUTE));
    expect(r?.Values?.every((v) => v > 0)).toBe(true);
    expect(out.NextToken).toBeUndefined();
  });

  test('ScanBy TimestampAscending returns the same points oldest first', async () => {
    const desc = (await get([orders()])).MetricDataResults?.[0];
    const asc = (await get([orders()], { ScanBy: 'TimestampAscending' })).MetricDataResults?.[0];
    expect(ms(asc?.Timestamps)).toEqual([...ms(desc?.Timestamps)].reverse());
    expect(asc?.Values).toEqual([...(desc?.Values ?? [])].reverse());
  });

  test('EndTime is exclusive and StartTime is rounded down to the minute', async () => {
    const out = await get([orders()], {
      StartTime: new Date(NOW - 10 * MINUTE + 25_000),
      EndTime: new Date(NOW - 5 * MINUTE),
    });
    const times = ms(out.MetricDataResults?.[0]?.Timestamps);
    expect(Math.min(...times)).toBe(NOW - 10 * MINUTE);
    expect(Math.max(...times)).toBe(NOW - 6 * MINUTE);
    expect(times).not.toContain(NOW - 5 * MINUTE);
  });

  test('Sum over 5 minutes equals the sum of the five 1-minute sums', async () => {
    const window = {
      StartTime: new Date(NOW - 30 * MINUTE),
      EndTime: new Date(NOW),
      ScanBy: 'TimestampAscending' as const,
    };
    const perMinute = (await get([orders(60)], window)).MetricDataResults?.[0]?.Values ?? [];
    const perFive = (await get([orders(300)], window)).MetricDataResults?.[0]?.Values ?? [];
    const regrouped = [0, 1, 2, 3, 4, 5].map((k) =>
      perMinute.slice(k * 5, k * 5 + 5).reduce((a, b) => a + b, 0),
    );
    expect(perFive).toEqual(regrouped);
  });

  test('percentiles are ordered: p50 < p90 < p99 <= Maximum', async () => {
    const latency = (id: string, stat: string) =>
      metricQuery(id, 'Shop/Checkout', 'CheckoutLatency', PROD, stat, 300);
    const out = await get([
      latency('p50', 'p50'),
      latency('p90', 'p90'),
      latency('p99', 'p99.0'),
      latency('mx', 'Maximum'),
    ]);
    const [p50, p90, p99, max] = (out.MetricDataResults ?? []).map((r) => r.Values?.[0] ?? Number.NaN);
    expect(p50).toBeLessThan(p90 ?? 0);
    expect(p90).toBeLessThan(p99 ?? 0);
    expect(p99).toBeLessThanOrEqual(max ?? 0);
  });

  test('a metric the account does not have returns an empty, complete result rather than an error', async () => {
    const out = await get([
      metricQuery('m1', 'Shop/Checkout', 'OrdersPlaced', { Environment: 'qa' }, 'Sum', 60),
    ]);
    expect(out.MetricDataResults?.[0]).toMatchObject({
      Id: 'm1',
      Timestamps: [],
      Values: [],
      StatusCode: 'Complete',
    });
  });

  test('a Unit that differs from the published unit matches no data', async () => {
    const out = await get([orders(60, { MetricStat: { ...orders().MetricStat!, Unit: 'Seconds' } })]);
    expect(out.MetricDataResults?.[0]?.Values).toEqual([]);
  });

  test.each([
    // [period, start age, expect data]
    [10, 2 * HOUR, true],
    [10, 4 * HOUR, false],
    [60, 14 * 24 * HOUR, true],
    [60, 16 * 24 * HOUR, false],
    [300, 60 * 24 * HOUR, true],
    [300, 70 * 24 * HOUR, false],
    [3600, 400 * 24 * HOUR, true],
    [3600, 460 * 24 * HOUR, false],
  ])('period %i s for data %i ms old follows retention (data: %s)', async (period, age, expected) => {
    const start = NOW - age;
    const out = await get([orders(period)], {
      StartTime: new Date(start),
      EndTime: new Date(start + period * 3000),
    });
    expect((out.MetricDataResults?.[0]?.Values?.length ?? 0) > 0).toBe(expected);
  });

  test('NextToken pages by MaxDatapoints and the pages add up to the full answer', async () => {
    const queries = [orders(), metricQuery('att', 'Shop/Checkout', 'PaymentsAttempted', PROD, 'Sum', 60)];
    const full = await get(queries);
    const seen: Record<string, number[]> = { orders: [], att: [] };
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await get(queries, { MaxDatapoints: 45, NextToken: token });
      pages++;
      for (const r of page.MetricDataResults ?? []) seen[r.Id ?? '']?.push(...ms(r.Timestamps));
      const count = (page.MetricDataResults ?? []).reduce((n, r) => n + (r.Values?.length ?? 0), 0);
      expect(count).toBeLessThanOrEqual(45);
      if (page.NextToken)
        expect(page.MetricDataResults?.some((r) => r.StatusCode === 'PartialData')).toBe(true);
      token = page.NextToken;
    } while (token);
    expect(pages).toBe(Math.ceil(120 / 45));
    expect(seen.orders).toEqual(ms(full.MetricDataResults?.[0]?.Timestamps));
    expect(seen.att).toEqual(ms(full.MetricDataResults?.[1]?.Timestamps));
  });

  test('a NextToken from another request is refused', async () => {
    const first = await get([orders()], { MaxDatapoints: 10 });
    const error = await failure(get([orders(300)], { MaxDatapoints: 10, NextToken: first.NextToken }));
    expect(error.name).toBe('InvalidNextToken');
  });
});

describe('GetMetricData with metric math', () => {
  const att = metricQuery('att', 'Shop/Checkout', 'PaymentsAttempted', PROD, 'Sum', 60, {
    ReturnData: false,
  });
  const ok = metricQuery('ok', 'Shop/Checkout', 'PaymentsSucceeded', PROD, 'Sum', 60, { ReturnData: false });

  test('computes 100 * ok / att per timestamp and hides ReturnData=false inputs', async () => {
    const out = await get([
      att,
      ok,
      { Id: 'rate', Expression: '100 * ok / att', Label: 'Payment success' },
      { ...att, Id: 'a2', ReturnData: true },
      { ...ok, Id: 'o2', ReturnData: true },
    ]);
    const ids = out.MetricDataResults?.map((r) => r.Id);
    expect(ids).toEqual(['rate', 'a2', 'o2']);
    const [rate, a, o] = out.MetricDataResults ?? [];
    expect(rate?.Label).toBe('Payment success');
    rate?.Values?.forEach((v, i) => {
      expect(v).toBeCloseTo((100 * (o?.Values?.[i] ?? 0)) / (a?.Values?.[i] ?? 1), 9);
    });
  });

  test('math is never paged: too many datapoints are cut and marked PartialData with no NextToken', async () => {
    const out = await get([att, ok, { Id: 'rate', Expression: '100 * ok / att' }], { MaxDatapoints: 20 });
    expect(out.NextToken).toBeUndefined();
    expect(out.MetricDataResults?.[0]?.StatusCode).toBe('PartialData');
    expect(out.MetricDataResults?.[0]?.Values).toHaveLength(20);
    expect(out.MetricDataResults?.[0]?.Messages?.[0]?.Code).toBe('MaxDatapointsExceeded');
  });

  test('ANOMALY_DETECTION_BAND returns two series with the query Id, upper first, around the usual level', async () => {
    const p99 = metricQuery(
      'lat',
      'Shop/Checkout',
      'CheckoutLatency',
      { Environment: 'staging' },
      'p99',
      300,
    );
    const out = await get([p99, { Id: 'band', Expression: 'ANOMALY_DETECTION_BAND(lat, 2)' }]);
    const [actual, upper, lower] = out.MetricDataResults ?? [];
    expect([upper?.Id, lower?.Id]).toEqual(['band', 'band']);
    expect(upper?.Label).not.toBe(lower?.Label);
    expect(ms(upper?.Timestamps)).toEqual(ms(actual?.Timestamps));
    upper?.Values?.forEach((u, i) => {
      expect(u).toBeGreaterThan(lower?.Values?.[i] ?? Number.POSITIVE_INFINITY);
    });
    const inside = (actual?.Values ?? []).filter(
      (v, i) => v <= (upper?.Values?.[i] ?? 0) && v >= (lower?.Values?.[i] ?? 0),
    );
    expect(inside.length).toBeGreaterThan((actual?.Values?.length ?? 0) / 2);
  });

  test('SEARCH returns one series per matching metric under the same Id', async () => {
    const out = await get([
      {
        Id: 's',
        Expression: `SEARCH('{Shop/Checkout,Environment,PaymentProvider} MetricName="PaymentsFailed" Environment="prod"', 'Sum', 300)`,
      },
    ]);
    expect(out.MetricDataResults?.map((r) => r.Id)).toEqual(['s', 's', 's']);
    expect(out.MetricDataResults?.map((r) => r.Label).sort()).toEqual([
      'prod adyen',
      'prod paypal',
      'prod stripe',
    ]);
  });

  test('division by zero drops the point and says so with an ArithmeticError message', async () => {
    const throttles = metricQuery(
      'thr',
      'AWS/Lambda',
      'Throttles',
      { FunctionName: 'payment-webhook' },
      'Sum',
      60,
      { ReturnData: false },
    );
    const out = await get([throttles, { Id: 'e', Expression: '1 / thr' }]);
    expect(out.MetricDataResults?.[0]?.Values).toEqual([]);
    expect(out.MetricDataResults?.[0]?.Messages?.[0]?.Code).toBe('ArithmeticError');
  });

  test('a division by zero in some periods leaves the result Complete, the other points, and ArithmeticError', async () => {
    const window = { ScanBy: 'TimestampAscending' as const };
    const plain = (await get([orders()], window)).MetricDataResults?.[0];
    const out = await get(
      [orders(60, { ReturnData: false }), { Id: 'e', Expression: 'orders / IF(orders > AVG(orders), 1, 0)' }],
      window,
    );
    const r = out.MetricDataResults?.[0];
    const values = plain?.Values ?? [];
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(r?.StatusCode).toBe('Complete');
    expect(r?.Values).toEqual(values.filter((v) => v > mean));
    expect(r?.Values?.length).toBeGreaterThan(0);
    expect(r?.Messages).toEqual([
      {
        Code: 'ArithmeticError',
        Value:
          'One or more data-points have been dropped due to non-numeric values (NaN, -Infinite, +Infinite)',
      },
    ]);
    expect(out.Messages ?? []).toEqual([]);
  });
});

describe('GetMetricData with Metrics Insights', () => {
  const DAY = 24 * HOUR;
  const sql = `SELECT SUM(OrdersPlaced) FROM SCHEMA("Shop/Checkout", Environment) WHERE Environment = 'prod'`;

  test.each([
    [
      '15 days',
      15 * DAY,
      [{ Code: 'MaxQueryTimeRangeExceeded', Value: 'Max time window exceeded for query' }],
    ],
    ['14 days', 14 * DAY, []],
  ])('a range of %s back says whether it passes the two weeks Insights reads', async (_, back, messages) => {
    const out = await get([{ Id: 'q', Expression: sql, Period: 3600 }], {
      StartTime: new Date(NOW - back),
      ScanBy: 'TimestampAscending',
    });
    expect(out.Messages ?? []).toEqual(messages);
    const r = out.MetricDataResults?.[0];
    expect(r?.StatusCode).toBe('Complete');
    expect(r?.Values?.length).toBeGreaterThan(0);
    expect(ms(r?.Timestamps)[0]).toBeGreaterThanOrEqual(NOW - 14 * DAY);
  });

  test('GROUP BY returns one result per group sharing the query Id, labelled by the group value', async () => {
    const out = await get([
      {
        Id: 'q',
        Expression: `SELECT SUM(PaymentsFailed) FROM SCHEMA("Shop/Checkout", Environment, PaymentProvider) WHERE Environment = 'prod' GROUP BY PaymentProvider ORDER BY SUM() DESC LIMIT 2`,
        Period: 300,
      },
    ]);
    expect(out.MetricDataResults?.map((r) => r.Id)).toEqual(['q', 'q']);
    expect(out.MetricDataResults?.[0]?.Label).toBe('adyen');
    const sums = (out.MetricDataResults ?? []).map((r) => (r.Values ?? []).reduce((a, b) => a + b, 0));
    expect(sums[0]).toBeGreaterThanOrEqual(sums[1] ?? 0);
  });

  test('without GROUP BY it aggregates every match into one series equal to the sum of its parts', async () => {
    const sql = `SELECT SUM(Invocations) FROM SCHEMA("AWS/Lambda", FunctionName) WHERE FunctionName != 'inventory-sync-staging'`;
    const out = await get([
      { Id: 'all', Expression: sql, Period: 3600 },
      metricQuery('a', 'AWS/Lambda', 'Invocations', { FunctionName: 'payment-webhook' }, 'Sum', 3600),
    ]);
    expect(out.MetricDataResults?.[0]?.Values?.[0]).toBeGreaterThan(
      out.MetricDataResults?.[1]?.Values?.[0] ?? 0,
    );
  });
});

describe('GetMetricData validation fails the whole call like CloudWatch', () => {
  const start = new Date(NOW - HOUR);
  test.each<[string, MetricDataQuery[], Partial<GetMetricDataCommandInput>, string, RegExp]>([
    [
      '501 queries',
      Array.from({ length: 501 }, (_, i) => orders(60, { Id: `m${i}` })),
      {},
      'InvalidParameterValueException',
      /must not have a size greater than 500/,
    ],
    [
      'an Id starting with a capital',
      [orders(60, { Id: 'Orders' })],
      {},
      'ValidationException',
      /Orders for parameter MetricDataQueries.member.1.Id is not matching the expected pattern/,
    ],
    ['a duplicate Id', [orders(), orders()], {}, 'ValidationException', /not unique/],
    [
      'an unknown id in an expression',
      [orders(), { Id: 'e1', Expression: 'orders / missing' }],
      {},
      'ValidationException',
      /query e1.*'missing'/,
    ],
    [
      'a syntax error',
      [orders(), { Id: 'e1', Expression: 'orders * (2 +' }],
      {},
      'ValidationException',
      /Syntax error in expression of query e1/,
    ],
    [
      'a scalar result',
      [orders(), { Id: 'e1', Expression: 'SUM(orders)' }],
      {},
      'ValidationException',
      /query e1.*single number/,
    ],
    [
      'a circular reference',
      [
        { Id: 'a', Expression: 'b * 2' },
        { Id: 'b', Expression: 'a * 2' },
      ],
      {},
      'ValidationException',
      /Circular reference/,
    ],
    [
      'an invalid statistic',
      [metricQuery('m', 'Shop/Checkout', 'OrdersPlaced', PROD, 'Median', 60)],
      {},
      'ValidationException',
      /Median.*not a valid statistic/,
    ],
    [
      'an invalid period',
      [orders(90)],
      {},
      'ValidationException',
      /period must be 1, 5, 10, 20, 30, or a multiple of 60/,
    ],
    [
      'EndTime before StartTime',
      [orders()],
      { EndTime: new Date(NOW - 2 * HOUR) },
      'ValidationException',
      /StartTime must be less than/,
    ],
    [
      'too many datapoints a page',
      [orders()],
      { MaxDatapoints: 100_801 },
      'InvalidParameterValueException',
      /MaxDatapoints/,
    ],
    [
      'two Insights queries',
      [
        { Id: 'a', Expression: 'SELECT SUM(Invocations) FROM "AWS/Lambda"', Period: 60 },
        { Id: 'b', Expression: 'SELECT SUM(Errors) FROM "AWS/Lambda"', Period: 60 },
      ],
      {},
      'ValidationException',
      /only one Metrics Insights query/,
    ],
  ])('%s', async (_what, queries, input, name, message) => {
    const error = await failure(
      client.send(
        new GetMetricDataCommand({
          StartTime: start,
          EndTime: new Date(NOW),
          MetricDataQueries: queries,
          ...input,
        }),
      ),
    );
    expect(error.name).toBe(name);
    expect(error.message).toMatch(message);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

test('the same clock gives the same values (determinism)', async () => {
  const a = await get([orders(), metricQuery('p', 'Shop/Checkout', 'CheckoutLatency', PROD, 'p99', 60)]);
  const b = await get([orders(), metricQuery('p', 'Shop/Checkout', 'CheckoutLatency', PROD, 'p99', 60)]);
  expect(b.MetricDataResults).toEqual(a.MetricDataResults);
  expect(fake.calls).toHaveLength(2);
});
