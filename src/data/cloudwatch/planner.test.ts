import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { KpiQuery, MetricStat } from '../../domain/kpi/query-schema';
import type { TimeWindow } from '../../domain/series';
import type { SeriesRequest } from '../metrics-source';
import {
  MAX_DATAPOINTS_PER_CALL,
  MAX_QUERIES_PER_CALL,
  type PlannedQuery,
  type QueryPlan,
} from './plan-types';
import { describePlan, planQueries } from './planner';

const NOW = Date.UTC(2024, 4, 15, 12, 0, 30);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ID_RE = /^[a-z][a-zA-Z0-9_]*$/;

function last(ms: number, now = NOW): TimeWindow {
  return { start: now - ms, end: now };
}

function metric(name: string, extra: Partial<MetricStat> = {}): MetricStat {
  return { namespace: 'Shop', name, dimensions: {}, stat: 'Sum', ...extra };
}

function metricQuery(name: string, extra: Partial<MetricStat> = {}): KpiQuery {
  return { kind: 'metric', metric: metric(name, extra) };
}

function mathQuery(expression: string, metrics: Record<string, MetricStat>, extra = {}): KpiQuery {
  return { kind: 'math', expression, metrics, ...extra };
}

function request(ref: string, query: KpiQuery, extra: Partial<SeriesRequest> = {}): SeriesRequest {
  return { ref, query, region: 'eu-west-1', window: last(3 * HOUR), ...extra };
}

function queriesOf(plan: QueryPlan): PlannedQuery[] {
  return plan.batches.flatMap((b) => b.queries);
}

function queryFor(plan: QueryPlan, ref: string): PlannedQuery {
  const output = plan.outputs[ref];
  if (!output) throw new Error(`no output for ${ref}`);
  const query = plan.batches[output.batch]?.queries.find((q) => q.Id === output.id);
  if (!query) throw new Error(`no query ${output.id} in batch ${output.batch}`);
  return query;
}

describe('deduplication', () => {
  test('two KPIs on the same metric, stat, period and dimensions fetch it once', () => {
    const plan = planQueries(
      [
        request('a', metricQuery('Orders', { dimensions: { Env: 'prod', Service: 'checkout' } })),
        request('b', metricQuery('Orders', { dimensions: { Service: 'checkout', Env: 'prod' } })),
      ],
      { now: NOW },
    );
    expect(queriesOf(plan)).toHaveLength(1);
    expect(plan.outputs.a?.id).toBe(plan.outputs.b?.id);
    expect(queriesOf(plan)[0]?.MetricStat?.Metric.Dimensions).toEqual([
      { Name: 'Env', Value: 'prod' },
      { Name: 'Service', Value: 'checkout' },
    ]);
  });

  test.each<[string, Partial<MetricStat>, Partial<SeriesRequest>]>([
    ['statistic', { stat: 'Average' }, {}],
    ['period', { period: 300 }, {}],
    ['dimensions', { dimensions: { Env: 'staging' } }, {}],
    ['unit', { unit: 'Count' }, {}],
    ['account', { accountId: '123456789012' }, {}],
    ['region', { region: 'us-east-1' }, {}],
  ])('a different %s is a different query', (_what, metricExtra, requestExtra) => {
    const plan = planQueries(
      [request('a', metricQuery('Orders')), request('b', metricQuery('Orders', metricExtra), requestExtra)],
      { now: NOW },
    );
    expect(queriesOf(plan)).toHaveLength(2);
  });

  test('identical expressions over the same metrics are computed once', () => {
    const query = mathQuery('100 * errors / requests', {
      errors: metric('Errors'),
      requests: metric('Requests'),
    });
    const renamed = mathQuery('100 * bad / total', { bad: metric('Errors'), total: metric('Requests') });
    const plan = planQueries([request('a', query), request('b', query), request('c', renamed)], { now: NOW });
    expect(queriesOf(plan).map((q) => q.Expression ?? q.MetricStat?.Metric.MetricName)).toEqual([
      'Errors',
      'Requests',
      '100 * m0 / m1',
    ]);
    expect(new Set(['a', 'b', 'c'].map((ref) => plan.outputs[ref]?.id))).toEqual(new Set(['e0']));
  });

  test('a metric used by a KPI and by another KPI’s expression is fetched once and returned', () => {
    const plan = planQueries(
      [
        request('requests', metricQuery('Requests')),
        request(
          'rate',
          mathQuery('errors / requests', { errors: metric('Errors'), requests: metric('Requests') }),
        ),
      ],
      { now: NOW },
    );
    expect(queriesOf(plan).filter((q) => q.MetricStat?.Metric.MetricName === 'Requests')).toEqual([
      expect.objectContaining({ ReturnData: true }),
    ]);
    expect(queriesOf(plan).find((q) => q.MetricStat?.Metric.MetricName === 'Errors')?.ReturnData).toBe(false);
  });
});

