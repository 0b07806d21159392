import { describe, expect, test } from 'vitest';
import { firstUnsupportedCall } from './catalog';
import { evaluate, type MathContext } from './evaluate';
import { parseMath } from './parse';
import { MathEvalError, type SeriesValue, type Value } from './values';

/**
 * The functions of the User Guide page "Metric math syntax and functions"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html#metric-math-syntax)
 * that the simulated account added, and its arithmetic rules ("Missing values in a time series are
 * treated as 0. If the value of a data point causes a function to attempt to divide by zero, the data
 * point is dropped."), each case worked out from the page's words.
 */
const MIN = 60_000;
/** Tuesday 31 December 2024, 23:58 UTC, and the three minutes after it: a new day, month and year. */
const START = Date.UTC(2024, 11, 31, 23, 58);
const GRID = [0, 1, 2, 3].map((i) => START + i * MIN);

function ts(values: (number | undefined)[], label = 's'): SeriesValue {
  const t: number[] = [];
  const v: number[] = [];
  values.forEach((x, i) => {
    if (x !== undefined) {
      t.push(GRID[i] ?? 0);
      v.push(x);
    }
  });
  return { label, t, v, period: 60, fromMetric: true };
}

function run(expr: string, ids: Record<string, SeriesValue>, dropped: string[] = []): Value {
  const ctx: MathContext = {
    period: 60,
    resolve: (id) => {
      const s = ids[id];
      if (!s) throw new Error(`no ${id}`);
      return { kind: 'series', s };
    },
    metrics: () => Object.values(ids),
    search: () => [],
    grid: () => GRID,
    history: () => ctx,
    dropped: () => {
      dropped.push(expr);
    },
  };
  return evaluate(parseMath(expr), ctx);
}

function dense(v: Value): (number | undefined)[] {
  if (v.kind !== 'series') throw new Error(`expected a series, got ${v.kind}`);
  return GRID.map((t) => {
    const i = v.s.t.indexOf(t);
    return i === -1 ? undefined : v.s.v[i];
  });
}

const labels = (v: Value): string[] => (v.kind === 'array' ? v.items.map((s) => s.label) : []);

