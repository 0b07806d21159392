/**
 * The CloudWatch source against the simulated account, through the real SDK over HTTP (msw/node
 * intercepts the SDK's node:https requests to the default AWS endpoint, as the msw worker does in
 * the demo). These tests assert what went over the wire.
 */

import { createFakeCloudWatch, type RecordedCall } from '@bellwether/fake-cloudwatch';
import { type SetupServerApi, startFakeCloudWatchServer } from '@bellwether/fake-cloudwatch/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { KpiQuery, MetricStat } from '../../domain/kpi/query-schema';
import type { TimeWindow } from '../../domain/series';
import type { SeriesRequest } from '../metrics-source';
import { createMetricsSource, DEMO_CREDENTIALS } from '../source-config';
import { createCloudWatchClient, endpointFor } from './client';
import { CloudWatchError } from './errors';
import { executePlan } from './execute-plan';
import { planQueries } from './planner';

const NOW = Date.UTC(2025, 2, 10, 14, 7, 30);
const HOUR = 3_600_000;
const REGION = 'us-east-1';

const fake = createFakeCloudWatch({ now: () => NOW });
// The source itself, without the series cache, so every fetch goes over the wire.
const source = createMetricsSource({ kind: 'demo' }, { now: () => NOW, cache: false });
let server: SetupServerApi | undefined;

beforeAll(() => {
  server = startFakeCloudWatchServer(fake);
});
afterEach(() => {
  fake.faults.clear();
  fake.clearCalls();
});
afterAll(() => server?.close());

interface WireQuery {
  Id: string;
  Expression?: string;
  Period?: number;
  ReturnData?: boolean;
  MetricStat?: { Metric: { MetricName: string }; Period: number; Stat: string };
}

function metricDataCalls(): RecordedCall[] {
  return fake.calls.filter((c) => c.operation === 'GetMetricData');
}

function wireQueries(call: RecordedCall): WireQuery[] {
  return (call.body as { MetricDataQueries: WireQuery[] }).MetricDataQueries;
}

function last(ms: number): TimeWindow {
  return { start: NOW - ms, end: NOW };
}

function checkout(name: string, extra: Partial<MetricStat> = {}): MetricStat {
  return { namespace: 'Shop/Checkout', name, dimensions: { Environment: 'prod' }, stat: 'Sum', ...extra };
}

function request(ref: string, query: KpiQuery, extra: Partial<SeriesRequest> = {}): SeriesRequest {
  return { ref, query, region: REGION, window: last(3 * HOUR), ...extra };
}

const paymentSuccess: KpiQuery = {
  kind: 'math',
  expression: '100 * ok / attempts',
  metrics: { ok: checkout('PaymentsSucceeded'), attempts: checkout('PaymentsAttempted') },
};
const orders: KpiQuery = { kind: 'metric', metric: checkout('OrdersPlaced') };