describe('ids', () => {
  test('every id is valid and unique within its call, whatever the requests', () => {
    const names = ['a', 'b', 'errors', 'requests', 'x_1'];
    const arbitraryQuery: fc.Arbitrary<KpiQuery> = fc.oneof(
      fc
        .record({ name: fc.constantFrom('Orders', 'Errors', 'Latency'), stat: fc.constantFrom('Sum', 'p99') })
        .map(({ name, stat }) => metricQuery(name, { stat })),
      fc
        .subarray(names, { minLength: 1 })
        .map((used) =>
          mathQuery(
            `SUM(METRICS()) + ${used.join(' + ')}`,
            Object.fromEntries(used.map((n) => [n, metric(n)])),
          ),
        ),
      fc.constant<KpiQuery>({ kind: 'insights', sql: 'SELECT SUM(Orders) FROM Shop' }),
    );
    fc.assert(
      fc.property(
        fc.array(arbitraryQuery, { maxLength: 40 }),
        fc.integer({ min: 2, max: 12 }),
        (queries, cap) => {
          const plan = planQueries(
            queries.map((q, i) => request(`r${i}`, q, { includeComponents: i % 3 === 0 })),
            { now: NOW, maxQueriesPerCall: cap },
          );
          for (const batch of plan.batches) {
            const ids = batch.queries.map((q) => q.Id);
            for (const id of ids) expect(id).toMatch(ID_RE);
            expect(new Set(ids).size).toBe(ids.length);
            expect(batch.queries.length).toBeLessThanOrEqual(cap);
            expect(
              batch.queries.filter((q) => q.Expression?.startsWith('SELECT')).length,
            ).toBeLessThanOrEqual(1);
            const known = new Set(ids);
            for (const q of batch.queries) {
              for (const ref of q.Expression?.match(/\b[a-z][a-zA-Z0-9_]*\b/g) ?? [])
                expect(known).toContain(ref);
            }
          }
          expect(Object.keys(plan.outputs).length + Object.keys(plan.errors).length).toBe(queries.length);
        },
      ),
    );
  });
});

describe('metric math', () => {
  test('the expression is rewritten to planned ids and its metrics are not returned', () => {
    const plan = planQueries(
      [
        request(
          'rate',
          mathQuery('100 * errors / requests', { errors: metric('Errors'), requests: metric('Requests') }),
        ),
      ],
      { now: NOW },
    );
    expect(plan.batches).toHaveLength(1);
    expect(plan.batches[0]?.queries).toEqual([
      expect.objectContaining({ Id: 'm0', ReturnData: false }),
      expect.objectContaining({ Id: 'm1', ReturnData: false }),
      { Id: 'e0', Expression: '100 * m0 / m1', Period: 60, ReturnData: true },
    ]);
    expect(plan.outputs.rate).toEqual({
      batch: 0,
      id: 'e0',
      period: 60,
      window: { start: Date.UTC(2024, 4, 15, 9, 0), end: Date.UTC(2024, 4, 15, 12, 1) },
      queryIds: ['m0', 'm1', 'e0'],
      componentIds: {},
      messages: [],
    });
  });

  test('includeComponents returns the metrics and says which id is which', () => {
    const plan = planQueries(
      [
        request(
          'rate',
          mathQuery('errors / requests', { errors: metric('Errors'), requests: metric('Requests') }),
          {
            includeComponents: true,
          },
        ),
      ],
      { now: NOW },
    );
    expect(plan.batches[0]?.queries.every((q) => q.ReturnData)).toBe(true);
    expect(plan.outputs.rate?.componentIds).toEqual({ errors: 'm0', requests: 'm1' });
  });

  test('METRICS() names only the KPI’s own metrics, even when batched with others', () => {
    const plan = planQueries(
      [
        request('orders', metricQuery('Orders')),
        request('faults', mathQuery('SUM(METRICS())', { a: metric('Errors4xx'), b: metric('Errors5xx') })),
        request(
          '5xx',
          mathQuery("SUM(METRICS('server'))", { client: metric('Errors4xx'), server: metric('Errors5xx') }),
        ),
      ],
      { now: NOW },
    );
    expect(plan.batches).toHaveLength(1);
    expect(queryFor(plan, 'faults').Expression).toBe('SUM([m1, m2])');
    expect(queryFor(plan, '5xx').Expression).toBe('SUM([m2])');
  });

  test('a metric’s own period is kept inside the expression', () => {
    const plan = planQueries(
      [request('r', mathQuery('a / b', { a: metric('A', { period: 300 }), b: metric('B') }), { period: 60 })],
      { now: NOW },
    );
    expect(plan.batches[0]?.queries.map((q) => q.MetricStat?.Period ?? q.Period)).toEqual([300, 60, 60]);
  });

  test('an expression and its metrics always share a call, repeating a shared metric if needed', () => {
    const requests = Array.from({ length: 6 }, (_, i) =>
      request(`k${i}`, mathQuery('shared + own', { shared: metric('Shared'), own: metric(`Own${i}`) })),
    );
    const plan = planQueries(requests, { now: NOW, maxQueriesPerCall: 7 });
    for (const batch of plan.batches) {
      const ids = new Set(batch.queries.map((q) => q.Id));
      for (const q of batch.queries) {
        for (const ref of q.Expression?.match(/\bm\d+\b/g) ?? []) expect(ids).toContain(ref);
      }
      expect(batch.queries.filter((q) => q.MetricStat?.Metric.MetricName === 'Shared')).toHaveLength(1);
    }
    expect(plan.batches.map((b) => b.queries.length)).toEqual([7, 7]);
  });

  test('a Label the request asks for is sent, and an unlabelled twin gets its own query', () => {
    const search = `SEARCH('{Shop,Provider} MetricName="Orders"', 'Sum', 60)`;
    const label = ['$', "{PROP('Dim.Provider')}"].join('');
    const plan = planQueries(
      [request('by-provider', mathQuery(search, {}, { label })), request('plain', mathQuery(search, {}))],
      { now: NOW },
    );
    expect(queryFor(plan, 'by-provider')).toMatchObject({ Expression: search, Label: label });
    expect(queryFor(plan, 'plain').Label).toBeUndefined();
    expect(plan.outputs['by-provider']?.label).toBe(label);
    expect(plan.outputs.plain?.label).toBeUndefined();
  });
});

