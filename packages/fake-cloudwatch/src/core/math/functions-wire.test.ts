import { GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { describe, expect, test } from 'vitest';
import { cloudWatchClient, failure, HOUR, metricQuery, NOW, setupFakeCloudWatch } from '../../test-support';

/** Functions of the User Guide page "Metric math syntax and functions", through the real SDK. */
setupFakeCloudWatch();
const client = cloudWatchClient();
const PROD = { Environment: 'prod' };
const orders = metricQuery('orders', 'Shop/Checkout', 'OrdersPlaced', PROD, 'Sum', 300, {
  ReturnData: false,
});
const staging = metricQuery(
  'staging',
  'Shop/Checkout',
  'OrdersPlaced',
  { Environment: 'staging' },
  'Sum',
  300,
  {
    ReturnData: false,
  },
);

function get(queries: MetricDataQuery[]) {
  return client.send(
    new GetMetricDataCommand({
      StartTime: new Date(NOW - 3 * HOUR),
      EndTime: new Date(NOW),
      MetricDataQueries: queries,
      ScanBy: 'TimestampAscending',
    }),
  );
}

describe('calendar functions over the query range', () => {
  test('HOUR gives the UTC hour of every period and DAY the weekday, Monday = 1', async () => {
    const out = await get([
      orders,
      { Id: 'h', Expression: 'HOUR(orders)' },
      { Id: 'd', Expression: 'DAY(orders)' },
    ]);
    const [hour, day] = out.MetricDataResults ?? [];
    expect(hour?.Timestamps?.length).toBe(36);
    expect(hour?.Values).toEqual(hour?.Timestamps?.map((t) => t.getUTCHours()));
    // NOW is Wednesday 21 May 2025.
    expect(new Set(day?.Values)).toEqual(new Set([3]));
  });

  test('IF(DAY(m1)<6, m1) keeps a weekday whole', async () => {
    const out = await get([orders, { Id: 'weekday', Expression: 'IF(DAY(orders) < 6, orders)' }]);
    const plain = await get([{ ...orders, ReturnData: true }]);
    expect(out.MetricDataResults?.[0]?.Values).toEqual(plain.MetricDataResults?.[0]?.Values);
  });
});

test('SLICE returns part of an array, under the query Id', async () => {
  const out = await get([
    orders,
    staging,
    { Id: 'top', Expression: 'SLICE(SORT(METRICS(), SUM, DESC), 0, 1)' },
  ]);
  const plain = await get([{ ...orders, ReturnData: true }]);
  expect(out.MetricDataResults?.map((r) => r.Id)).toEqual(['top']);
  expect(out.MetricDataResults?.[0]?.Values).toEqual(plain.MetricDataResults?.[0]?.Values);
});

test('a function the account does not run fails the call, naming it, even in a query not returned', async () => {
  const error = await failure(
    get([
      orders,
      { Id: 'q', Expression: 'SERVICE_QUOTA(orders)', ReturnData: false },
      { Id: 'e', Expression: 'orders * 2' },
    ]),
  );
  expect(error.name).toBe('ValidationException');
  expect(error.message).toBe(
    'Error in expression of query q (MetricDataQueries.member.2.Expression): SERVICE_QUOTA is not supported by the simulated account: it reads Service Quotas usage metrics, which the simulated account does not model.',
  );
});
