import { describe, expect, test } from 'vitest';
import type { TimeFormatOptions } from '../format/format-time';
import type { TimeRange } from './range';
import { toViewRange } from './view-range';

const DAY: TimeRange = { kind: 'relative', seconds: 86_400 };
const FROZEN: TimeRange = {
  kind: 'absolute',
  start: Date.UTC(2026, 11, 1, 18),
  end: Date.UTC(2026, 11, 1, 21, 30),
};
const FROZEN_TEXT = '2026-12-01T18:00:00Z/2026-12-01T21:30:00Z';

describe('toViewRange', () => {
  test.each<[string, TimeRange | undefined, string, TimeFormatOptions | undefined, string, string]>([
    ['the address wins', DAY, 'now-6h', undefined, 'now-1d', 'the last 24 hours'],
    ['the dashboard default without one', undefined, 'now-6h', undefined, 'now-6h', 'the last 6 hours'],
    [
      'a default of 24 hours, written canonically',
      undefined,
      'now-24h',
      undefined,
      'now-1d',
      'the last 24 hours',
    ],
    [
      'a frozen range in UTC',
      FROZEN,
      'now-6h',
      { timeZone: 'utc', locale: 'en-GB' },
      FROZEN_TEXT,
      '1 Dec 2026, 18:00–21:30',
    ],
    [
      'a frozen range in the viewer’s zone',
      FROZEN,
      'now-6h',
      { timeZone: 'Europe/Berlin', locale: 'en-GB' },
      FROZEN_TEXT,
      '1 Dec 2026, 19:00–22:30',
    ],
    ['a default that does not parse falls back', undefined, 'soon', undefined, 'now-6h', 'the last 6 hours'],
  ])('%s', (_, fromAddress, dashboardDefault, options, text, words) => {
    const view = toViewRange(fromAddress, dashboardDefault, options);
    expect(view.text).toBe(text);
    expect(view.words.replace(/\s/g, ' ')).toBe(words);
    if (fromAddress) expect(view.range).toBe(fromAddress);
  });
});
