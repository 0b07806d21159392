import { describe, expect, test } from 'vitest';
import { sparklineGeometry } from './sparkline-geometry';

const MIN = 60_000;
const at = (minutes: number[], v = 10) => minutes.map((m) => ({ t: m * MIN, v }));
const window = { start: 0, end: 10 * MIN };

describe('sparkline geometry', () => {
  test.each([
    ['an unbroken series is one sub-path', at([0, 1, 2, 3]), 1],
    ['a missing period breaks the line', at([0, 1, 2, 5, 6]), 2],
    ['two gaps make three runs', at([0, 1, 4, 5, 8, 9]), 3],
    ['no points draw nothing', [], 0],
  ])('%s', (_name, points, runs) => {
    const { path } = sparklineGeometry(points, [], window);
    expect(path.split('M').length - 1).toBe(runs);
  });

  test('gaps are judged on the series period, so thinning a long series never breaks its line', () => {
    const dense = Array.from({ length: 2000 }, (_, i) => ({ t: i * MIN, v: Math.sin(i) }));
    const { path } = sparklineGeometry(dense, [], { start: 0, end: 2000 * MIN }, 60);
    expect(path.split('M').length - 1).toBe(1);
    expect(path.split('L').length).toBeLessThanOrEqual(240);
    const holed = dense.filter((p) => p.t < 500 * MIN || p.t > 510 * MIN);
    expect(sparklineGeometry(holed, [], undefined, 60).path.split('M').length - 1).toBe(2);
  });

  test('x spans the selected window, so data missing at the ends is empty space', () => {
    const { path } = sparklineGeometry(at([4, 5, 6]), [], window);
    expect(path).toBe('M400 50L500 50L600 50');
  });

  test('reference lines are placed inside the value range, which grows to hold them', () => {
    const points = [
      { t: 0, v: 0 },
      { t: MIN, v: 100 },
    ];
    const { path, refs } = sparklineGeometry(points, [200], { start: 0, end: MIN });
    // 0…200 padded by 8 % each side: 200 sits near the top, 0 near the bottom.
    expect(refs[0]?.y).toBeCloseTo(6.9, 1);
    expect(path).toBe('M0 93.1L1000 50');
  });
});
