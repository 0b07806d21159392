/**
 * Incremental refresh against the simulated account, through the real SDK (msw/node answers the SDK's
 * HTTP requests): what a cached source asks CloudWatch for, and that it answers exactly what an
 * uncached source at the same clock answers.
 */
import type { RecordedCall } from '@bellwether/fake-cloudwatch';
import { setupFakeCloudWatch } from '@bellwether/fake-cloudwatch/test-support';
import fc from 'fast-check';
import { beforeEach, describe, expect, test } from 'vitest';
import type { KpiQuery, MetricStat } from '../domain/kpi/query-schema';
import { DEFAULT_LATE_DATA_SECONDS, withSeriesCache } from './cached-source';
import type { MetricsSource, SeriesRequest, SeriesResult } from './metrics-source';
import { completeBoundary } from './series-cache';
import { createMetricsSource } from './source-config';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const START = Date.UTC(2025, 2, 10, 14, 7, 30);
const REGION = 'us-east-1';
let clock = START;
const fake = setupFakeCloudWatch(() => clock);

beforeEach(() => {
  clock = START;
});

const cachedSource = (cache: { maxEntries?: number } = {}): MetricsSource =>
  createMetricsSource({ kind: 'demo' }, { now: () => clock, cache });
const uncached = createMetricsSource({ kind: 'demo' }, { now: () => clock, cache: false });

function checkout(name: string, extra: Partial<MetricStat> = {}): MetricStat {
  return { namespace: 'Shop/Checkout', name, dimensions: { Environment: 'prod' }, stat: 'Sum', ...extra };
}

const orders: KpiQuery = { kind: 'metric', metric: checkout('OrdersPlaced') };
const paymentSuccess: KpiQuery = {
  kind: 'math',
  expression: '100 * ok / attempts',
  metrics: { ok: checkout('PaymentsSucceeded'), attempts: checkout('PaymentsAttempted') },
};
const orderChange: KpiQuery = {
  kind: 'math',
  expression: 'DIFF(o)',
  metrics: { o: checkout('OrdersPlaced') },
};
/** The Checkout dashboard's cost per order: hourly billing, differenced. */
const costPerOrder: KpiQuery = {
  kind: 'math',
  expression: 'IF(DIFF(charges) > 0, DIFF(charges) / orders)',
  period: 3600,
  metrics: {
    charges: {
      namespace: 'AWS/Billing',
      name: 'EstimatedCharges',
      dimensions: { Currency: 'USD' },
      stat: 'Maximum',
      period: 3600,
    },
    orders: checkout('OrdersPlaced', { period: 3600 }),
  },
};

function request(
  ref: string,
  query: KpiQuery,
  span = 3 * HOUR,
  extra: Partial<SeriesRequest> = {},
): SeriesRequest {
  return { ref, query, region: REGION, window: { start: clock - span, end: clock }, ...extra };
}

interface WireBody {
  StartTime: number;
  EndTime: number;
  MetricDataQueries: { Id: string; Expression?: string }[];
}

function metricDataCalls(): WireBody[] {
  return fake.calls
    .filter((c: RecordedCall) => c.operation === 'GetMetricData')
    .map((c: RecordedCall) => c.body as WireBody);
}

/** What a result says, without what only differs by how it was fetched. */
function shape(result: SeriesResult | undefined): unknown {
  if (!result) return undefined;
  return { series: result.series, components: result.components, period: result.period, error: result.error };
}

async function both(requests: SeriesRequest[], cached: MetricsSource) {
  fake.clearCalls();
  const got = await cached.fetchSeries(requests);
  const calls = metricDataCalls();
  fake.clearCalls();
  const expected = await uncached.fetchSeries(requests);
  fake.clearCalls();
  return { got, expected, calls };
}

const seconds = (ms: number): number => ms / 1000;

