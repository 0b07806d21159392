import { describe, expect, test } from 'vitest';
import {
  clockFace,
  formatInstantIn,
  formatTimeInWindow,
  formatTimeRange,
  formatTimestamp,
  localZoneName,
  type TimeFormatOptions,
  tickFormatter,
} from './format-time';

// Intl puts thin and narrow no-break spaces around dashes and before AM/PM; compare with plain spaces.
const plain = (text: string): string => text.replace(/\s/g, ' ');

const AT = Date.UTC(2026, 10, 27, 9, 30);
const H = 3_600_000;
const D = 24 * H;
const GB: TimeFormatOptions = { timeZone: 'utc', locale: 'en-GB' };
const US: TimeFormatOptions = { timeZone: 'utc', locale: 'en-US' };

describe('the locale decides the clock, the same way everywhere', () => {
  test.each<[string, string, string, string, string]>([
    ['en-GB', '09:30', '14:05:09 UTC', '27 Nov 2026, 09:30 UTC', '14:05'],
    ['en-US', '9:30 AM', '2:05:09 PM UTC', 'Nov 27, 2026, 9:30 AM UTC', '2:05 PM'],
    ['de-DE', '09:30', '14:05:09 UTC', '27. Nov. 2026, 09:30 UTC', '14:05'],
    ['en-US-u-hc-h23', '09:30', '14:05:09 UTC', 'Nov 27, 2026, 09:30 UTC', '14:05'],
  ])('%s: tick %s, update %s, timestamp %s, wall clock %s', (locale, tick, update, stamp, clock) => {
    const options = { timeZone: 'utc', locale };
    const later = Date.UTC(2026, 10, 27, 14, 5, 9);
    expect(plain(tickFormatter(H, options)(AT))).toBe(tick);
    expect(plain(formatInstantIn(later, options))).toBe(update);
    expect(plain(formatTimestamp(AT, options))).toBe(stamp);
    expect(plain(clockFace(later, options).time)).toBe(clock);
  });
});

describe('tickFormatter', () => {
  test.each<[number, string]>([
    [H, '09:30'],
    [3 * D, '27 Nov, 09:30'],
    [30 * D, '27 Nov'],
  ])('over a %i ms range a tick reads %s', (span, text) => {
    expect(plain(tickFormatter(span, GB)(AT))).toBe(text);
  });

  test('reads the zone as a name or the view setting', () => {
    expect(tickFormatter(H, { timeZone: 'Europe/Berlin', locale: 'en-GB' })(AT)).toBe('10:30');
    expect(tickFormatter(H, 'utc')(AT)).toBe(tickFormatter(H, { timeZone: 'UTC' })(AT));
  });
});

describe('formatTimeInWindow (chart tooltips)', () => {
  const TOKYO: TimeFormatOptions = { timeZone: 'Asia/Tokyo', locale: 'en-GB' };
  // 14:00–16:00 UTC is one day in UTC and crosses midnight in Tokyo (UTC+9).
  const afternoon = { start: AT + 4.5 * H, end: AT + 6.5 * H };
  test.each<[string, { start: number; end: number }, number, TimeFormatOptions, string]>([
    ['a morning', { start: AT - 3 * H, end: AT + H }, AT, GB, '09:30 UTC'],
    ['a range across midnight', { start: AT - 12 * H, end: AT }, AT, GB, '27 Nov, 09:30 UTC'],
    ['a week', { start: AT - 7 * D, end: AT }, AT, GB, '27 Nov, 09:30 UTC'],
    ['a morning, 12-hour clock', { start: AT - 3 * H, end: AT }, AT, US, '9:30 AM UTC'],
    ['an afternoon in UTC', afternoon, AT + 6 * H, GB, '15:30 UTC'],
    ['the same afternoon in Tokyo', afternoon, AT + 6 * H, TOKYO, '28 Nov, 00:30 GMT+9'],
  ])('%s', (_, window, t, options, text) => {
    expect(plain(formatTimeInWindow(t, window, options))).toBe(text);
  });
});

describe('formatTimeRange', () => {
  const start = Date.UTC(2026, 11, 1, 18);
  test.each<[string, number, TimeFormatOptions, boolean, string]>([
    ['same day', Date.UTC(2026, 11, 1, 21, 30), GB, false, '1 Dec 2026, 18:00–21:30'],
    ['next day', Date.UTC(2026, 11, 2, 3, 30), GB, false, '1 Dec 2026, 18:00 – 2 Dec 2026, 03:30'],
    ['same day, 12-hour clock', Date.UTC(2026, 11, 1, 21, 30), US, false, 'Dec 1, 2026, 6:00 – 9:30 PM'],
    ['with the zone', Date.UTC(2026, 11, 1, 21, 30), GB, true, '1 Dec 2026, 18:00–21:30 UTC'],
    [
      'another zone moves the day',
      Date.UTC(2026, 11, 1, 21, 30),
      { timeZone: 'Asia/Tokyo', locale: 'en-GB' },
      false,
      '2 Dec 2026, 03:00–06:30',
    ],
  ])('%s', (_, end, options, zoneName, text) => {
    expect(plain(formatTimeRange(start, end, options, { zoneName }))).toBe(text);
  });

  test('never shows seconds or milliseconds', () => {
    expect(plain(formatTimeRange(start + 12_345, start + 3 * H + 59_999, GB))).toBe(
      '1 Dec 2026, 18:00–21:00',
    );
  });
});

describe('wall clock', () => {
  const at = Date.UTC(2026, 10, 27, 14, 5, 9);

  test('the UTC clock names its zone', () => {
    expect(clockFace(at, GB)).toEqual({ time: '14:05', day: 'Fri 27 Nov', zone: 'UTC' });
  });

  test('the local clock names the runtime zone (tests run with TZ=UTC)', () => {
    expect(localZoneName()).toBe('UTC');
    expect(clockFace(at, { locale: 'en-GB' }).zone).toBe('UTC');
    expect(clockFace(at, 'local').time).toBe(clockFace(at, { timeZone: 'UTC' }).time);
  });

  test('a named zone is shown with its abbreviation', () => {
    expect(clockFace(at, { timeZone: 'Europe/Berlin', locale: 'en-GB' })).toEqual({
      time: '15:05',
      day: 'Fri 27 Nov',
      zone: 'Europe/Berlin (CET)',
    });
  });
});

test('an unknown locale or zone falls back instead of throwing', () => {
  expect(() => formatTimestamp(AT, { locale: 'xx-invalid-@@', timeZone: 'Mars/Olympus' })).not.toThrow();
});
