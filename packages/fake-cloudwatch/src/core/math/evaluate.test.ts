import { describe, expect, test } from 'vitest';
import { evaluate, type MathContext } from './evaluate';
import { parseMath } from './parse';
import type { SeriesValue, Value } from './values';

const T = [0, 60_000, 120_000, 180_000, 240_000];

/** A series from the docs' notation: undefined is a missing value ("-"). */
function ts(values: (number | undefined)[], label = 's'): SeriesValue {
  const t: number[] = [];
  const v: number[] = [];
  values.forEach((x, i) => {
    if (x !== undefined) {
      t.push(T[i] ?? 0);
      v.push(x);
    }
  });
  return { label, t, v, period: 60, fromMetric: true };
}

function context(ids: Record<string, SeriesValue>, dropped: string[] = []): MathContext {
  const ctx: MathContext = {
    period: 60,
    resolve: (id) => {
      const s = ids[id];
      if (!s) throw new Error(`no ${id}`);
      return { kind: 'series', s };
    },
    metrics: (filter) =>
      Object.entries(ids)
        .filter(([id]) => filter === undefined || id.includes(filter))
        .map(([, s]) => s),
    search: () => [],
    grid: () => T,
    history: () => ctx,
    dropped: () => {
      dropped.push('x');
    },
  };
  return ctx;
}

/** The values at every grid timestamp, undefined where the result has no point. */
function dense(v: Value): (number | undefined)[] {
  if (v.kind === 'scalar') return [v.v];
  if (v.kind !== 'series') throw new Error(`expected a series, got ${v.kind}`);
  return T.map((t) => {
    const i = v.s.t.indexOf(t);
    return i === -1 ? undefined : v.s.v[i];
  });
}

const run = (expr: string, ids: Record<string, SeriesValue>): Value =>
  evaluate(parseMath(expr), context(ids));

describe('comparison and logical operators (examples from the metric math docs)', () => {
  // metric1 = [30, 20, 0, 0], metric2 = [20, -, 20, -]; missing counts as 0 in comparisons.
  const ids = { metric1: ts([30, 20, 0, 0]), metric2: ts([20, undefined, 20, undefined]) };
  test.each([
    ['metric1 < metric2', [0, 0, 1, 0, undefined]],
    ['metric1 >= 30', [1, 0, 0, 0, undefined]],
    ['metric1 > 15 AND metric2 > 15', [1, 0, 0, 0, undefined]],
    ['metric1 > 15 && metric2 > 15', [1, 0, 0, 0, undefined]],
    ['metric1 == 0 OR metric2 == 20', [1, 0, 1, 1, undefined]],
  ])('%s', (expr, expected) => {
    expect(dense(run(expr, ids))).toEqual(expected);
  });
});

describe('IF (tables from the metric math docs)', () => {
  const metric1 = ts([1, 1, 0, 0, undefined]);
  const metric2 = ts([30, undefined, 0, 0, 30]);
  const metric3 = ts([0, 0, 20, undefined, 20]);
  test.each([
    ['IF(metric1, metric2, metric3)', [30, 0, 20, undefined, undefined]],
    ['IF(metric1, 5, metric3)', [5, 5, 20, undefined, undefined]],
    ['IF(metric1, metric2, 5)', [30, 0, 5, 5, undefined]],
    ['IF(metric2 > 10, metric2)', [30, undefined, undefined, undefined, 30]],
  ])('%s', (expr, expected) => {
    expect(dense(run(expr, { metric1, metric2, metric3 }))).toEqual(expected);
  });
});

describe('arithmetic and functions', () => {
  const a = ts([10, 20, undefined, 40, 50]);
  const b = ts([2, undefined, 5, 0, 10]);
  test.each([
    ['a + b', [12, 20, 5, 40, 60]],
    ['a / b', [5, undefined, 0, undefined, 5]],
    ['-a * 2 + 1', [-19, -39, undefined, -79, -99]],
    ['2 ^ 3 * a / 10', [8, 16, undefined, 32, 40]],
    ['(a + 10) / 10', [2, 3, undefined, 5, 6]],
    ['a - AVG(a)', [-20, -10, undefined, 10, 20]],
    ['SUM([a, b])', [12, 20, 5, 40, 60]],
    ['MAX([a, b])', [10, 20, 5, 40, 50]],
    ['AVG(METRICS())', [6, 10, 2.5, 20, 30]],
    ['FILL(a, 0)', [10, 20, 0, 40, 50]],
    ['FILL(a, REPEAT)', [10, 20, 20, 40, 50]],
    ['FILL(a, LINEAR)', [10, 20, 30, 40, 50]],
    ['DIFF(a)', [undefined, 10, undefined, 20, 10]],
    ['RATE(a)', [undefined, 10 / 60, undefined, 20 / 120, 10 / 60]],
    ['ABS(b - 5)', [3, undefined, 0, 5, 5]],
    ['CEIL(a / 3)', [4, 7, undefined, 14, 17]],
    ['FLOOR(a / 3)', [3, 6, undefined, 13, 16]],
    ['a / PERIOD(a)', [10 / 60, 20 / 60, undefined, 40 / 60, 50 / 60]],
  ])('%s', (expr, expected) => {
    const got = dense(run(expr, { a, b }));
    expected.forEach((x, i) => {
      if (x === undefined) expect(got[i]).toBeUndefined();
      else expect(got[i]).toBeCloseTo(x, 9);
    });
  });

  test('a dropped non-finite point is reported to the context', () => {
    const dropped: string[] = [];
    evaluate(parseMath('a / b'), context({ a, b }, dropped));
    expect(dropped.length).toBeGreaterThan(0);
  });

  test('METRICS with a string keeps the metrics whose Id contains it', () => {
    const v = run('METRICS("err")', { errors4xx: ts([1]), errors5xx: ts([2]), requests: ts([3]) });
    expect(v.kind === 'array' ? v.items.length : 0).toBe(2);
  });
});

describe('parse errors point at the problem', () => {
  test.each([
    ['m1 +', /ends too early/],
    ['m1 * (2', /expected '\)'/],
    ['sum(m1)', /upper case/],
    ['NOT m1', /NOT is not a metric math operator/],
    ['m1 $ 2', /unexpected character/],
  ])('%s', (expr, message) => {
    expect(() => parseMath(expr)).toThrow(message);
  });
});
