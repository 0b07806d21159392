import { describe, expect, test } from 'vitest';
import type { TimeFormatOptions } from '../format/format-time';
import { toViewRange } from './view-range';

const FROZEN = '2026-12-01T18:00:00.000Z/2026-12-01T21:30:00.000Z';
/** The canonical text drops zero milliseconds. */
const FROZEN_TEXT = '2026-12-01T18:00:00Z/2026-12-01T21:30:00Z';

describe('toViewRange', () => {
  test.each<[string, string | undefined, TimeFormatOptions | undefined, string, string]>([
    ['the address wins', 'now-1d', undefined, 'now-1d', 'the last 24 hours'],
    ['the dashboard default without one', undefined, undefined, 'now-6h', 'the last 6 hours'],
    [
      'a frozen range in UTC',
      FROZEN,
      { timeZone: 'utc', locale: 'en-GB' },
      FROZEN_TEXT,
      '1 Dec 2026, 18:00–21:30',
    ],
    [
      'a frozen range in the viewer’s zone',
      FROZEN,
      { timeZone: 'Europe/Berlin', locale: 'en-GB' },
      FROZEN_TEXT,
      '1 Dec 2026, 19:00–22:30',
    ],
    ['a range that does not parse falls back', 'soon', undefined, 'now-6h', 'the last 6 hours'],
  ])('%s', (_, fromAddress, options, text, words) => {
    const view = toViewRange(fromAddress, 'now-6h', options);
    expect(view.text).toBe(text);
    expect(view.words.replace(/\s/g, ' ')).toBe(words);
  });
});
