import { describe, expect, test } from 'vitest';
import type { KpiQuery, MetricStat } from '../../../domain/kpi/query-schema';
import { coarsenQuery } from './coarsen';

const metric = (stat: string, period?: number): MetricStat => ({
  namespace: 'Shop/Checkout',
  name: 'OrdersPlaced',
  dimensions: {},
  stat,
  ...(period === undefined ? {} : { period }),
});

describe('coarsenQuery', () => {
  test.each<[string, KpiQuery, number, string | undefined, number | undefined]>([
    [
      'a per-minute Sum at 5 minutes is read per minute',
      { kind: 'metric', metric: metric('Sum', 60) },
      300,
      undefined,
      0.2,
    ],
    ['a SampleCount likewise', { kind: 'metric', metric: metric('SampleCount', 60) }, 300, undefined, 0.2],
    ['an Average keeps its unit', { kind: 'metric', metric: metric('Average', 60) }, 300, undefined, 1],
    ['a percentile keeps its unit', { kind: 'metric', metric: metric('p99', 60) }, 300, undefined, 1],
    [
      'no own period: nothing to change',
      { kind: 'metric', metric: metric('Sum') },
      300,
      undefined,
      undefined,
    ],
    [
      'an own period as coarse: nothing to change',
      { kind: 'metric', metric: metric('Sum', 300) },
      300,
      undefined,
      undefined,
    ],
    [
      'a ratio of Sums reads each per its own period',
      {
        kind: 'math',
        expression: '100 * ok / all',
        metrics: { ok: metric('Sum', 60), all: metric('Sum', 60) },
      },
      300,
      '100 * (ok / 5) / (all / 5)',
      1,
    ],
    [
      'an expression that depends on the period stays as it is',
      { kind: 'math', expression: 'ok / PERIOD(ok)', metrics: { ok: metric('Sum', 60) } },
      300,
      undefined,
      undefined,
    ],
    [
      'an expression over the window stays as it is',
      { kind: 'math', expression: 'RUNNING_SUM(ok)', metrics: { ok: metric('Sum', 60) } },
      300,
      undefined,
      undefined,
    ],
    [
      'Metrics Insights stays as it is',
      { kind: 'insights', sql: 'SELECT SUM(x) FROM y', period: 60 },
      300,
      undefined,
      undefined,
    ],
  ])('%s', (_, query, period, expression, valueScale) => {
    const coarse = coarsenQuery(query, period);
    expect(coarse?.valueScale).toBe(valueScale);
    if (expression !== undefined)
      expect(coarse?.query.kind === 'math' && coarse.query.expression).toBe(expression);
    if (coarse?.query.kind === 'metric') expect(coarse.query.metric.period).toBe(period);
    if (coarse?.query.kind === 'math') {
      expect(Object.values(coarse.query.metrics).map((m) => m.period)).toEqual(
        Object.keys(coarse.query.metrics).map(() => period),
      );
      expect(coarse.componentScale).toEqual({ ok: 0.2, all: 0.2 });
    }
  });
});
