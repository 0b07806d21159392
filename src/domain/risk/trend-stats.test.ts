import { describe, expect, test } from 'vitest';
import { selectRank, theilSen } from './trend-stats';

/** A repeatable sequence of numbers in [0, 1). */
function numbers(count: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: count }, () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  });
}

describe('trend statistics', () => {
  test.each([
    ['distinct', numbers(501, 1)],
    ['many ties', numbers(400, 2).map((v) => Math.round(v * 5))],
    ['all equal', Array.from({ length: 50 }, () => 3)],
    ['already sorted', Array.from({ length: 64 }, (_, i) => i)],
    ['reversed', Array.from({ length: 65 }, (_, i) => -i)],
    ['one value', [7]],
  ])('selectRank reads every rank as a sort would (%s)', (_, values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const work = Float64Array.from(values);
    for (const k of [0, Math.floor(values.length / 2), values.length - 1, Math.floor(values.length / 3)]) {
      expect(selectRank(work, k)).toBe(sorted[k]);
    }
  });

  test('Theil–Sen finds the line through points that one outlier cannot drag', () => {
    const xs = Array.from({ length: 30 }, (_, i) => i * 60);
    const ys = xs.map((x) => 100 - 0.5 * x);
    ys[10] = 10_000;
    const fit = theilSen(xs, ys, 0);
    expect(fit?.slope).toBeCloseTo(-0.5, 12);
    expect(fit?.intercept).toBeCloseTo(100, 9);
    expect(fit?.slopeLow).toBeCloseTo(-0.5, 12);
    // Six slopes (1, 1, 1, 10/3, 4.5, 8): the median is the mean of the middle two.
    expect(theilSen([0, 1, 2, 3], [0, 1, 2, 10], 0)?.slope).toBeCloseTo((1 + 10 / 3) / 2, 12);
  });
});
