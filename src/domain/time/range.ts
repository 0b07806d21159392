import { formatTimeRange, type TimeFormatOptions } from '../format/format-time';
import { numberFormat } from '../format/number-format';
import type { TimeWindow } from '../series';
import { parseDuration } from './duration';

/** What a person picks: "the last 6 hours" (moves with the clock) or a fixed interval (does not). */
export type TimeRange =
  | { kind: 'relative'; seconds: number }
  | { kind: 'absolute'; start: number; end: number };

export type RangeParse = { ok: true; range: TimeRange } | { ok: false; error: string };

const RELATIVE_RE = /^now-(.+)$/;
// A timezone is required so the same text means the same instant in every browser.
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** Reads an ISO 8601 instant (a date alone means midnight UTC); undefined when it is not one. */
export function parseInstant(text: string): number | undefined {
  const trimmed = text.trim();
  const match = ISO_RE.exec(trimmed);
  if (!match || !isCalendarDate(match)) return undefined;
  const ms = Date.parse(trimmed);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Formats an instant as ISO 8601 UTC without the noise of zero milliseconds. */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Builds an absolute range from two ISO 8601 instants, with a reason when they do not make one. */
export function parseAbsoluteRange(startText: string, endText: string): RangeParse {
  const start = parseInstant(startText);
  if (start === undefined) return { ok: false, error: notInstant(startText, 'start') };
  const end = parseInstant(endText);
  if (end === undefined) return { ok: false, error: notInstant(endText, 'end') };
  if (end <= start) {
    return { ok: false, error: `the range ends (${endText}) before it starts (${startText}); swap them` };
  }
  return { ok: true, range: { kind: 'absolute', start, end } };
}

/**
 * Reads "now-6h" or "<ISO start>/<ISO end>" (ISO 8601 interval notation), the two forms a range is
 * written in URLs and dashboard files.
 */
export function parseRange(text: string): RangeParse {
  const trimmed = text.trim();
  const relative = RELATIVE_RE.exec(trimmed);
  if (relative) {
    const seconds = parseDuration(relative[1] ?? '');
    if (seconds === undefined) {
      return {
        ok: false,
        error: `'${text}' is not a relative range (write it like now-15m, now-6h or now-7d)`,
      };
    }
    return { ok: true, range: { kind: 'relative', seconds } };
  }
  const parts = trimmed.split('/');
  if (parts.length === 2) return parseAbsoluteRange(parts[0] ?? '', parts[1] ?? '');
  return {
    ok: false,
    error: `'${text}' is not a time range (write now-6h, or two ISO 8601 times such as 2024-05-01T00:00Z/2024-05-02T00:00Z)`,
  };
}

/** The inverse of parseRange, so a range survives a trip through the URL unchanged. */
export function formatRange(range: TimeRange): string {
  if (range.kind === 'relative') return `now-${formatRelative(range.seconds)}`;
  return `${formatInstant(range.start)}/${formatInstant(range.end)}`;
}

/**
 * Words that read after "over": "the last 6 hours", or a fixed range to the minute in the chosen zone and
 * locale, "1 Dec 2026, 18:00 – 21:30" (the second date left out on the same day).
 */
export function describeRange(range: TimeRange, options: TimeFormatOptions = {}): string {
  if (range.kind === 'relative') return `the ${describeRelative(range.seconds)}`;
  return formatTimeRange(range.start, range.end, options);
}

const RELATIVE_UNITS = [
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
] as const;

/**
 * A moving range in words, "last 24 hours", "last 90 minutes", "last 2 weeks", "last hour": in the largest
 * unit it is a whole number of, except that a single day or week reads as 24 hours and 7 days, as people say.
 */
export function describeRelative(seconds: number): string {
  const found = RELATIVE_UNITS.find(
    ([unit, size]) =>
      seconds % size === 0 && (unit === 'week' || unit === 'day' ? seconds > size : seconds >= size),
  );
  const [unit, size] = found ?? (['second', 1] as const);
  const count = seconds / size;
  if (count === 1) return `last ${unit}`;
  return `last ${numberFormat('en', { style: 'unit', unit, unitDisplay: 'long' }).format(count)}`;
}

/** Same range, for URL codecs and memo keys. */
export function rangesEqual(a: TimeRange, b: TimeRange): boolean {
  if (a.kind === 'relative' && b.kind === 'relative') return a.seconds === b.seconds;
  if (a.kind === 'absolute' && b.kind === 'absolute') return a.start === b.start && a.end === b.end;
  return false;
}

/** Pins a range to instants; `now` is passed in so the same inputs always give the same window. */
export function resolveRange(range: TimeRange, now: number): TimeWindow {
  if (range.kind === 'absolute') return { start: range.start, end: range.end };
  return { start: now - range.seconds * 1000, end: now };
}

// Date.parse rolls 2024-02-30 over to March 1st; a typo should be an error instead.
function isCalendarDate(match: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  if (month === undefined || day === undefined || month < 1 || month > 12) return false;
  const daysInMonth = new Date(Date.UTC(year ?? 0, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth && (hour ?? 0) < 24 && (minute ?? 0) < 60 && (second ?? 0) < 60;
}

// Days rather than weeks: "now-7d" is what dashboards and people write.
function formatRelative(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

function notInstant(text: string, which: 'start' | 'end'): string {
  return `the ${which} '${text}' is not an ISO 8601 time with a timezone, such as 2024-05-01T12:00:00Z`;
}
