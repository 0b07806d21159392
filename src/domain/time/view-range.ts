import type { TimeFormatOptions } from '../format/format-time';
import { describeRange, formatRange, parseRange, type TimeRange } from './range';

/** The range of one view, decoded once: the typed range, its canonical text (for keys and links) and its words. */
export interface ViewRange {
  range: TimeRange;
  /** Canonical text, now-6h or <ISO start>/<ISO end>. */
  text: string;
  /** Words after "over": "the last 6 hours", or a frozen range to the minute, "1 Dec 2026, 18:00–21:30". */
  words: string;
}

const FALLBACK: TimeRange = { kind: 'relative', seconds: 6 * 3600 };

/**
 * A view's range: the one its address holds (decoded and checked once, by the view codec) or else the
 * dashboard file's `timeRange` text; pass the view's zone (`{ timeZone: tz }`) so a frozen range is said in
 * the zone the screen shows.
 */
export function toViewRange(
  fromAddress: TimeRange | undefined,
  dashboardDefault: string,
  options: TimeFormatOptions = {},
): ViewRange {
  const range = fromAddress ?? fileRange(dashboardDefault);
  return { range, text: formatRange(range), words: describeRange(range, options) };
}

// The file's schema checks timeRange; the fallback only keeps a screen up if an unchecked one slips through.
function fileRange(text: string): TimeRange {
  const parsed = parseRange(text);
  return parsed.ok ? parsed.range : FALLBACK;
}
