import { describe, expect, test } from 'vitest';
import { rankBreakdown } from './rank-breakdown';
import { testKpi } from './test-kpi';

const pts = (values: number[]) => values.map((v, i) => ({ t: i * 60_000, v }));

describe('rankBreakdown', () => {
  test('puts the value furthest past the at-risk level, for longest, first', () => {
    const ranked = rankBreakdown(testKpi(), [
      { value: 'stripe', points: pts([99.9, 99.8, 99.9]) },
      { value: 'adyen', points: pts([80, 75, 78]) },
      { value: 'paypal', points: pts([98.5, 99.5, 99.6]) },
    ]);
    expect(ranked.map((r) => r.value)).toEqual(['adyen', 'paypal', 'stripe']);
    expect(ranked.map((r) => r.pointsPast)).toEqual([3, 1, 0]);
  });

  test.each([
    ['lower-is-better', ['a', 'b', 'c']],
    ['higher-is-better', ['c', 'b', 'a']],
  ])('without a threshold, %s ranks by total or by the lowest mean', (direction, order) => {
    const kpi = testKpi({ direction, threshold: undefined });
    const ranked = rankBreakdown(kpi, [
      { value: 'b', points: pts([5, 5]) },
      { value: 'a', points: pts([9, 9]) },
      { value: 'c', points: pts([1, 1]) },
    ]);
    expect(ranked.map((r) => r.value)).toEqual(order);
  });

  test('a value with no data goes last', () => {
    const ranked = rankBreakdown(testKpi({ threshold: undefined }), [
      { value: 'empty', points: [] },
      { value: 'x', points: pts([3]) },
    ]);
    expect(ranked.map((r) => r.value)).toEqual(['x', 'empty']);
  });
});