describe('wire protocol', () => {
  test('speaks awsJson1_0 with the GetMetricData target, so an SDK protocol change fails here', async () => {
    await source.fetchSeries([request('orders', orders)]);
    const [call] = metricDataCalls();
    expect(call?.headers['x-amz-target']).toBe('GraniteServiceVersion20100801.GetMetricData');
    expect(call?.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(call?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/);
  });

  test('sends aligned epoch-second times and the planned queries', async () => {
    await source.fetchSeries([request('orders', orders)]);
    const body = metricDataCalls()[0]?.body as { StartTime: number; EndTime: number };
    expect(body.StartTime).toBe(Date.UTC(2025, 2, 10, 11, 7) / 1000);
    expect(body.EndTime).toBe(Date.UTC(2025, 2, 10, 14, 8) / 1000);
    expect(wireQueries(metricDataCalls()[0]!)).toEqual([
      {
        Id: 'm0',
        MetricStat: {
          Metric: {
            Namespace: 'Shop/Checkout',
            MetricName: 'OrdersPlaced',
            Dimensions: [{ Name: 'Environment', Value: 'prod' }],
          },
          Period: 60,
          Stat: 'Sum',
        },
        ReturnData: true,
      },
    ]);
  });
});

describe('fetching series', () => {
  test('a metric and a math KPI come back as series in time order', async () => {
    const report = await source.fetchSeries([request('orders', orders), request('success', paymentSuccess)]);
    expect(report.calls).toBe(1);
    expect(report.fetchedAt).toBe(NOW);
    for (const ref of ['orders', 'success']) {
      const result = report.results[ref]!;
      expect(result.error).toBeUndefined();
      expect(result.period).toBe(60);
      const points = result.series[0]!.points;
      expect(points.length).toBeGreaterThan(150);
      expect(points.map((p) => p.t)).toEqual([...points.map((p) => p.t)].sort((a, b) => a - b));
      for (const p of points) expect(p.t).toBeGreaterThanOrEqual(NOW - 3 * HOUR - 60_000);
    }
    const rates = report.results.success!.series[0]!.points.map((p) => p.v);
    expect(Math.min(...rates)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...rates)).toBeLessThanOrEqual(100);
  });

  test('shared metrics go over the wire once, with ReturnData only where needed', async () => {
    const report = await source.fetchSeries([
      request('attempts', { kind: 'metric', metric: checkout('PaymentsAttempted') }),
      request('success', paymentSuccess),
      request('success-again', paymentSuccess),
    ]);
    const queries = wireQueries(metricDataCalls()[0]!);
    expect(queries.map((q) => [q.Id, q.MetricStat?.Metric.MetricName ?? q.Expression, q.ReturnData])).toEqual(
      [
        ['m0', 'PaymentsAttempted', true],
        ['m1', 'PaymentsSucceeded', false],
        ['e0', '100 * m1 / m0', true],
      ],
    );
    expect(report.results['success-again']?.series[0]?.points).toEqual(
      report.results.success?.series[0]?.points,
    );
  });

  test('includeComponents returns each metric of the expression by its name', async () => {
    const report = await source.fetchSeries([
      request('success', paymentSuccess, { includeComponents: true }),
    ]);
    const result = report.results.success!;
    expect(Object.keys(result.components).sort()).toEqual(['attempts', 'ok']);
    const ok = result.components.ok!.points;
    const attempts = result.components.attempts!.points;
    const rate = result.series[0]!.points;
    expect(rate[10]!.v).toBeCloseTo((100 * ok[10]!.v) / attempts[10]!.v, 6);
  });

  test('1,200 distinct metric queries over 3 hours at 60 s take exactly 3 calls', async () => {
    const requests = Array.from({ length: 1200 }, (_, i) =>
      request(`shard-${i}`, {
        kind: 'metric',
        metric: { ...checkout('OrdersPlaced'), dimensions: { Environment: 'prod', Shard: String(i) } },
      }),
    );
    const report = await source.fetchSeries(requests);
    const calls = metricDataCalls();
    expect(calls).toHaveLength(3);
    expect(report.calls).toBe(3);
    expect(calls.map((c) => wireQueries(c).length).sort()).toEqual([200, 500, 500]);
    for (const c of calls) for (const q of wireQueries(c)) expect(q.MetricStat?.Period).toBe(60);
    expect(Object.values(report.results).filter((r) => r.error)).toEqual([]);
    expect(Object.keys(report.results)).toHaveLength(1200);
  });

  test('a response spread over NextToken pages is followed and merged', async () => {
    // One call of 12 one-minute series over 7 days is 120,972 datapoints: more than one page holds.
    const window = { start: NOW - 7 * 24 * HOUR, end: NOW };
    const stats = ['Sum', 'SampleCount', 'Average', 'Minimum', 'Maximum', 'p50'];
    const requests = ['CheckoutRequests', 'OrdersPlaced'].flatMap((name) =>
      stats.map((stat) =>
        request(
          `${name}-${stat}`,
          { kind: 'metric', metric: checkout(name, { stat, period: 60 }) },
          { window },
        ),
      ),
    );
    const plan = planQueries(requests, { now: NOW, maxDatapointsPerCall: Number.MAX_SAFE_INTEGER });
    expect(plan.batches).toHaveLength(1);
    const report = await executePlan(plan, requests, {
      clientFor: (region) => createCloudWatchClient({ region, credentials: DEMO_CREDENTIALS }),
      endpointFor: (region) => endpointFor(region),
      now: () => NOW,
    });
    const calls = metricDataCalls();
    expect(calls.length).toBeGreaterThan(1);
    expect(report.calls).toBe(calls.length);
    const tokens = calls.map((c) => (c.body as { NextToken?: string }).NextToken);
    expect(tokens[0]).toBeUndefined();
    expect(tokens[1]).toEqual(expect.any(String));

    // The same series fetched in calls small enough for one page each.
    const unpaged = await source.fetchSeries(requests);
    expect(unpaged.calls).toBe(2);
    for (const { ref } of requests) {
      const points = report.results[ref]?.series[0]?.points ?? [];
      expect(points.length).toBeGreaterThan(0);
      expect(points).toEqual(unpaged.results[ref]?.series[0]?.points);
      expect(report.results[ref]?.complete).toBe(true);
    }
  });
});