describe('packing', () => {
  test('1,200 distinct metrics over 3 hours at 60 s take exactly 3 calls', () => {
    const requests = Array.from({ length: 1200 }, (_, i) =>
      request(`k${i}`, metricQuery(`M${i}`), { period: 60 }),
    );
    const plan = planQueries(requests, { now: NOW });
    expect(plan.batches.map((b) => b.queries.length)).toEqual([500, 500, 200]);
    for (const b of plan.batches) expect(b.datapoints).toBeLessThanOrEqual(MAX_DATAPOINTS_PER_CALL);
    expect(plan.batches[0]?.datapoints).toBe(500 * 181);
    expect(describePlan(plan)).toBe('3 calls, 1,200 queries, 217,200 datapoints, periods 1m');
  });

  test('shared metrics count once towards the limits', () => {
    const requests = Array.from({ length: 1200 }, (_, i) => request(`k${i}`, metricQuery(`M${i % 600}`)));
    const plan = planQueries(requests, { now: NOW });
    expect(plan.batches.map((b) => b.queries.length)).toEqual([500, 100]);
    expect(plan.outputs.k0?.id).toBe(plan.outputs.k600?.id);
  });

  test('1-minute data over 7 days packs by datapoints: 10,080 each, 10 per call', () => {
    const window = { start: Date.UTC(2024, 4, 8), end: Date.UTC(2024, 4, 15) };
    const requests = Array.from({ length: 25 }, (_, i) =>
      request(`k${i}`, metricQuery(`M${i}`, { period: 60 }), { window }),
    );
    const plan = planQueries(requests, { now: window.end });
    expect(plan.batches.map((b) => b.queries.length)).toEqual([10, 10, 5]);
    expect(plan.batches.map((b) => b.datapoints)).toEqual([100_800, 100_800, 50_400]);
  });

  test('one Metrics Insights query per call', () => {
    const sql = (n: number): KpiQuery => ({ kind: 'insights', sql: `SELECT SUM(M${n}) FROM Shop` });
    const plan = planQueries(
      [request('a', sql(1)), request('b', sql(2)), request('c', metricQuery('Orders')), request('d', sql(1))],
      { now: NOW },
    );
    expect(plan.batches.map((b) => b.queries.map((q) => q.Id))).toEqual([['q0', 'm0'], ['q1']]);
    expect(plan.outputs.d).toEqual(plan.outputs.a);
  });

  test('nested windows share one call and one query; regions go to different calls; accounts share one', () => {
    const plan = planQueries(
      [
        request('a', metricQuery('Orders')),
        request('b', metricQuery('Orders'), { window: last(6 * HOUR) }),
        request('c', metricQuery('Orders'), { region: 'us-east-1' }),
        request('d', metricQuery('Orders', { accountId: '111122223333' })),
      ],
      { now: NOW },
    );
    expect(plan.batches.map((b) => [b.region, b.queries.length])).toEqual([
      ['eu-west-1', 2],
      ['us-east-1', 1],
    ]);
    expect(plan.outputs.a?.id).toBe(plan.outputs.b?.id);
    expect(plan.outputs.a?.window).toEqual({
      start: Date.UTC(2024, 4, 15, 9, 0),
      end: Date.UTC(2024, 4, 15, 12, 1),
    });
    expect(plan.batches[0]).toMatchObject({ startTime: Date.UTC(2024, 4, 15, 6, 0) });
    expect(queryFor(plan, 'd').AccountId).toBe('111122223333');
    expect(queryFor(plan, 'a').AccountId).toBeUndefined();
  });

  test('a dashboard refresh with view, evaluation, band and SLO windows takes as few calls as fit', () => {
    const kpis = Array.from({ length: 16 }, (_, i) => `M${i}`);
    const requests = kpis.flatMap((name) => [
      request(`${name}`, metricQuery(name, { period: 60 }), { window: last(6 * HOUR) }),
      request(`${name}#eval`, metricQuery(name, { period: 60 }), { window: last(30 * MIN) }),
      request(`${name}#slo-6h`, metricQuery(name, { period: 60 }), { window: last(6 * HOUR) }),
    ]);
    const plan = planQueries(requests, { now: NOW });
    expect(plan.batches).toHaveLength(1);
    expect(plan.batches[0]?.queries).toHaveLength(16);
  });

  test('a long coarse window does not drag fine series along: it takes its own call', () => {
    const plan = planQueries(
      [
        request('view', metricQuery('Orders', { period: 60 }), { window: last(6 * HOUR) }),
        request('slo-30d', metricQuery('Orders', { period: 3600 }), { window: last(30 * DAY) }),
      ],
      { now: NOW },
    );
    expect(plan.batches).toHaveLength(2);
    expect(plan.batches.map((b) => b.datapoints).sort((a, b) => a - b)).toEqual([361, 721]);
  });

  test('short fine windows are not stretched one by one over a long call', () => {
    const plan = planQueries(
      [
        request('slo', metricQuery('Orders', { period: 300 }), { window: last(3 * DAY) }),
        ...Array.from({ length: 8 }, (_, i) =>
          request(`eval${i}`, metricQuery(`M${i}`, { period: 60 }), { window: last(30 * MIN) }),
        ),
      ],
      { now: NOW },
    );
    expect(plan.batches.map((b) => b.queries.length).sort()).toEqual([1, 8]);
  });

  test('short windows of coarse and fine series merge, aligned to the coarsest period', () => {
    const plan = planQueries(
      [
        request('fine', metricQuery('Orders', { period: 60 }), { window: last(10 * MIN) }),
        request('coarse', metricQuery('Orders', { period: 3600 }), { window: last(2 * HOUR) }),
      ],
      { now: NOW },
    );
    expect(plan.batches).toHaveLength(1);
    expect(plan.batches[0]).toMatchObject({
      startTime: Date.UTC(2024, 4, 15, 10, 0),
      endTime: Date.UTC(2024, 4, 15, 13, 0),
    });
    expect(plan.outputs.fine?.window).toEqual({
      start: Date.UTC(2024, 4, 15, 11, 50),
      end: Date.UTC(2024, 4, 15, 12, 1),
    });
  });

  test('periods that do not divide each other never share a call', () => {
    const plan = planQueries(
      [
        request('a', metricQuery('Orders', { period: 120 }), { window: last(HOUR) }),
        request('b', metricQuery('Orders', { period: 180 }), { window: last(HOUR) }),
      ],
      { now: NOW },
    );
    expect(plan.batches).toHaveLength(2);
  });

  test('never exceeds the call limits', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            n: fc.integer({ min: 0, max: 300 }),
            days: fc.integer({ min: 1, max: 14 }),
            period: fc.constantFrom(60, 300, 3600),
          }),
          { maxLength: 200 },
        ),
        (specs) => {
          const plan = planQueries(
            specs.map((s, i) =>
              request(`k${i}`, metricQuery(`M${s.n}`, { period: s.period }), { window: last(s.days * DAY) }),
            ),
            { now: NOW },
          );
          for (const b of plan.batches) {
            expect(b.queries.length).toBeLessThanOrEqual(MAX_QUERIES_PER_CALL);
            expect(b.datapoints).toBeLessThanOrEqual(MAX_DATAPOINTS_PER_CALL);
          }
        },
      ),
    );
  });
});