describe('MINUTE, HOUR, DAY, DATE, MONTH, YEAR, EPOCH: "a new non-sparse time series where each value is based on its timestamp"', () => {
  // Sparse on purpose: the result has a value at every period of the range all the same.
  const m1 = ts([5, undefined, undefined, 7]);
  test.each<[string, number[]]>([
    ['MINUTE(m1)', [58, 59, 0, 1]],
    ['HOUR(m1)', [23, 23, 0, 0]],
    // "Days of the week are numbered 1 to 7 (Monday to Sunday)": 31 Dec 2024 is a Tuesday.
    ['DAY(m1)', [2, 2, 3, 3]],
    ['DATE(m1)', [31, 31, 1, 1]],
    ['MONTH(m1)', [12, 12, 1, 1]],
    ['YEAR(m1)', [2024, 2024, 2025, 2025]],
    ['EPOCH(m1)', GRID.map((t) => t / 1000)],
  ])('%s', (expr, expected) => {
    expect(dense(run(expr, { m1 }))).toEqual(expected);
  });

  test('IF(DAY(m1)<6, m1) "returns metrics only from weekdays, Monday to Friday"', () => {
    expect(dense(run('IF(DAY(m1) < 6, m1)', { m1 }))).toEqual([5, 0, 0, 7]);
  });

  test('IF(MONTH(m1) == 4, m1) keeps only April, so nothing of December and January', () => {
    expect(dense(run('IF(MONTH(m1) == 4, m1)', { m1 }))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  test("they take one time series (the page's argument type TS)", () => {
    expect(() => run('HOUR(METRICS())', { m1 })).toThrow(/HOUR takes one time series, as in HOUR\(m1\)/);
    expect(() => run('HOUR(5)', { m1 })).toThrow(MathEvalError);
  });
});

describe('SLICE: "start (inclusive) and end (exclusive) … zero-indexed"', () => {
  const ids = { a: ts([1, 1, 1, 1], 'a'), b: ts([3, 3, 3, 3], 'b'), c: ts([2, 2, 2, 2], 'c') };
  test.each<[string, string[]]>([
    ['SLICE(METRICS(), 0, 2)', ['a', 'b']],
    ['SLICE(METRICS(), 1)', ['b', 'c']],
    // "SLICE(SORT(METRICS(), SUM, DESC), 0, 10) returns the 10 metrics … that have the highest SUM value"
    ['SLICE(SORT(METRICS(), SUM, DESC), 0, 2)', ['b', 'c']],
    // "SLICE(SORT(METRICS(), AVG, ASC), 5) … returns all the time series except for the 5 with the lowest AVG"
    ['SLICE(SORT(METRICS(), AVG, ASC), 1)', ['c', 'b']],
    ['SLICE(METRICS(), 5)', []],
  ])('%s', (expr, expected) => {
    expect(labels(run(expr, ids))).toEqual(expected);
  });

  test('an index that is not a whole number from 0 is refused', () => {
    expect(() => run('SLICE(METRICS(), -1)', ids)).toThrow(/whole number from 0/);
    expect(() => run('SLICE(METRICS(), 0.5)', ids)).toThrow(/whole number from 0/);
  });
});

describe('SORT and FILL take the arguments the page lists', () => {
  const ids = { a: ts([1, 1, 1, 1], 'a'), b: ts([3, 3, 3, 3], 'b') };
  test('SORT sorts by AVG, MIN, MAX or SUM, ASC or DESC, with an optional limit', () => {
    expect(labels(run('SORT(METRICS(), MAX, DESC, 1)', ids))).toEqual(['b']);
    expect(() => run('SORT(METRICS(), STDDEV, DESC)', ids)).toThrow(/AVG, MIN, MAX or SUM/);
    expect(() => run('SORT(METRICS(), AVG, UP)', ids)).toThrow(/ASC or DESC/);
  });

  test('FILL takes a time series as filler only for an array ("TS[], [TS | S | REPEAT | LINEAR]")', () => {
    const m1 = ts([1, undefined, undefined, 4]);
    const m2 = ts([9, 9, 9, 9]);
    expect(() => run('FILL(m1, m2)', { m1, m2 })).toThrow(/not with a time series/);
    const filled = run('FILL([m1], m2)', { m1, m2 });
    expect(filled.kind === 'array' && filled.items[0]?.v).toEqual([1, 9, 9, 4]);
    expect(() => run("FILL(m1, 'zero')", { m1 })).toThrow(/not with a string/);
  });
});

describe('arithmetic on series with different timestamps and missing values', () => {
  // requests has no datapoint in the second period, errors none in the third.
  const errors = ts([1, 2, undefined, 0]);
  const requests = ts([10, undefined, 20, 5]);
  test('a missing value is 0 ("Missing values in a time series are treated as 0")', () => {
    const dropped: string[] = [];
    expect(dense(run('errors + requests', { errors, requests }, dropped))).toEqual([11, 2, 20, 5]);
    expect(dropped).toEqual([]);
  });

  test('so dividing by a missing value divides by zero: the point is dropped and reported', () => {
    const dropped: string[] = [];
    const out = run('100 * FILL(errors, 0) / requests', { errors, requests }, dropped);
    expect(dense(out)).toEqual([10, undefined, 0, 0]);
    expect(dropped.length).toBeGreaterThan(0);
  });

  test('a denominator with a value everywhere drops nothing and reports nothing', () => {
    const dropped: string[] = [];
    const out = run('100 * FILL(errors, 0) / FILL(requests, 1)', { errors, requests }, dropped);
    expect(dense(out)).toEqual([10, 200, 0, 0]);
    expect(dropped).toEqual([]);
  });

  test('a logarithm of 0 or of a negative value is no number: dropped and reported', () => {
    const dropped: string[] = [];
    expect(dense(run('LOG(m1)', { m1: ts([1, 0, -1, Math.E]) }, dropped))).toEqual([
      0,
      undefined,
      undefined,
      1,
    ]);
    expect(dropped).toHaveLength(2);
  });
});

describe('functions the simulated account does not run are named before any data is read', () => {
  test.each<[string, string | undefined]>([
    ['m1 + INSIGHT_RULE_METRIC("rule", "Sum")', 'INSIGHT_RULE_METRIC'],
    ['SERVICE_QUOTA(m1)', 'SERVICE_QUOTA'],
    ['IF(m1 > 0, SQRT(m1))', 'SQRT'],
    ['[m1, CONCAT(m1)]', 'CONCAT'],
    ['SLICE(SORT(METRICS(), AVG, DESC), 0, 1) * HOUR(m1)', undefined],
  ])('%s', (expr, name) => {
    expect(firstUnsupportedCall(parseMath(expr))).toBe(name);
  });

  test('and when evaluated, the message names the function and the reason', () => {
    const m1 = ts([1, 2, 3, 4]);
    expect(() => run('SERVICE_QUOTA(m1)', { m1 })).toThrow(
      'SERVICE_QUOTA is not supported by the simulated account: it reads Service Quotas usage metrics',
    );
    expect(() => run('SQRT(m1)', { m1 })).toThrow(
      'SQRT is not supported by the simulated account: it is not among the functions of the User Guide page "Metric math syntax and functions"',
    );
  });
});
