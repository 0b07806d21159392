import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { TimeWindow } from '../series';
import {
  alignWindow,
  choosePeriod,
  fitPeriodToRetention,
  isValidPeriod,
  MAX_POINTS_PER_SERIES,
  pointCount,
  retentionFloor,
} from './period';

const NOW = Date.UTC(2024, 4, 15, 12, 34, 56);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function last(ms: number): TimeWindow {
  return { start: NOW - ms, end: NOW };
}

describe('isValidPeriod', () => {
  test.each([1, 5, 10, 20, 30, 60, 120, 300, 3600, 86_400])('%i is a CloudWatch period', (p) => {
    expect(isValidPeriod(p)).toBe(true);
  });
  test.each([0, -60, 2, 15, 45, 90, 61.5])('%d is not', (p) => {
    expect(isValidPeriod(p)).toBe(false);
  });
});

describe('retentionFloor', () => {
  test.each([
    [0, 1],
    [3 * 3600, 1],
    [3 * 3600 + 1, 60],
    [15 * 86_400, 60],
    [15 * 86_400 + 1, 300],
    [63 * 86_400, 300],
    [63 * 86_400 + 1, 3600],
    [400 * 86_400, 3600],
  ])('data %i s old is kept at %i s or coarser', (age, floor) => {
    expect(retentionFloor(age)).toBe(floor);
  });
});

describe('choosePeriod', () => {
  test.each([
    ['15 minutes', last(15 * MIN), 60],
    ['1 hour', last(HOUR), 60],
    ['6 hours', last(6 * HOUR), 60],
    ['24 hours', last(DAY), 60],
    ['2 days', last(2 * DAY), 300],
    ['7 days', last(7 * DAY), 900],
    ['14 days', last(14 * DAY), 900],
    ['30 days', last(30 * DAY), 3600],
    ['90 days', last(90 * DAY), 21_600],
    ['455 days', last(455 * DAY), 86_400],
    ['10 years', last(3650 * DAY), 3 * 86_400],
  ])('last %s → %i s', (_name, window, period) => {
    expect(choosePeriod(window, NOW)).toBe(period);
  });

  test.each([
    ['15 minutes', last(15 * MIN), 1],
    ['1 hour', last(HOUR), 5],
    ['3 hours', last(3 * HOUR), 10],
    ['6 hours (older than 3 h: no sub-minute data left)', last(6 * HOUR), 60],
  ])('high-resolution, last %s → %i s', (_name, window, period) => {
    expect(choosePeriod(window, NOW, { highResolution: true })).toBe(period);
  });

  test.each([
    ['1 hour ending 20 days ago', { start: NOW - 20 * DAY - HOUR, end: NOW - 20 * DAY }, 300],
    ['1 hour ending 100 days ago', { start: NOW - 100 * DAY - HOUR, end: NOW - 100 * DAY }, 3600],
    ['1 hour ending 10 days ago', { start: NOW - 10 * DAY - HOUR, end: NOW - 10 * DAY }, 60],
  ])('a short window far back respects retention: %s → %i s', (_name, window, period) => {
    expect(choosePeriod(window, NOW)).toBe(period);
  });

  test('any window gives a valid period within retention and the point budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4000 * 86_400 }),
        fc.integer({ min: 0, max: 500 * 86_400 }),
        fc.boolean(),
        (spanSeconds, endAgoSeconds, highResolution) => {
          const window = {
            start: NOW - (endAgoSeconds + spanSeconds) * 1000,
            end: NOW - endAgoSeconds * 1000,
          };
          const period = choosePeriod(window, NOW, { highResolution });
          expect(isValidPeriod(period)).toBe(true);
          expect(period % retentionFloor(endAgoSeconds + spanSeconds)).toBe(0);
          expect(pointCount(window, period)).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
          if (!highResolution) expect(period).toBeGreaterThanOrEqual(60);
        },
      ),
    );
  });
});

describe('fitPeriodToRetention', () => {
  test.each([
    ['60 s over the last day', 60, last(DAY), 60],
    ['10 s over the last hour', 10, last(HOUR), 10],
    ['10 s over the last 6 hours', 10, last(6 * HOUR), 60],
    ['60 s over the last 30 days', 60, last(30 * DAY), 300],
    ['120 s over the last 30 days', 120, last(30 * DAY), 300],
    ['600 s over the last 30 days', 600, last(30 * DAY), 600],
    ['300 s over the last 90 days', 300, last(90 * DAY), 3600],
  ])('%s → %i s', (_name, period, window, fitted) => {
    expect(fitPeriodToRetention(period, window, NOW).period).toBe(fitted);
  });

  test('says why it raised the period', () => {
    expect(fitPeriodToRetention(60, last(30 * DAY), NOW).note).toBe(
      'period raised from 1m to 5m: CloudWatch keeps 1-minute data for 15 days, and this range starts 30 days ago',
    );
    expect(fitPeriodToRetention(300, last(DAY), NOW).note).toBeUndefined();
  });
});

describe('alignWindow', () => {
  test.each([
    [60, { start: Date.UTC(2024, 4, 15, 6, 34), end: Date.UTC(2024, 4, 15, 12, 35) }],
    [300, { start: Date.UTC(2024, 4, 15, 6, 30), end: Date.UTC(2024, 4, 15, 12, 35) }],
    [3600, { start: Date.UTC(2024, 4, 15, 6), end: Date.UTC(2024, 4, 15, 13) }],
  ])('aligns the last 6 h to %i s boundaries', (period, aligned) => {
    expect(alignWindow(last(6 * HOUR), period)).toEqual(aligned);
  });

  test('leaves an aligned window alone', () => {
    const window = { start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 0, 2) };
    expect(alignWindow(window, 300)).toEqual(window);
  });

  test('refreshes within one period ask for the same window; the next period moves it', () => {
    const periodStart = Date.UTC(2024, 4, 15, 12, 34, 0, 1);
    const windows = [0, 10_000, 30_000, 59_998].map((dt) => {
      const now = periodStart + dt;
      const range = { start: now - 6 * HOUR, end: now };
      return alignWindow(range, choosePeriod(range, now));
    });
    for (const w of windows) expect(w).toEqual(windows[0]);
    const next = periodStart + MIN;
    expect(alignWindow({ start: next - 6 * HOUR, end: next }, 60)).not.toEqual(windows[0]);
  });

  test('the aligned window always contains the original and is a whole number of periods', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        fc.integer({ min: 1, max: 90 * DAY }),
        fc.constantFrom(1, 5, 10, 20, 30, 60, 300, 900, 3600, 21_600, 86_400),
        (start, span, period) => {
          const aligned = alignWindow({ start, end: start + span }, period);
          expect(aligned.start).toBeLessThanOrEqual(start);
          expect(aligned.end).toBeGreaterThanOrEqual(start + span);
          expect(aligned.start % (period * 1000)).toBe(0);
          expect((aligned.end - aligned.start) % (period * 1000)).toBe(0);
          expect(start - aligned.start).toBeLessThan(period * 1000);
        },
      ),
    );
  });
});
