import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Point } from '../series';
import { downsampleLttb } from './downsample';

const series = (values: number[]): Point[] => values.map((v, i) => ({ t: i * 60_000, v }));

describe('downsampleLttb', () => {
  test.each([
    ['shorter than the target', 5, 10, 5],
    ['exactly the target', 10, 10, 10],
    ['longer than the target', 1000, 100, 100],
  ])('a series %s keeps min(length, target) points', (_, length, target, expected) => {
    const points = series(Array.from({ length }, (_, i) => Math.sin(i / 7)));
    expect(downsampleLttb(points, target)).toHaveLength(expected);
  });

  test('keeps a single spike that an evenly spaced sample would miss', () => {
    const values = Array.from({ length: 10_000 }, () => 1);
    values[4321] = 500;
    const out = downsampleLttb(series(values), 200);
    expect(out.some((p) => p.v === 500)).toBe(true);
  });

  test('keeps both edges and returns points of the input in time order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 400 }),
        fc.integer({ min: 3, max: 500 }),
        (values, target) => {
          const points = series(values);
          const out = downsampleLttb(points, target);
          expect(out.length).toBe(Math.min(points.length, target));
          expect(out[0]).toBe(points[0]);
          expect(out.at(-1)).toBe(points.at(-1));
          for (let i = 1; i < out.length; i++) expect((out[i]?.t ?? 0) > (out[i - 1]?.t ?? 0)).toBe(true);
          for (const p of out) expect(points).toContain(p);
        },
      ),
    );
  });

  test.each([
    [0, 3],
    [1, 1],
    [2, 2],
    [Number.NaN, 3],
  ])('a target of %s on three points gives %i points', (target, expected) => {
    expect(downsampleLttb(series([1, 2, 3]), target)).toHaveLength(expected);
  });
});
