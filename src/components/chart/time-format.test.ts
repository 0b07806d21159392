import { describe, expect, test } from 'vitest';
import { formatTimestamp, tickFormatter, timeTicks } from './time-format';

const t = Date.UTC(2026, 10, 27, 9, 30);

describe('time formatting', () => {
  test.each([
    [3_600_000, /^09:30$/],
    [3 * 86_400_000, /Nov.*27.*09:30|27.*Nov.*09:30/],
    [30 * 86_400_000, /^(Nov 27|27 Nov)$/],
  ])('ticks over a %i ms range read like %s in UTC', (span, pattern) => {
    expect(tickFormatter('utc', span)(t)).toMatch(pattern);
  });

  test('a full timestamp names its zone', () => {
    expect(formatTimestamp(t, 'utc')).toMatch(/UTC/);
  });

  test('ticks fall on whole steps inside the range', () => {
    const ticks = timeTicks(Date.UTC(2026, 10, 27, 6, 7), Date.UTC(2026, 10, 27, 12, 7), 8);
    expect(ticks[0]).toBe(Date.UTC(2026, 10, 27, 7));
    expect(ticks.every((x, i) => i === 0 || x - (ticks[i - 1] ?? 0) === 3_600_000)).toBe(true);
    expect(ticks.length).toBeLessThanOrEqual(8);
  });
});
