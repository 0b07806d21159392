import { describe, expect, test } from 'vitest';
import {
  describeRange,
  formatRange,
  parseAbsoluteRange,
  parseInstant,
  parseRange,
  rangesEqual,
  resolveRange,
  type TimeRange,
} from './range';

const NOW = Date.UTC(2024, 4, 15, 12, 34, 56);

describe('parseRange', () => {
  test.each<[string, TimeRange]>([
    ['now-15m', { kind: 'relative', seconds: 900 }],
    ['now-6h', { kind: 'relative', seconds: 21_600 }],
    ['now-7d', { kind: 'relative', seconds: 604_800 }],
    [' now-2w ', { kind: 'relative', seconds: 1_209_600 }],
    [
      '2024-05-01T00:00:00Z/2024-05-02T06:30:00Z',
      { kind: 'absolute', start: Date.UTC(2024, 4, 1), end: Date.UTC(2024, 4, 2, 6, 30) },
    ],
    [
      '2024-05-01T02:00+02:00/2024-05-01T01:00:00.500Z',
      { kind: 'absolute', start: Date.UTC(2024, 4, 1), end: Date.UTC(2024, 4, 1, 1, 0, 0, 500) },
    ],
    ['2024-05-01/2024-05-03', { kind: 'absolute', start: Date.UTC(2024, 4, 1), end: Date.UTC(2024, 4, 3) }],
  ])('%s', (text, expected) => {
    expect(parseRange(text)).toEqual({ ok: true, range: expected });
  });

  test.each([
    ['now-0h', 'not a relative range'],
    ['now-6x', 'not a relative range'],
    ['now-6h;alert(1)', 'not a relative range'],
    ['yesterday', 'not a time range'],
    [
      '2024-05-01T00:00:00/2024-05-02T00:00:00Z',
      "the start '2024-05-01T00:00:00' is not an ISO 8601 time with a timezone",
    ],
    ['2024-05-01T00:00:00Z/soon', "the end 'soon' is not an ISO 8601 time"],
    ['2024-05-02T00:00:00Z/2024-05-01T00:00:00Z', 'before it starts'],
    ['2024-05-01T00:00:00Z/2024-05-01T00:00:00Z', 'before it starts'],
  ])('rejects %s with a reason', (text, reason) => {
    const parsed = parseRange(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(reason);
  });
});

describe('parseInstant', () => {
  test('accepts a leap day', () => {
    expect(parseInstant('2024-02-29T23:59:59Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
  });

  test.each([
    '2024-13-01T00:00:00Z',
    '2024-02-30',
    '2023-02-29T00:00Z',
    '2024-05-01T24:00Z',
    '2024-05-01T12:60Z',
    '2024-05-01 00:00:00Z',
    '1714521600000',
    '',
  ])('%s is not an instant', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});

describe('formatRange', () => {
  test.each(['now-15m', 'now-6h', 'now-7d', '2024-05-01T00:00:00Z/2024-05-02T06:30:00.250Z'])(
    '%s round-trips',
    (text) => {
      const parsed = parseRange(text);
      if (!parsed.ok) throw new Error(parsed.error);
      expect(formatRange(parsed.range)).toBe(text);
    },
  );

  test.each([
    [86_400, 'now-1d'],
    [1_209_600, 'now-14d'],
    [5400, 'now-90m'],
    [90, 'now-90s'],
  ])('writes %i s in its largest whole unit up to days: %s', (seconds, text) => {
    expect(formatRange({ kind: 'relative', seconds })).toBe(text);
  });
});

describe('resolveRange', () => {
  test('a relative range ends now and starts its length before', () => {
    expect(resolveRange({ kind: 'relative', seconds: 21_600 }, NOW)).toEqual({
      start: NOW - 21_600_000,
      end: NOW,
    });
  });

  test('an absolute range ignores now', () => {
    const range: TimeRange = { kind: 'absolute', start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 0, 2) };
    expect(resolveRange(range, NOW)).toEqual(resolveRange(range, NOW + 86_400_000));
    expect(resolveRange(range, NOW)).toEqual({ start: range.start, end: range.end });
  });
});

describe('rangesEqual', () => {
  test.each<[TimeRange, TimeRange, boolean]>([
    [{ kind: 'relative', seconds: 60 }, { kind: 'relative', seconds: 60 }, true],
    [{ kind: 'relative', seconds: 60 }, { kind: 'relative', seconds: 120 }, false],
    [{ kind: 'absolute', start: 1, end: 2 }, { kind: 'absolute', start: 1, end: 2 }, true],
    [{ kind: 'absolute', start: 1, end: 2 }, { kind: 'absolute', start: 1, end: 3 }, false],
    [{ kind: 'relative', seconds: 60 }, { kind: 'absolute', start: 0, end: 60_000 }, false],
  ])('%j = %j is %s', (a, b, equal) => {
    expect(rangesEqual(a, b)).toBe(equal);
  });
});

describe('describeRange', () => {
  // Intl puts thin spaces around the dash of a range and a narrow no-break space before AM/PM.
  const plain = (text: string): string => text.replace(/\s/g, ' ');
  const at = (d: number, h: number, m = 0, s = 0, ms = 0): number => Date.UTC(2026, 11, d, h, m, s, ms);

  test.each<[string, string]>([
    ['now-15m', 'the last 15 minutes'],
    ['now-1m', 'the last minute'],
    ['now-90m', 'the last 90 minutes'],
    ['now-1h', 'the last hour'],
    ['now-6h', 'the last 6 hours'],
    ['now-1d', 'the last 24 hours'],
    ['now-24h', 'the last 24 hours'],
    ['now-36h', 'the last 36 hours'],
    ['now-48h', 'the last 2 days'],
    ['now-7d', 'the last 7 days'],
    ['now-1w', 'the last 7 days'],
    ['now-2w', 'the last 2 weeks'],
    ['now-14d', 'the last 2 weeks'],
    ['now-30d', 'the last 30 days'],
    ['now-90s', 'the last 90 seconds'],
    ['now-1000d', 'the last 1,000 days'],
  ])('%s reads "over %s"', (text, words) => {
    const parsed = parseRange(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(describeRange(parsed.range)).toBe(words);
  });

  test.each<[string, number, number, Parameters<typeof describeRange>[1], string]>([
    [
      'same day, UTC',
      at(1, 18),
      at(1, 21, 30),
      { timeZone: 'utc', locale: 'en-GB' },
      '1 Dec 2026, 18:00–21:30',
    ],
    [
      'two days, UTC',
      at(1, 18),
      at(2, 6),
      { timeZone: 'utc', locale: 'en-GB' },
      '1 Dec 2026, 18:00 – 2 Dec 2026, 06:00',
    ],
    [
      'seconds and milliseconds dropped',
      at(1, 18, 0, 0, 250),
      at(1, 21, 30, 59, 999),
      { timeZone: 'utc', locale: 'en-GB' },
      '1 Dec 2026, 18:00–21:30',
    ],
    [
      '12-hour locale',
      at(1, 18),
      at(1, 21, 30),
      { timeZone: 'utc', locale: 'en-US' },
      'Dec 1, 2026, 6:00 – 9:30 PM',
    ],
    [
      'another zone moves the day',
      at(1, 18),
      at(1, 21, 30),
      { timeZone: 'Asia/Tokyo', locale: 'en-GB' },
      '2 Dec 2026, 03:00–06:30',
    ],
    [
      'local is the runtime zone (UTC in tests)',
      at(1, 18),
      at(1, 21, 30),
      { locale: 'en-GB' },
      '1 Dec 2026, 18:00–21:30',
    ],
  ])('a frozen range, %s', (_, start, end, options, words) => {
    expect(plain(describeRange({ kind: 'absolute', start, end }, options))).toBe(words);
  });

  test('the old one-argument call still works and shows no ISO timestamps', () => {
    const words = describeRange({ kind: 'absolute', start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 0, 2) });
    expect(words).not.toMatch(/T\d\d:|Z\b|\.\d{3}/);
    expect(words).toMatch(/2024/);
  });
});

describe('parseAbsoluteRange', () => {
  test('parseAbsoluteRange takes the two ends separately', () => {
    expect(parseAbsoluteRange('2024-01-01', '2024-01-02')).toEqual({
      ok: true,
      range: { kind: 'absolute', start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 0, 2) },
    });
  });
});
