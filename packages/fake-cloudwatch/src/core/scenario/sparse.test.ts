import { describe, expect, test } from 'vitest';
import { fetchMetric, type Points } from '../query/fetch-metric';
import { parseStatistic } from '../query/statistic';
import { createScenario } from './scenario';
import type { MetricId } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.UTC(2025, 4, 21, 14, 0, 0);
const scenario = createScenario(NOW);
const LB = 'app/shop-prod/50dc6c495c0c9188';
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

function read(id: MetricId, stat: string, from: number, to: number, period = 60): Points {
  const metric = scenario.find(id);
  if (!metric) throw new Error(`no metric ${JSON.stringify(id)}`);
  return fetchMetric(metric, parseStatistic(stat)!, { start: from, end: to, period, now: NOW });
}

const target5xx = (dimensions: Record<string, string>): MetricId => ({
  namespace: 'AWS/ApplicationELB',
  name: 'HTTPCode_Target_5XX_Count',
  dimensions,
});

/** Elastic Load Balancing User Guide, "CloudWatch metrics for your Application Load Balancer". */
describe('load balancer HTTPCode_* counts: "Reporting criteria: There is a nonzero value"', () => {
  const incident = scenario.timeline.incidentStart(NOW);
  const calm = { from: incident - 3 * HOUR, to: incident - HOUR };

  test.each(['prod', 'staging'])('%s publishes no datapoint in a minute without a target 5xx', (env) => {
    const lb = env === 'prod' ? LB : 'app/shop-staging/7f3a91c2d4e8b016';
    const points = read(target5xx({ LoadBalancer: lb }), 'Sum', calm.from, calm.to);
    const minutes = (calm.to - calm.from) / MINUTE;
    expect(points.v.every((v) => v > 0)).toBe(true);
    expect(points.t.length).toBeGreaterThan(0);
    expect(points.t.length).toBeLessThan(minutes / 2);
  });

  test('"Minimum, Maximum, and Average all return 1"; Sum and SampleCount are the count', () => {
    const id = target5xx({ LoadBalancer: LB });
    const from = incident + 30 * MINUTE;
    const to = incident + 60 * MINUTE;
    for (const stat of ['Minimum', 'Maximum', 'Average']) {
      expect(new Set(read(id, stat, from, to).v)).toEqual(new Set([1]));
    }
    expect(read(id, 'SampleCount', from, to)).toEqual(read(id, 'Sum', from, to));
    expect(Math.max(...read(id, 'Sum', from, to).v)).toBeGreaterThan(1);
  });

  test("the load balancer's count is the sum of its zones' counts, minute by minute", () => {
    const from = incident - HOUR;
    const to = incident + HOUR;
    const whole = read(target5xx({ LoadBalancer: LB }), 'Sum', from, to);
    const byMinute = new Map<number, number>();
    for (const az of ZONES) {
      const part = read(target5xx({ LoadBalancer: LB, AvailabilityZone: az }), 'Sum', from, to);
      for (const [i, t] of part.t.entries()) byMinute.set(t, (byMinute.get(t) ?? 0) + (part.v[i] ?? 0));
    }
    expect(whole.t).toEqual([...byMinute.keys()].sort((a, b) => a - b));
    expect(whole.v).toEqual(whole.t.map((t) => byMinute.get(t)));
  });

  test('RequestCount, "Always reported", has a datapoint every minute', () => {
    const id = { namespace: 'AWS/ApplicationELB', name: 'RequestCount', dimensions: { LoadBalancer: LB } };
    expect(read(id, 'Sum', calm.from, calm.to).t).toHaveLength((calm.to - calm.from) / MINUTE);
  });
});

/** DynamoDB Developer Guide, "DynamoDB Metrics and dimensions": only non-zero values are sent. */
describe('DynamoDB ThrottledRequests', () => {
  const throttled = (table: string): MetricId => ({
    namespace: 'AWS/DynamoDB',
    name: 'ThrottledRequests',
    dimensions: { TableName: table },
  });

  test('the orders table is throttled only while a flash sale lifts its writes', () => {
    const points = read(throttled('orders'), 'Sum', NOW - 6 * HOUR, NOW);
    expect(points.t.length).toBeGreaterThan(0);
    expect(points.v.every((v) => v > 0)).toBe(true);
    expect(points.t.every((t) => scenario.timeline.flashSale(t) > 0)).toBe(true);
  });

  test('a table never throttled has no ThrottledRequests metric at all', () => {
    for (const table of ['payments', 'inventory', 'orders-staging']) {
      expect(scenario.find(throttled(table))).toBeUndefined();
    }
  });
});

/** Lambda Developer Guide, "Types of metrics for Lambda functions": invocation metrics are binary indicators. */
test('Lambda Errors has a datapoint in every minute with invocations, 0 included, and Maximum at most 1', () => {
  const errors = {
    namespace: 'AWS/Lambda',
    name: 'Errors',
    dimensions: { FunctionName: 'payment-webhook' },
  };
  const sums = read(errors, 'Sum', NOW - HOUR, NOW);
  expect(sums.t).toHaveLength(60);
  expect(sums.v).toContain(0);
  expect(read(errors, 'Maximum', NOW - HOUR, NOW).v.every((v) => v === 0 || v === 1)).toBe(true);
});