describe('CloudWatch messages, through the real SDK', () => {
  test('a KPI dividing by zero in some periods is Complete and carries ArithmeticError with a remedy', async () => {
    const report = await source.fetchSeries([
      request('above-average', {
        kind: 'math',
        expression: 'o / IF(o > AVG(o), 1, 0)',
        metrics: { o: checkout('OrdersPlaced') },
      }),
      request('orders', orders),
    ]);
    const result = report.results['above-average']!;
    expect(result.complete).toBe(true);
    expect(result.error).toBeUndefined();
    expect(result.series[0]!.points.length).toBeGreaterThan(0);
    expect(result.messages).toEqual([
      {
        code: 'ArithmeticError',
        text: 'One or more data-points have been dropped due to non-numeric values (NaN, -Infinite, +Infinite)',
        scope: 'result',
        remedy: expect.stringContaining('divided by zero'),
      },
    ]);
    expect(report.results.orders!.messages).toEqual([]);
  });

  test('a Metrics Insights KPI over more than two weeks carries the call-level MaxQueryTimeRangeExceeded', async () => {
    const insights: KpiQuery = {
      kind: 'insights',
      sql: `SELECT SUM(OrdersPlaced) FROM SCHEMA("Shop/Checkout", Environment) WHERE Environment = 'prod'`,
    };
    const report = await source.fetchSeries([
      request('orders-sql', insights, { window: last(20 * 24 * HOUR) }),
    ]);
    const result = report.results['orders-sql']!;
    expect(result.error).toBeUndefined();
    expect(result.messages).toEqual([
      {
        code: 'MaxQueryTimeRangeExceeded',
        text: 'Max time window exceeded for query',
        scope: 'call',
        remedy: expect.stringContaining('two weeks'),
      },
    ]);
  });
});

describe('one bad query', () => {
  test('is isolated: every other KPI still gets data and the bad one names its expression', async () => {
    const bad: KpiQuery = { kind: 'math', expression: 'ok +* attempts', metrics: paymentSuccess.metrics };
    const requests = [
      request('orders', orders),
      request('success', paymentSuccess),
      request('broken', bad),
      request('errors', { kind: 'metric', metric: checkout('CheckoutErrors') }),
      request('latency', { kind: 'metric', metric: checkout('CheckoutLatency', { stat: 'p99' }) }),
    ];
    const report = await source.fetchSeries(requests);
    for (const ref of ['orders', 'success', 'errors', 'latency']) {
      expect(report.results[ref]?.error).toBeUndefined();
      expect(report.results[ref]?.series[0]?.points.length).toBeGreaterThan(0);
    }
    expect(report.results.broken?.error).toMatchObject({ code: 'InvalidQuery', retryable: false });
    expect(report.results.broken?.error?.message).toContain(
      "CloudWatch rejected the expression 'ok +* attempts'",
    );
    expect(report.calls).toBe(metricDataCalls().length);
    expect(report.calls).toBeGreaterThan(1);
  });
});

