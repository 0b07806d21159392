import { describe, expect, test } from 'vitest';
import { createFakeCloudWatch } from './account';

// The core on its own: parsed requests in, protocol-neutral answers out, no msw and no HTTP.
const NOW = Date.UTC(2025, 4, 21, 14, 0, 0);
const account = () => createFakeCloudWatch({ now: () => NOW, deny: ['DescribeAlarms'] });

describe('the account without a protocol', () => {
  test('answers an operation with its output, timestamps as Dates', async () => {
    const answer = await account().invoke({
      operation: 'GetMetricData',
      region: 'eu-west-1',
      input: {
        StartTime: (NOW - 600_000) / 1000,
        EndTime: NOW / 1000,
        MetricDataQueries: [
          {
            Id: 'orders',
            MetricStat: {
              Metric: {
                Namespace: 'Shop/Checkout',
                MetricName: 'OrdersPlaced',
                Dimensions: [{ Name: 'Environment', Value: 'prod' }],
              },
              Period: 60,
              Stat: 'Sum',
            },
          },
        ],
      },
    });
    expect(answer.kind).toBe('output');
    const output = answer.kind === 'output' ? answer.output : undefined;
    const [result] = (output as { MetricDataResults: Array<{ Timestamps: unknown[]; Values: number[] }> })
      .MetricDataResults;
    expect(result?.Values).toHaveLength(10);
    expect(result?.Timestamps[0]).toEqual(new Date(NOW - 60_000));
  });

  test('a Date input is read as the timestamp it is', async () => {
    const answer = await account().invoke({
      operation: 'GetMetricData',
      region: 'us-east-1',
      input: {
        StartTime: new Date(NOW - 300_000),
        EndTime: new Date(NOW),
        MetricDataQueries: [{ Id: 'one', Expression: 'TIME_SERIES(1)', Period: 60 }],
      },
    });
    expect(answer.kind === 'output' && answer.output).toMatchObject({
      MetricDataResults: [{ Id: 'one', Values: [1, 1, 1, 1, 1] }],
    });
  });

  test('errors come back as AwsErrors: the policy, an unknown operation, bad input', async () => {
    const fake = account();
    const run = (operation: string, input: Record<string, unknown> = {}) =>
      fake.invoke({ operation, input, region: 'us-east-1' });
    expect(await run('DescribeAlarms')).toMatchObject({
      kind: 'error',
      error: { code: 'AccessDenied', status: 403 },
    });
    expect(await run('PutMetricData')).toMatchObject({ kind: 'error', error: { code: 'InvalidAction' } });
    expect(await run('ListMetrics', { RecentlyActive: 'PT1H' })).toMatchObject({
      kind: 'error',
      error: { code: 'InvalidParameterValue', status: 400 },
    });
    fake.denied.clear();
    expect((await run('DescribeAlarms')).kind).toBe('output');
  });

  test('faults apply to invoke: an error, or a dropped connection', async () => {
    const fake = account();
    fake.faults.throttle({ times: 1 });
    expect(await fake.invoke({ operation: 'ListMetrics', input: {}, region: 'us-east-1' })).toMatchObject({
      kind: 'error',
      error: { code: 'Throttling' },
    });
    fake.faults.network({ times: 1 });
    expect(await fake.invoke({ operation: 'ListMetrics', input: {}, region: 'us-east-1' })).toEqual({
      kind: 'network-error',
    });
  });

  test('record keeps the latest 1,000 calls with the clock', () => {
    const fake = account();
    for (let i = 0; i < 1005; i++) fake.record({ operation: `Op${i}`, headers: {}, body: {} });
    expect(fake.calls).toHaveLength(1000);
    expect(fake.calls[0]).toEqual({ operation: 'Op5', headers: {}, body: {}, at: NOW });
    fake.clearCalls();
    expect(fake.calls).toEqual([]);
  });
});