describe('a steady-state refresh asks only for the periods that can have changed', () => {
  test('the first refresh fetches the whole window', async () => {
    const { got, expected, calls } = await both([request('orders', orders)], cachedSource());
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      StartTime: seconds(Date.UTC(2025, 2, 10, 11, 7)),
      EndTime: seconds(Date.UTC(2025, 2, 10, 14, 8)),
    });
    expect(shape(got.results.orders)).toEqual(shape(expected.results.orders));
    expect(got.cache).toMatchObject({ cachedPoints: 0, cachedRequests: 0 });
  });

  test.each([
    ['a metric', orders],
    ['pointwise math', paymentSuccess],
    ['DIFF', orderChange],
  ])(
    '%s: a minute later only from completeUntil, and the same points as a full fetch',
    async (_kind, query) => {
      const source = cachedSource();
      await source.fetchSeries([request('kpi', query)]);
      const completeUntil = completeBoundary(START, 60, DEFAULT_LATE_DATA_SECONDS);
      clock = START + MINUTE;
      const { got, expected, calls } = await both([request('kpi', query)], source);
      expect(calls).toHaveLength(1);
      const lookback = query === orderChange ? 60 : 0;
      expect(calls[0]).toMatchObject({
        StartTime: seconds(completeUntil) - lookback,
        EndTime: seconds(Date.UTC(2025, 2, 10, 14, 9)),
      });
      expect(shape(got.results.kpi)).toEqual(shape(expected.results.kpi));
      expect(got.results.kpi!.series[0]!.points.length).toBeGreaterThan(170);
      expect(got.cache!.cachedPoints).toBeGreaterThan(got.cache!.fetchedPoints);
    },
  );

  test('the view and the evaluation window of one KPI share one entry and one call', async () => {
    const source = cachedSource();
    const asks = [
      request('kpi', orders, 3 * HOUR, { period: 60 }),
      request('kpi#eval', orders, 30 * MINUTE, { period: 60 }),
    ];
    await source.fetchSeries(asks);
    clock = START + MINUTE;
    const { got, expected, calls } = await both(asks, source);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.MetricDataQueries).toHaveLength(1);
    for (const ref of ['kpi', 'kpi#eval'])
      expect(shape(got.results[ref])).toEqual(shape(expected.results[ref]));
  });

  test('math components come from the cache too', async () => {
    const source = cachedSource();
    const ask = request('success', paymentSuccess, 3 * HOUR, { includeComponents: true });
    await source.fetchSeries([ask]);
    clock = START + 2 * MINUTE;
    const { got, expected } = await both([ask], source);
    expect(Object.keys(got.results.success!.components)).toEqual(['ok', 'attempts']);
    expect(shape(got.results.success)).toEqual(shape(expected.results.success));
  });

  test('the drill-down (with components) and the board (without) share one entry of a query', async () => {
    const source = cachedSource();
    const board = (): SeriesRequest => request('board', paymentSuccess, 6 * HOUR, { period: 60 });
    const chart = (): SeriesRequest =>
      request('chart', paymentSuccess, 6 * HOUR, { period: 60, includeComponents: true });
    await source.fetchSeries([board()]);
    await source.fetchSeries([chart()]);
    clock = START + 2 * MINUTE;
    fake.clearCalls();
    const boardNext = await source.fetchSeries([board()]);
    const chartNext = await source.fetchSeries([chart()]);
    // The board's refresh brought the new minutes, components included; the chart's asked for nothing.
    expect(boardNext.calls).toBe(1);
    expect(chartNext.calls).toBe(0);
    expect(metricDataCalls().every((c) => c.EndTime - c.StartTime <= seconds(10 * MINUTE))).toBe(true);
    expect(boardNext.results.board!.components).toEqual({});
    const { expected } = await both([chart()], source);
    expect(shape(chartNext.results.chart)).toEqual(shape(expected.results.chart));
  });

  test('a fetch says how many bytes CloudWatch sent: fewer for a refresh than for the first load', async () => {
    const source = cachedSource();
    const first = await source.fetchSeries([request('orders', orders, 6 * HOUR, { period: 60 })]);
    clock = START + 2 * MINUTE;
    const next = await source.fetchSeries([request('orders', orders, 6 * HOUR, { period: 60 })]);
    // 360 one-minute datapoints as JSON numbers and ISO timestamps take kilobytes; two take a few hundred bytes.
    expect(first.bytes).toBeGreaterThan(4000);
    expect(next.bytes).toBeGreaterThan(0);
    expect(next.bytes).toBeLessThan(first.bytes! / 5);
  });

  test('a Metrics Insights query of one series is refreshed by its newest periods only', async () => {
    const source = cachedSource();
    const insights: KpiQuery = {
      kind: 'insights',
      sql: 'SELECT SUM(Invocations) FROM SCHEMA("AWS/Lambda", FunctionName)',
      period: 300,
    };
    await source.fetchSeries([request('lambda', insights, 2 * HOUR)]);
    clock = START + 10 * MINUTE;
    const { got, expected, calls } = await both([request('lambda', insights, 2 * HOUR)], source);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.EndTime - calls[0]!.StartTime).toBeLessThanOrEqual(seconds(20 * MINUTE));
    expect(shape(got.results.lambda)).toEqual(shape(expected.results.lambda));
  });

  test('a comparison a day back keeps its own entry: neither window is fetched whole again', async () => {
    const source = cachedSource();
    const view = (): SeriesRequest => request('view', orders, 6 * HOUR, { period: 60 });
    const dayBefore = (): SeriesRequest => ({
      ...request('before', orders, 6 * HOUR, { period: 60 }),
      window: { start: clock - 30 * HOUR, end: clock - 24 * HOUR },
    });
    // The board's fetch and the drill-down's comparison, each in a fetch of its own as on screen.
    await source.fetchSeries([view()]);
    await source.fetchSeries([dayBefore()]);
    for (const minutes of [1, 2, 3]) {
      clock = START + minutes * MINUTE;
      fake.clearCalls();
      await source.fetchSeries([view()]);
      await source.fetchSeries([dayBefore()]);
      for (const call of metricDataCalls())
        expect(call.EndTime - call.StartTime).toBeLessThanOrEqual(seconds(10 * MINUTE));
    }
    const { got, expected } = await both([view(), dayBefore()], source);
    expect(shape(got.results.before)).toEqual(shape(expected.results.before));
    expect(shape(got.results.view)).toEqual(shape(expected.results.view));
  });

  test('a 1-hour series is not asked again until a new hour can have completed', async () => {
    const source = cachedSource();
    const slo = request('slo', orders, 3 * 24 * HOUR, { period: 3600 });
    await source.fetchSeries([slo]);
    fake.clearCalls();
    for (const minutes of [1, 10, 30, 57]) {
      clock = START + minutes * MINUTE;
      const report = await source.fetchSeries([request('slo', orders, 3 * 24 * HOUR, { period: 3600 })]);
      expect(report.calls).toBe(0);
      expect(report.results.slo!.series[0]!.points.length).toBeGreaterThan(70);
      expect(report.results.slo!.messages).toEqual([]);
    }
    expect(metricDataCalls()).toHaveLength(0);
    clock = Date.UTC(2025, 2, 10, 15, 5, 30);
    const { got, expected, calls } = await both(
      [request('slo', orders, 3 * 24 * HOUR, { period: 3600 })],
      source,
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]!.StartTime).toBe(seconds(Date.UTC(2025, 2, 10, 14)));
    expect(shape(got.results.slo)).toEqual(shape(expected.results.slo));
  });

  test.each<[string, KpiQuery]>([
    [
      'SEARCH',
      {
        kind: 'math',
        expression: `SEARCH('{Shop/Checkout,Environment} MetricName="OrdersPlaced"', 'Sum', 60)`,
        metrics: {},
      },
    ],
    ['RUNNING_SUM', { kind: 'math', expression: 'RUNNING_SUM(o)', metrics: { o: checkout('OrdersPlaced') } }],
    [
      'Metrics Insights',
      {
        kind: 'insights',
        sql: 'SELECT SUM(OrdersPlaced) FROM SCHEMA("Shop/Checkout", Environment) GROUP BY Environment',
        period: 60,
      },
    ],
  ])('%s is always fetched whole', async (_kind, query) => {
    const source = cachedSource();
    await source.fetchSeries([request('kpi', query)]);
    clock = START + MINUTE;
    const { got, expected, calls } = await both([request('kpi', query)], source);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.StartTime).toBe(seconds(Date.UTC(2025, 2, 10, 11, 8)));
    expect(shape(got.results.kpi)).toEqual(shape(expected.results.kpi));
  });

  test('a longer range fetches only the older part it lacks', async () => {
    const source = cachedSource();
    await source.fetchSeries([request('orders', orders, 3 * HOUR, { period: 60 })]);
    const { got, expected, calls } = await both(
      [request('orders', orders, 6 * HOUR, { period: 60 })],
      source,
    );
    expect(calls).toEqual([
      expect.objectContaining({
        StartTime: seconds(Date.UTC(2025, 2, 10, 8, 7)),
        EndTime: seconds(Date.UTC(2025, 2, 10, 11, 7)),
      }),
    ]);
    expect(shape(got.results.orders)).toEqual(shape(expected.results.orders));
    // And back to the shorter range: nothing to fetch.
    const back = await both([request('orders', orders, 3 * HOUR, { period: 60 })], source);
    expect(back.calls).toHaveLength(0);
    expect(shape(back.got.results.orders)).toEqual(shape(back.expected.results.orders));
  });
});

