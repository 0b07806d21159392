import { describe, expect, test } from 'vitest';
import { parseRange } from '../domain/time/range';
import {
  customRange,
  fromInputValue,
  rangeChoices,
  relativeRangeLabel,
  stepRange,
  toInputValue,
  zoomIn,
  zoomOut,
  zoomTo,
} from './time-picker-model';

const H = 3_600_000;
const now = Date.UTC(2026, 10, 27, 12);
const lastSix = { start: now - 6 * H, end: now };

describe('time picker moves', () => {
  test.each([
    [
      'back from the last 6 h',
      stepRange(lastSix, -1, now),
      { kind: 'absolute', start: now - 12 * H, end: now - 6 * H },
    ],
    [
      'forward to now',
      stepRange({ start: now - 12 * H, end: now - 6 * H }, 1, now),
      { kind: 'relative', seconds: 21_600 },
    ],
    [
      'forward past now stops at now',
      stepRange({ start: now - 8 * H, end: now - 2 * H }, 1, now),
      { kind: 'relative', seconds: 21_600 },
    ],
    ['zoom out of the last 6 h', zoomOut(lastSix, now), { kind: 'relative', seconds: 43_200 }],
    [
      'zoom in on the middle',
      zoomIn(lastSix, now),
      { kind: 'absolute', start: now - 4.5 * H, end: now - 1.5 * H },
    ],
    [
      'zoom in never below a minute',
      zoomIn({ start: now - 5 * H, end: now - 5 * H + 60_000 }, now),
      { kind: 'absolute', start: now - 5 * H - 0, end: now - 5 * H + 60_000 },
    ],
  ])('%s', (_, got, want) => {
    expect(got).toEqual(want);
  });
});

describe('custom range inputs', () => {
  test('read in UTC and written back the same', () => {
    expect(toInputValue(Date.UTC(2026, 10, 27, 9, 5), 'utc')).toBe('2026-11-27T09:05');
    expect(fromInputValue('2026-11-27T09:05', 'utc')).toBe(Date.UTC(2026, 10, 27, 9, 5));
  });

  test.each([
    ['', '2026-11-27T10:00', 'Enter a start date and time.'],
    ['2026-11-27T10:00', '2026-11-27T09:00', 'The end must be after the start.'],
    ['2026-02-30T10:00', '2026-03-01T10:00', 'Enter a start date and time.'],
  ])('%s to %s is refused: %s', (from, to, error) => {
    expect(customRange(from, to, 'utc')).toEqual({ error });
  });
});

describe('zoomTo', () => {
  test.each([
    ['whole minutes for a long drag', now - 3 * H + 12_345, now - H + 59_999, now - 3 * H, now - H + 60_000],
    ['whole seconds for a short one', now + 1_500, now + 300_200, now + 1_000, now + 301_000],
    ['at least a minute', now, now + 2_000, now, now + 60_000],
  ])('%s', (_, a, b, start, end) => {
    expect(zoomTo(a, b)).toEqual({ kind: 'absolute', start, end });
  });
});

describe('ranges in words', () => {
  test.each<[number, string]>([
    [900, 'Last 15 minutes'],
    [3600, 'Last hour'],
    [10_800, 'Last 3 hours'],
    [21_600, 'Last 6 hours'],
    [43_200, 'Last 12 hours'],
    [86_400, 'Last 24 hours'],
    [259_200, 'Last 3 days'],
    [604_800, 'Last 7 days'],
    [2_592_000, 'Last 30 days'],
  ])('the quick range of %i s reads %s', (seconds, label) => {
    expect(relativeRangeLabel(seconds)).toBe(label);
    expect(rangeChoices({ kind: 'relative', seconds: 21_600 })).toContainEqual({ seconds, label });
  });

  test.each<[string, string]>([
    ['now-1d', 'Last 24 hours'],
    ['now-24h', 'Last 24 hours'],
    ['now-90m', 'Last 90 minutes'],
    ['now-7d', 'Last 7 days'],
    ['now-2w', 'Last 2 weeks'],
    ['now-45s', 'Last 45 seconds'],
    ['now-5h', 'Last 5 hours'],
  ])('%s from the address is offered as %s, never as its code', (text, label) => {
    const parsed = parseRange(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const choices = rangeChoices(parsed.range);
    expect(choices.filter((c) => c.label === label)).toHaveLength(1);
    expect(choices.map((c) => c.label).join()).not.toMatch(/now-/);
    expect(choices.map((c) => c.seconds)).toEqual([...choices.map((c) => c.seconds)].sort((a, b) => a - b));
  });

  test('a frozen range adds no choice (it is the custom range)', () => {
    expect(rangeChoices({ kind: 'absolute', start: now - H, end: now })).toHaveLength(9);
  });
});
