import { describe, expect, test } from 'vitest';
import { createUsageLog, type UsageEntry } from './usage-log';

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
});