describe('failures leave the cache as it was', () => {
  test('a throttled tail rejects the fetch; the next refresh asks for the same periods', async () => {
    const source = cachedSource();
    await source.fetchSeries([request('orders', orders)]);
    clock = START + MINUTE;
    fake.faults.throttle();
    await expect(source.fetchSeries([request('orders', orders)])).rejects.toMatchObject({
      code: 'Throttling',
    });
    fake.faults.clear();
    const { got, expected, calls } = await both([request('orders', orders)], source);
    expect(calls[0]!.StartTime).toBe(seconds(completeBoundary(START, 60, DEFAULT_LATE_DATA_SECONDS)));
    expect(shape(got.results.orders)).toEqual(shape(expected.results.orders));
  });

  test('a partial tail is reported as such and not kept', async () => {
    const source = cachedSource();
    await source.fetchSeries([request('orders', orders)]);
    clock = START + MINUTE;
    fake.faults.partialData();
    const partial = await source.fetchSeries([request('orders', orders)]);
    expect(partial.results.orders!.complete).toBe(false);
    expect(partial.results.orders!.messages.length).toBeGreaterThan(0);
    fake.faults.clear();
    const { got, expected, calls } = await both([request('orders', orders)], source);
    expect(calls[0]!.StartTime).toBe(seconds(completeBoundary(START, 60, DEFAULT_LATE_DATA_SECONDS)));
    expect(shape(got.results.orders)).toEqual(shape(expected.results.orders));
  });
});