describe('periods and windows', () => {
  test.each<[string, KpiQuery, Partial<SeriesRequest>, number]>([
    ['chosen from the window when none is given', metricQuery('Orders'), { window: last(7 * DAY) }, 900],
    ['the request’s period', metricQuery('Orders'), { period: 300 }, 300],
    [
      'the metric’s own period over the request’s',
      metricQuery('Orders', { period: 120 }),
      { period: 300 },
      120,
    ],
    ['the math period', mathQuery('a * 2', { a: metric('A') }, { period: 600 }), {}, 600],
    ['the insights period', { kind: 'insights', sql: 'SELECT SUM(A) FROM B', period: 1800 }, {}, 1800],
  ])('the period is %s', (_name, query, extra, period) => {
    const plan = planQueries([request('r', query, extra)], { now: NOW });
    expect(plan.outputs.r?.period).toBe(period);
    const q = queryFor(plan, 'r');
    expect(q.MetricStat?.Period ?? q.Period).toBe(period);
  });

  test('a period finer than CloudWatch keeps is raised, with the reason', () => {
    const plan = planQueries(
      [request('r', metricQuery('Orders', { period: 60 }), { window: last(30 * DAY) })],
      {
        now: NOW,
      },
    );
    expect(plan.outputs.r?.period).toBe(300);
    expect(plan.outputs.r?.messages).toEqual([
      'period raised from 1m to 5m: CloudWatch keeps 1-minute data for 15 days, and this range starts 30 days ago',
    ]);
  });

  test('the call window is aligned to the period', () => {
    const plan = planQueries([request('r', metricQuery('Orders'), { window: last(6 * HOUR) })], { now: NOW });
    expect(plan.batches[0]).toMatchObject({
      startTime: Date.UTC(2024, 4, 15, 6, 0),
      endTime: Date.UTC(2024, 4, 15, 12, 1),
    });
  });

  test('refreshes within the same period produce the identical plan', () => {
    const planAt = (now: number): QueryPlan =>
      planQueries(
        [
          request('a', metricQuery('Orders'), { window: last(6 * HOUR, now) }),
          request('b', mathQuery('x / y', { x: metric('X'), y: metric('Y') }), {
            window: last(6 * HOUR, now),
          }),
        ],
        { now },
      );
    const minute = Date.UTC(2024, 4, 15, 12, 0, 0, 1);
    expect(planAt(minute + 15_000)).toEqual(planAt(minute));
    expect(planAt(minute + 59_998)).toEqual(planAt(minute));
    expect(planAt(minute + MIN)).not.toEqual(planAt(minute));
  });
});