describe('errors that fail the whole fetch', () => {
  test.each([
    [
      'throttling',
      () => fake.faults.throttle(),
      { code: 'Throttling', retryable: true, httpStatus: 400 },
      'CloudWatch is throttling requests (Rate exceeded); backing off',
    ],
    [
      'a 500',
      () => fake.faults.serverError(),
      { code: 'ServerError', retryable: true, httpStatus: 500 },
      'CloudWatch had a server error (HTTP 500',
    ],
    [
      'a 503',
      () => fake.faults.serverError({ status: 503 }),
      { code: 'ServerError', retryable: true, httpStatus: 503 },
      'HTTP 503',
    ],
    [
      'an expired token',
      () => fake.faults.expiredToken(),
      { code: 'ExpiredToken', retryable: false, httpStatus: 403 },
      'credentials have expired',
    ],
    [
      'a network failure',
      () => fake.faults.network(),
      { code: 'Network', retryable: true },
      'Could not reach CloudWatch at https://monitoring.us-east-1.amazonaws.com',
    ],
  ])('%s rejects with a typed, plain-language error', async (_name, inject, fields, message) => {
    inject();
    const error = await source.fetchSeries([request('orders', orders)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudWatchError);
    expect(error).toMatchObject(fields);
    expect((error as Error).message).toContain(message);
    expect(metricDataCalls()).toHaveLength(1);
  });

  test('the SDK does not retry on its own: React Query owns retries', async () => {
    fake.faults.throttle({ times: 1 });
    await expect(source.fetchSeries([request('orders', orders)])).rejects.toBeInstanceOf(CloudWatchError);
    expect(metricDataCalls()).toHaveLength(1);
    const report = await source.fetchSeries([request('orders', orders)]);
    expect(report.results.orders?.error).toBeUndefined();
  });

  test('a cancelled fetch rejects with the abort, not a CloudWatch error', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await source
      .fetchSeries([request('orders', orders)], controller.signal)
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(CloudWatchError);
    expect((error as Error).name).toBe('AbortError');
  });

  test('partial data is reported as incomplete, not as an error', async () => {
    fake.faults.partialData();
    const report = await source.fetchSeries([request('orders', orders)]);
    expect(report.results.orders?.error).toBeUndefined();
    expect(report.results.orders?.complete).toBe(false);
  });
});

describe('describeAlarms', () => {
  test('asks for at most 100 names per call and returns the states it finds', async () => {
    const names = [
      'checkout-prod-p99-high',
      'legacy-invoice-exporter-heartbeat',
      ...Array.from({ length: 248 }, (_, i) => `missing-${i}`),
    ];
    const states = await source.describeAlarms(REGION, names);
    const calls = fake.calls.filter((c) => c.operation === 'DescribeAlarms');
    expect(calls.map((c) => (c.body as { AlarmNames: string[] }).AlarmNames.length)).toEqual([100, 100, 50]);
    expect(calls[0]?.headers['x-amz-target']).toBe('GraniteServiceVersion20100801.DescribeAlarms');
    expect(states.map((s) => s.name).sort()).toEqual([
      'checkout-prod-p99-high',
      'legacy-invoice-exporter-heartbeat',
    ]);
    for (const state of states) {
      expect(['OK', 'ALARM', 'INSUFFICIENT_DATA']).toContain(state.state);
      expect(state.reason).not.toBe('');
      expect(state.updatedAt).toBeLessThanOrEqual(NOW);
    }
  });

  test('maps its errors like GetMetricData ones', async () => {
    fake.faults.expiredToken({ operations: ['DescribeAlarms'] });
    const error = await source.describeAlarms(REGION, ['checkout-prod-p99-high']).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ExpiredToken', retryable: false });
  });
});

describe('source config', () => {
  const endpoint = 'http://localhost:4566';
  const custom = createMetricsSource({ kind: 'custom-endpoint', endpoint }, { now: () => NOW, cache: false });

  test('a custom endpoint receives the same protocol', async () => {
    const report = await custom.fetchSeries([request('orders', orders)]);
    expect(report.results.orders?.series[0]?.points.length).toBeGreaterThan(0);
    expect(metricDataCalls()[0]?.headers.host).toBe('localhost:4566');
  });

  test('a network failure names the custom endpoint', async () => {
    fake.faults.network();
    await expect(custom.fetchSeries([request('orders', orders)])).rejects.toThrow(
      `Could not reach CloudWatch at ${endpoint}`,
    );
  });
});