describe('the cache stays bounded', () => {
  test('at most maxEntries entries', async () => {
    const source = cachedSource({ maxEntries: 3 });
    const many = [
      'OrdersPlaced',
      'PaymentsSucceeded',
      'PaymentsAttempted',
      'CheckoutErrors',
      'CartsCreated',
    ].map((name) => request(name, { kind: 'metric', metric: checkout(name) }));
    await source.fetchSeries(many);
    expect(source.stats?.().cacheEntries).toBe(3);
  });

  test('a sliding window keeps about its own size for as long as it runs', async () => {
    const source = cachedSource();
    const sizes: number[] = [];
    for (let i = 0; i < 30; i++) {
      clock = START + i * 10 * MINUTE;
      await source.fetchSeries([request('orders', orders, HOUR, { period: 60 })]);
      sizes.push(source.stats!().cachePoints);
    }
    expect(Math.max(...sizes.slice(10))).toBeLessThanOrEqual(60 + 8 * 10 + 1);
    expect(sizes.at(-1)).toBeLessThanOrEqual(sizes[12]!);
  });

  test('another identity empties the cache', async () => {
    let who = 'alice';
    const source = withSeriesCache(uncached, { now: () => clock, identity: () => who });
    await source.fetchSeries([request('orders', orders)]);
    expect(source.stats().cacheEntries).toBe(1);
    who = 'bob';
    fake.clearCalls();
    await source.fetchSeries([request('orders', orders)]);
    expect(metricDataCalls()[0]!.StartTime).toBe(seconds(Date.UTC(2025, 2, 10, 11, 7)));
  });
});

