import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { niceScale } from './nice-scale';

describe('niceScale', () => {
  test.each([
    [84.9, 100, [80, 85, 90, 95, 100]],
    [0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [56.8, 103, [50, 60, 70, 80, 90, 100, 110]],
  ])('%d to %d ticks at round steps', (min, max, ticks) => {
    expect(niceScale(min, max).ticks).toEqual(ticks);
  });

  test('always covers the values with at most a few more ticks than asked', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        (a, span) => {
          const { domain, ticks } = niceScale(a, a + span);
          expect(domain[0]).toBeLessThanOrEqual(a);
          expect(domain[1]).toBeGreaterThanOrEqual(a + span);
          expect(ticks.length).toBeLessThanOrEqual(9);
        },
      ),
    );
  });
});
