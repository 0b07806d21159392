import { describe, expect, test } from 'vitest';
import { timeTicks } from './time-ticks';

const H = 3_600_000;
const D = 24 * H;
const at = (h: number, m = 0): number => Date.UTC(2026, 10, 27, h, m);

describe('timeTicks', () => {
  test.each<[string, number, number, number, number, number]>([
    ['hours across six hours', at(6, 7), at(12, 7), 8, at(7), H],
    ['five minutes across half an hour', at(9, 2), at(9, 32), 8, at(9, 5), 300_000],
    ['days across a week', at(0) - 7 * D, at(0), 8, at(0) - 7 * D, D],
  ])('%s fall on whole steps inside the range', (_, start, end, max, first, step) => {
    const ticks = timeTicks(start, end, max);
    expect(ticks[0]).toBe(first);
    expect(ticks.every((x, i) => i === 0 || x - (ticks[i - 1] ?? 0) === step)).toBe(true);
    expect(ticks.length).toBeLessThanOrEqual(max);
    expect(ticks.at(-1)).toBeLessThanOrEqual(end);
  });
});