describe('stats count what went over the wire', () => {
  test('calls, queries, metrics and points', async () => {
    const source = cachedSource();
    await source.fetchSeries([request('success', paymentSuccess)]);
    clock = START + MINUTE;
    await source.fetchSeries([request('success', paymentSuccess)]);
    const stats = source.stats!();
    expect(stats).toMatchObject({ fetches: 2, calls: 2, queries: 6, metrics: 4, cacheEntries: 1 });
    expect(stats.cachedPoints).toBeGreaterThan(150);
    expect(stats.fetchedPoints).toBeLessThan(200);
  });
});

describe('property: cached and uncached agree', () => {
  test('on every complete period, and on everything when the cached source fetched', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(orders, paymentSuccess, orderChange, costPerOrder),
        fc.constantFrom(60, 300, 3600),
        fc.array(fc.oneof(fc.integer({ min: 1, max: 900 }), fc.integer({ min: 900, max: 4 * 3600 })), {
          minLength: 1,
          maxLength: 6,
        }),
        async (query, period, steps) => {
          clock = START;
          const source = cachedSource();
          const span = period === 3600 ? 31 * HOUR : 3 * HOUR;
          const ask = (): SeriesRequest[] => [request('kpi', query, span, { period })];
          await source.fetchSeries(ask());
          for (const step of steps) {
            clock += step * 1000;
            const got = await source.fetchSeries(ask());
            const expected = await uncached.fetchSeries(ask());
            const boundary = completeBoundary(clock, got.results.kpi!.period, DEFAULT_LATE_DATA_SECONDS);
            const final = (r: SeriesResult | undefined) =>
              r?.series.map((s) => ({ ...s, points: s.points.filter((p) => p.t < boundary) }));
            expect(final(got.results.kpi)).toEqual(final(expected.results.kpi));
            if (got.calls > 0) expect(shape(got.results.kpi)).toEqual(shape(expected.results.kpi));
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);
});

describe('what the cache cannot merge is asked again whole', () => {
  test('series that change from one fetch to the next', async () => {
    let label = 'before';
    const asked: SeriesRequest[][] = [];
    const inner: MetricsSource = {
      async fetchSeries(requests) {
        asked.push(requests);
        const results = Object.fromEntries(
          requests.map((r) => {
            const points = [];
            for (let t = r.window.start; t < Math.min(r.window.end, clock); t += MINUTE)
              points.push({ t, v: 1 });
            return [
              r.ref,
              {
                ref: r.ref,
                series: [{ label, points }],
                components: {},
                period: 60,
                complete: true,
                messages: [],
              },
            ];
          }),
        );
        return { results, calls: 1, fetchedAt: clock };
      },
      describeAlarms: async () => [],
    };
    const source = withSeriesCache(inner, { now: () => clock });
    const ask = (): SeriesRequest[] => [request('kpi', orders, HOUR, { period: 60 })];
    await source.fetchSeries(ask());
    clock = START + MINUTE;
    label = 'after';
    asked.length = 0;
    const report = await source.fetchSeries(ask());
    expect(asked.map((requests) => requests.map((r) => (r.window.end - r.window.start) / MINUTE))).toEqual([
      [7],
      [61],
    ]);
    expect(report.calls).toBe(2);
    expect(report.results.kpi!.series).toEqual([{ label: 'after', points: expect.any(Array) }]);
    expect(report.results.kpi!.series[0]!.points).toHaveLength(61);
  });
});
