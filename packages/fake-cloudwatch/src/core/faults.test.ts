import { GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { describe, expect, test } from 'vitest';
import { cloudWatchClient, failure, HOUR, metricQuery, NOW, setupFakeCloudWatch } from '../test-support';
import { FaultController, type FaultKind, parseFaultParameter } from './faults';

const fake = setupFakeCloudWatch();
const list = () => cloudWatchClient().send(new ListMetricsCommand({ Namespace: 'AWS/Billing' }));

describe('injected faults reach the real SDK as AWS would send them', () => {
  test.each<[FaultKind, string, number, RegExp]>([
    ['throttle', 'Throttling', 400, /Rate exceeded/],
    ['5xx', 'InternalServiceFault', 500, /Internal service error/],
    ['503', 'ServiceUnavailable', 503, /unavailable/],
    ['expired', 'ExpiredToken', 403, /The security token included in the request is expired/],
  ])('%s → %s (HTTP %i)', async (kind, name, status, message) => {
    fake.faults.inject(kind);
    const error = await failure(list());
    expect(error.name).toBe(name);
    expect(error.$metadata.httpStatusCode).toBe(status);
    expect(error.message).toMatch(message);
  });

  test('a network fault drops the connection: no HTTP status reaches the SDK', async () => {
    fake.faults.network();
    const error = await failure(list());
    expect(error.$metadata?.httpStatusCode).toBeUndefined();
  });

  test('times: N affects only the next N requests, so the SDK retry succeeds', async () => {
    fake.faults.throttle({ times: 1 });
    const out = await cloudWatchClient(3).send(new ListMetricsCommand({ Namespace: 'AWS/Billing' }));
    expect(out.$metadata.attempts).toBe(2);
    expect(fake.faults.active()).toEqual([]);
  });

  test('operations limits the fault to the named operations', async () => {
    fake.faults.throttle({ operations: ['GetMetricData'] });
    await expect(list()).resolves.toBeDefined();
  });

  test('slow answers are held for the delay and then succeed', async () => {
    fake.faults.slow(30);
    const out = await list();
    expect(out.Metrics).toHaveLength(1);
  });

  test('partial data marks results PartialData with a message and keeps the newest half', async () => {
    const query = metricQuery('o', 'Shop/Checkout', 'OrdersPlaced', { Environment: 'prod' }, 'Sum', 60);
    const input = { StartTime: new Date(NOW - HOUR), EndTime: new Date(NOW), MetricDataQueries: [query] };
    const full = await cloudWatchClient().send(new GetMetricDataCommand(input));
    fake.faults.partialData();
    const partial = await cloudWatchClient().send(new GetMetricDataCommand(input));
    const r = partial.MetricDataResults?.[0];
    expect(r?.StatusCode).toBe('PartialData');
    expect(r?.Messages?.length).toBeGreaterThan(0);
    expect(r?.Timestamps).toEqual(full.MetricDataResults?.[0]?.Timestamps?.slice(0, 30));
  });

  test('arithmetic drops the oldest point of metric-math results only, Complete with ArithmeticError', async () => {
    const orders = metricQuery('o', 'Shop/Checkout', 'OrdersPlaced', { Environment: 'prod' }, 'Sum', 60);
    const input = {
      StartTime: new Date(NOW - HOUR),
      EndTime: new Date(NOW),
      ScanBy: 'TimestampAscending' as const,
      MetricDataQueries: [orders, { Id: 'twice', Expression: '2 * o' }],
    };
    const clean = await cloudWatchClient().send(new GetMetricDataCommand(input));
    fake.faults.arithmeticError();
    const out = await cloudWatchClient().send(new GetMetricDataCommand(input));
    const [stat, math] = out.MetricDataResults ?? [];
    expect(stat).toEqual(clean.MetricDataResults?.[0]);
    expect(math?.StatusCode).toBe('Complete');
    expect(math?.Timestamps).toEqual(clean.MetricDataResults?.[1]?.Timestamps?.slice(1));
    expect(math?.Messages).toEqual([
      {
        Code: 'ArithmeticError',
        Value:
          'One or more data-points have been dropped due to non-numeric values (NaN, -Infinite, +Infinite)',
      },
    ]);
  });

  test('clear() stops every fault', async () => {
    fake.faults.throttle();
    fake.faults.clear();
    await expect(list()).resolves.toBeDefined();
  });
});

describe('FaultController', () => {
  test('probability draws from a seeded sequence, so runs repeat', () => {
    const draw = () => {
      const c = new FaultController(42);
      c.throttle({ probability: 0.5 });
      return Array.from({ length: 20 }, () => c.decide('GetMetricData').error);
    };
    const first = draw();
    expect(draw()).toEqual(first);
    expect(first).toContain('throttle');
    expect(first).toContain(undefined);
  });

  test('listeners hear about changes', () => {
    const c = new FaultController();
    let heard = 0;
    c.subscribe(() => heard++);
    c.throttle();
    c.clear();
    expect(heard).toBe(2);
  });

  test.each([
    ['throttle', 'throttle'],
    ['5xx', '5xx'],
    ['slow', 'slow'],
    ['network', 'network'],
    ['expired', 'expired'],
    ['arithmetic', 'arithmetic'],
    ['nonsense', undefined],
    [null, undefined],
  ])('?fault=%s starts %s', (value, expected) => {
    expect(parseFaultParameter(value)).toBe(expected);
  });
});
