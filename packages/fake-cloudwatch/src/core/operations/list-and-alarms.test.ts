import { DescribeAlarmsCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { describe, expect, test } from 'vitest';
import { cloudWatchClient, failure, MINUTE, NOW, setupFakeCloudWatch } from '../../test-support';
import { createScenario } from '../scenario/scenario';
import { listMetrics } from './list-metrics';

let clock = NOW;
setupFakeCloudWatch(() => clock);
const client = cloudWatchClient();

describe('ListMetrics', () => {
  test('pages 500 metrics at a time and the pages hold every metric once', async () => {
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const out = await client.send(new ListMetricsCommand({ NextToken: token }));
      expect(out.Metrics?.length).toBeLessThanOrEqual(500);
      keys.push(...(out.Metrics ?? []).map((m) => JSON.stringify(m)));
      token = out.NextToken;
      pages++;
    } while (token);
    expect(new Set(keys).size).toBe(keys.length);
    expect(pages).toBe(Math.ceil(keys.length / 500));
  });

  test('NextToken continues where the previous page stopped, for the same filters only', () => {
    const scenario = createScenario(NOW);
    const ctx = (input: Record<string, unknown>) => ({
      input,
      region: 'us-east-1',
      now: NOW,
      partial: false,
    });
    type Page = { Metrics: unknown[]; NextToken?: string };
    const all = (listMetrics(scenario, ctx({ Namespace: 'AWS/SQS' })) as Page).Metrics;
    const pages: unknown[] = [];
    let token: string | undefined;
    do {
      const page = listMetrics(scenario, ctx({ Namespace: 'AWS/SQS', NextToken: token }), 4) as Page;
      expect(page.Metrics.length).toBeLessThanOrEqual(4);
      pages.push(...page.Metrics);
      token = page.NextToken;
    } while (token);
    expect(pages).toEqual(all);
    const first = listMetrics(scenario, ctx({ Namespace: 'AWS/SQS' }), 4) as Page;
    expect(() =>
      listMetrics(scenario, ctx({ Namespace: 'AWS/Lambda', NextToken: first.NextToken }), 4),
    ).toThrow(/NextToken/);
  });

  test.each([
    [{ Namespace: 'AWS/Lambda', MetricName: 'Duration' }, 6],
    [
      { Namespace: 'Shop/Checkout', MetricName: 'PaymentsFailed', Dimensions: [{ Name: 'PaymentProvider' }] },
      6,
    ],
    [
      {
        Namespace: 'Shop/Checkout',
        MetricName: 'PaymentsFailed',
        Dimensions: [{ Name: 'PaymentProvider', Value: 'adyen' }],
      },
      2,
    ],
    [{ Namespace: 'AWS/Billing' }, 1],
    [{ Namespace: 'AWS/EC2' }, 0],
  ])('filters %j to %i metrics', async (input, count) => {
    const out = await client.send(new ListMetricsCommand(input));
    expect(out.Metrics).toHaveLength(count);
  });

  test('RecentlyActive=PT3H leaves out the legacy exporter once it has been silent for 3 hours', async () => {
    const recent = () =>
      client.send(new ListMetricsCommand({ Namespace: 'Shop/LegacyWorker', RecentlyActive: 'PT3H' }));
    expect((await recent()).Metrics).toHaveLength(2);
    clock = NOW + 200 * MINUTE;
    try {
      const later = await recent();
      expect(later.Metrics?.map((m) => m.Dimensions?.find((d) => d.Name === 'Environment')?.Value)).toEqual([
        'staging',
      ]);
    } finally {
      clock = NOW;
    }
  });

  test('RecentlyActive accepts only PT3H', async () => {
    const error = await failure(client.send(new ListMetricsCommand({ RecentlyActive: 'PT1H' as 'PT3H' })));
    expect(error.name).toBe('InvalidParameterValueException');
  });
});

describe('DescribeAlarms', () => {
  test('returns metric alarms with states evaluated from the scenario', async () => {
    const out = await client.send(
      new DescribeAlarmsCommand({
        AlarmNames: ['checkout-prod-p99-high', 'legacy-invoice-exporter-heartbeat', 'alb-target-5xx-high'],
      }),
    );
    const byName = Object.fromEntries((out.MetricAlarms ?? []).map((a) => [a.AlarmName, a]));
    expect(byName['checkout-prod-p99-high']).toMatchObject({
      StateValue: 'ALARM',
      AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:checkout-prod-p99-high',
      MetricName: 'CheckoutLatency',
      Namespace: 'Shop/Checkout',
      ExtendedStatistic: 'p99',
      Threshold: 800,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      TreatMissingData: 'missing',
    });
    expect(byName['checkout-prod-p99-high']?.StateUpdatedTimestamp?.getTime()).toBeLessThan(
      NOW - 10 * MINUTE,
    );
    expect(byName['legacy-invoice-exporter-heartbeat']?.StateValue).toBe('INSUFFICIENT_DATA');
    expect(byName['alb-target-5xx-high']?.StateValue).toBe('OK');
    expect(out.CompositeAlarms).toEqual([]);
  });

  test.each([
    [{ StateValue: 'ALARM' as const }, ['checkout-prod-p99-high']],
    [{ AlarmNamePrefix: 'checkout-' }, ['checkout-prod-p99-high', 'checkout-staging-p99-high']],
    [{ AlarmNames: ['no-such-alarm'] }, []],
  ])('filters %j', async (input, names) => {
    const out = await client.send(new DescribeAlarmsCommand(input));
    expect((out.MetricAlarms ?? []).map((a) => a.AlarmName)).toEqual(names);
  });

  test('MaxRecords pages with NextToken', async () => {
    const first = await client.send(new DescribeAlarmsCommand({ MaxRecords: 3 }));
    const second = await client.send(
      new DescribeAlarmsCommand({ MaxRecords: 3, NextToken: first.NextToken }),
    );
    expect(first.MetricAlarms).toHaveLength(3);
    expect(second.MetricAlarms?.[0]?.AlarmName).not.toBe(first.MetricAlarms?.[0]?.AlarmName);
  });

  test('AlarmNames with AlarmNamePrefix is an InvalidParameterCombination', async () => {
    const error = await failure(
      client.send(new DescribeAlarmsCommand({ AlarmNames: ['a'], AlarmNamePrefix: 'a' })),
    );
    expect(error.name).toBe('InvalidParameterCombinationException');
  });
});