describe('requests that cannot be planned', () => {
  test.each<[string, KpiQuery, Partial<SeriesRequest>, string]>([
    [
      'an unknown name in an expression',
      mathQuery('errors / reqs', { errors: metric('Errors'), requests: metric('Requests') }),
      {},
      "expression 'errors / reqs': the expression uses 'reqs', which is not one of its metrics",
    ],
    [
      'metrics from another region',
      mathQuery('a + b', { a: metric('A'), b: metric('B', { region: 'us-east-1' }) }),
      {},
      "metric 'b' is in us-east-1 but the expression runs in eu-west-1",
    ],
    [
      'an invalid period',
      metricQuery('Orders'),
      { period: 45 },
      'a period of 45 s is not one CloudWatch accepts',
    ],
    [
      'an empty window',
      metricQuery('Orders'),
      { window: { start: NOW, end: NOW } },
      'the time window is empty',
    ],
  ])('%s is an error for that request only', (_name, query, extra, message) => {
    const plan = planQueries([request('good', metricQuery('Orders')), request('bad', query, extra)], {
      now: NOW,
    });
    expect(plan.errors.bad).toEqual({
      code: 'InvalidQuery',
      message: expect.stringContaining(message),
      retryable: false,
    });
    expect(plan.outputs.bad).toBeUndefined();
    expect(plan.outputs.good).toBeDefined();
  });

  test('a KPI with more metrics than one call allows is refused', () => {
    const metrics = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`m${i}`, metric(`M${i}`)]));
    const plan = planQueries([request('big', mathQuery('SUM(METRICS())', metrics))], {
      now: NOW,
      maxQueriesPerCall: 8,
    });
    expect(plan.errors.big?.message).toContain('needs 11 metrics and expressions, more than the 8');
    expect(plan.batches).toEqual([]);
  });
});
