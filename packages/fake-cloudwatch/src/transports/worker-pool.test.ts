import { afterAll, describe, expect, test } from 'vitest';
import { createFakeCloudWatch } from '../core/account';
import { estimatedPoints } from './threaded-account';
import { createPooledFakeCloudWatch } from './worker-pool';

const NOW = Date.UTC(2025, 2, 10, 14, 7, 30);
const END = Math.floor(NOW / 300_000) * 300_000;
const DAY = 86_400_000;

function successRate(days: number, period: number): Record<string, unknown> {
  const metric = (name: string, id: string) => ({
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: 'Shop/Checkout',
        MetricName: name,
        Dimensions: [{ Name: 'Environment', Value: 'prod' }],
      },
      Period: period,
      Stat: 'Sum',
    },
    ReturnData: false,
  });
  return {
    StartTime: new Date(END - days * DAY),
    EndTime: new Date(END),
    MetricDataQueries: [
      metric('PaymentsSucceeded', 'ok'),
      metric('PaymentsAttempted', 'all'),
      { Id: 'rate', Expression: '100 * ok / all', ReturnData: true },
    ],
  };
}

const pooled = createPooledFakeCloudWatch({ now: () => NOW, workers: 2 });
const inProcess = createFakeCloudWatch({ now: () => NOW });
afterAll(() => pooled.close());

describe('the pooled account', () => {
  test('answers exactly what the account on one thread answers', { timeout: 60_000 }, async () => {
    for (const request of [
      { operation: 'GetMetricData', input: successRate(1, 300), region: 'us-east-1' },
      { operation: 'DescribeAlarms', input: {}, region: 'us-east-1' },
      { operation: 'ListMetrics', input: { Namespace: 'Shop/Checkout' }, region: 'us-east-1' },
      { operation: 'GetMetricData', input: { MetricDataQueries: [] }, region: 'us-east-1' },
      { operation: 'PutMetricAlarm', input: {}, region: 'us-east-1' },
    ]) {
      expect(await pooled.invoke(request), request.operation).toEqual(await inProcess.invoke(request));
    }
  });

  test('keeps the policy and the faults on the main thread, with their budgets', async () => {
    const request = { operation: 'GetMetricData', input: successRate(1, 300), region: 'us-east-1' };
    pooled.faults.throttle({ times: 1 });
    const throttled = await pooled.invoke(request);
    expect(throttled.kind === 'error' && throttled.error.code).toBe('Throttling');
    expect((await pooled.invoke(request)).kind).toBe('output');
    pooled.faults.network({ times: 1 });
    expect(await pooled.invoke(request)).toEqual({ kind: 'network-error' });
    pooled.faults.partialData({ times: 1 });
    const partial = await pooled.invoke(request);
    const results =
      partial.kind === 'output'
        ? (partial.output as { MetricDataResults: { StatusCode: string }[] })
        : undefined;
    expect(results?.MetricDataResults[0]?.StatusCode).toBe('PartialData');
    pooled.denied.add('DescribeAlarms');
    const denied = await pooled.invoke({ operation: 'DescribeAlarms', input: {}, region: 'us-east-1' });
    expect(denied.kind === 'error' && denied.error.code).toBe('AccessDenied');
    pooled.denied.clear();
  });

  test('a long query leaves the event loop free, and a short one sent after it is answered first', async () => {
    const order: string[] = [];
    const long = pooled
      .invoke({ operation: 'GetMetricData', input: successRate(90, 3600), region: 'us-east-1' })
      .then(() => order.push('90 days'));
    const short = pooled
      .invoke({ operation: 'GetMetricData', input: successRate(0.125, 60), region: 'us-east-1' })
      .then(() => order.push('3 hours'));
    await new Promise((resolve) => setImmediate(resolve));
    order.push('event loop');
    await Promise.all([long, short]);
    expect(order).toEqual(['event loop', '3 hours', '90 days']);
  }, 60_000);
});

test.each([
  ['DescribeAlarms', 'DescribeAlarms', {}, 100],
  ['3 h at 1 min', 'GetMetricData', successRate(0.125, 60), 360],
  ['30 days at 5 min', 'GetMetricData', successRate(30, 300), 17_280],
])('the queue estimates %s at the points it computes', (_, operation, input, points) => {
  expect(estimatedPoints(operation, input)).toBe(points);
});
