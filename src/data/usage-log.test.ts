import { describe, expect, test } from 'vitest';
import { kpiSchema } from '../domain/kpi/schema';
import { CloudWatchError } from './cloudwatch/errors';
import {
  answeredEntry,
  createUsageLog,
  drilldownUsageId,
  failedEntry,
  parseUsageId,
  type UsageEntry,
} from './usage-log';

const entry = (metrics: number, durationMs: number, extra: Partial<UsageEntry> = {}): UsageEntry => ({
  at: 0,
  durationMs,
  calls: 1,
  queries: metrics + 1,
  metrics,
  ...extra,
});

describe('usage log', () => {
  test('a steady-state refresh is the mean after the first load; totals count everything', () => {
    const log = createUsageLog();
    log.record('checkout', entry(22, 300));
    log.record('checkout', entry(4, 100));
    log.record('checkout', entry(2, 120));
    const s = log.summary('checkout');
    expect(s).toMatchObject({ refreshes: 3, calls: 3, metrics: 28, metricsPerRefresh: 3, errors: 0 });
    expect(s.p50Ms).toBe(120);
    expect(s.p95Ms).toBe(300);
  });

  test('a fetch that widened a long page counts in the totals, not in the steady mean', () => {
    const log = createUsageLog();
    log.record('c', entry(12, 300));
    log.record('c', entry(2, 100));
    log.record('c', entry(30, 200, { widened: true }));
    log.record('c', entry(4, 100));
    expect(log.summary('c')).toMatchObject({ refreshes: 4, metrics: 48, metricsPerRefresh: 3 });
  });

  test('bytes add up, and the first successful refresh is kept as the first load', () => {
    const log = createUsageLog();
    log.record('c', entry(0, 10, { error: { code: 'Network', message: 'offline' } }));
    log.record('c', entry(22, 300, { bytes: 100_000 }));
    log.record('c', entry(4, 100, { bytes: 2000 }));
    expect(log.summary('c')).toMatchObject({
      bytes: 102_000,
      firstLoad: { calls: 1, metrics: 22, bytes: 100_000 },
    });
  });

  test('the bill of a view is worked out before its refreshes have run, once per view', async () => {
    const log = createUsageLog();
    expect(log.forecast('c', 0)).toBeUndefined();
    const kpis = [
      kpiSchema.parse({
        id: 'orders',
        title: 'Orders',
        category: 'health',
        unit: 'count',
        direction: 'higher-is-better',
        query: { metric: { namespace: 'Shop', name: 'Orders', dimensions: {}, stat: 'Sum', period: 60 } },
      }),
    ];
    const view = {
      kpis,
      region: 'us-east-1',
      variables: {},
      range: { kind: 'relative' as const, seconds: 6 * 3600 },
      refreshSeconds: 60,
    };
    log.describe('c', view);
    const forecast = log.forecast('c', Date.UTC(2026, 0, 14, 12, 0, 30));
    expect(log.forecast('c', 0)).toBe(forecast);
    // One metric: asked at the first load, then once a refresh for its newest minute.
    expect(await forecast).toEqual({ firstLoad: { calls: 1, metrics: 1 }, steady: { calls: 1, metrics: 1 } });
    // The same definitions in a new array (a long page's fetched KPIs, each refresh): worked out once.
    log.describe('c', { ...view, kpis: [...kpis] });
    expect(log.forecast('c', 0)).toBe(forecast);
    log.describe('c', { ...view, kpis: [] });
    expect(log.forecast('c', 0)).not.toBe(forecast);
    log.describe('c', { ...view, refreshSeconds: 300 });
    expect(log.forecast('c', 0)).not.toBe(forecast);
  });

  test('errors and throttles are counted and the last one kept', () => {
    const log = createUsageLog();
    log.record('p', entry(5, 10));
    log.record('p', entry(0, 10, { at: 5, error: { code: 'Throttling', message: 'Rate exceeded' } }));
    log.record('p', entry(0, 10, { at: 9, error: { code: 'Network', message: 'offline' } }));
    expect(log.summary('p')).toMatchObject({
      refreshes: 3,
      errors: 2,
      throttles: 1,
      lastError: { at: 9, code: 'Network', message: 'offline' },
      metricsPerRefresh: 5,
    });
  });

  test('history is bounded however long the page lives', () => {
    const log = createUsageLog();
    for (let i = 0; i < 10_000; i++) log.record('w', entry(1, i));
    expect(log.summary('w').refreshes).toBe(10_000);
    expect(log.summary('w').p50Ms).toBeGreaterThanOrEqual(9_500 - 250);
    expect(log.summary('unknown').refreshes).toBe(0);
  });

  test('a drill-down has a usage id of its own that names its dashboard and KPI', () => {
    const id = drilldownUsageId('checkout', 'payment-success-rate');
    expect(parseUsageId(id)).toEqual({ dashboardId: 'checkout', kpiId: 'payment-success-rate' });
    expect(parseUsageId('checkout')).toEqual({ dashboardId: 'checkout' });
  });

  test('a refresh of two rounds adds up their calls, metrics and bytes; a failure keeps its code', () => {
    const report = (calls: number, metrics: number, bytes?: number) => ({
      results: {},
      calls,
      queries: metrics,
      metrics,
      fetchedAt: 0,
      ...(bytes === undefined ? {} : { bytes }),
    });
    expect(answeredEntry(10, 25, [report(1, 3, 900), report(2, 4, 100)])).toEqual({
      at: 10,
      durationMs: 15,
      calls: 3,
      queries: 7,
      metrics: 7,
      bytes: 1000,
    });
    expect(answeredEntry(0, 1, [report(1, 3)])).not.toHaveProperty('bytes');
    const throttled = new CloudWatchError({ code: 'Throttling', message: 'Rate exceeded', retryable: true });
    expect(failedEntry(0, 5, throttled).error).toEqual({ code: 'Throttling', message: 'Rate exceeded' });
    expect(failedEntry(0, 5, 'boom').error).toEqual({ code: 'Unknown', message: 'boom' });
  });
});
