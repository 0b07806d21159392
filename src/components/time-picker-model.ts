import type { TimeZoneChoice } from '../domain/format/format-time';
import type { TimeWindow } from '../domain/series';
import { describeRelative, type TimeRange } from '../domain/time/range';

/** A moving range as the picker names it: "Last 24 hours", "Last 90 minutes", "Last 2 weeks". */
export function relativeRangeLabel(seconds: number): string {
  const words = describeRelative(seconds);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const QUICK_RANGES: ReadonlyArray<{ seconds: number; label: string }> = [
  900, 3600, 10_800, 21_600, 43_200, 86_400, 259_200, 604_800, 2_592_000,
].map((seconds) => ({ seconds, label: relativeRangeLabel(seconds) }));

/** The picker's choices: the quick ranges, and the range in use when it is none of them (now-90m, now-2w). */
export function rangeChoices(range: TimeRange): ReadonlyArray<{ seconds: number; label: string }> {
  if (range.kind === 'absolute' || QUICK_RANGES.some((q) => q.seconds === range.seconds)) return QUICK_RANGES;
  return [...QUICK_RANGES, { seconds: range.seconds, label: relativeRangeLabel(range.seconds) }].sort(
    (a, b) => a.seconds - b.seconds,
  );
}

const MIN_SPAN_MS = 60_000;
/** A window ending within a minute of now is "the last …", so it keeps moving with the clock. */
const NOW_SLACK_MS = 60_000;

function settle(start: number, end: number, now: number): TimeRange {
  const span = Math.max(MIN_SPAN_MS, end - start);
  if (end >= now - NOW_SLACK_MS) return { kind: 'relative', seconds: Math.round(span / 1000) };
  return { kind: 'absolute', start: Math.round(end - span), end: Math.round(end) };
}

/** One window earlier or later; stepping up to now turns back into a moving "last …" range. */
export function stepRange(window: TimeWindow, direction: -1 | 1, now: number): TimeRange {
  const span = window.end - window.start;
  const end = Math.min(now, window.end + direction * span);
  return settle(end - span, end, now);
}

/** Twice the span around the same middle, never past now. */
export function zoomOut(window: TimeWindow, now: number): TimeRange {
  const span = window.end - window.start;
  const end = Math.min(now, window.end + span / 2);
  return settle(end - span * 2, end, now);
}

/** Half the span around the same middle: the keyboard's way to zoom, next to dragging on the chart. */
export function zoomIn(window: TimeWindow, now: number): TimeRange {
  const span = Math.max(MIN_SPAN_MS, (window.end - window.start) / 2);
  const middle = (window.start + window.end) / 2;
  return settle(middle - span / 2, middle + span / 2, now);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** An instant as a datetime-local input shows it, in the chosen zone. */
export function toInputValue(ms: number, tz: TimeZoneChoice): string {
  const d = new Date(ms);
  return tz === 'utc'
    ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
    : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** What a datetime-local input holds, read in the chosen zone; undefined when it is not a time. */
export function fromInputValue(text: string, tz: TimeZoneChoice): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = tz === 'utc' ? Date.UTC(y, mo - 1, d, h, mi, s) : new Date(y, mo - 1, d, h, mi, s).getTime();
  const back = new Date(ms);
  const day = tz === 'utc' ? back.getUTCDate() : back.getDate();
  return Number.isFinite(ms) && day === d ? ms : undefined;
}

/** A custom range from the two inputs, or the reason it is not one. */
export function customRange(
  from: string,
  to: string,
  tz: TimeZoneChoice,
): { range: TimeRange } | { error: string } {
  const start = fromInputValue(from, tz);
  const end = fromInputValue(to, tz);
  if (start === undefined) return { error: 'Enter a start date and time.' };
  if (end === undefined) return { error: 'Enter an end date and time.' };
  if (end <= start) return { error: 'The end must be after the start.' };
  if (end - start < MIN_SPAN_MS) return { error: 'Choose at least one minute.' };
  return { range: { kind: 'absolute', start, end } };
}

/** The range a drag on the chart selects, on whole minutes (whole seconds below ten minutes) so links stay short. */
export function zoomTo(start: number, end: number): TimeRange {
  const step = end - start >= 600_000 ? 60_000 : 1000;
  const from = Math.floor(Math.min(start, end) / step) * step;
  const to = Math.max(from + MIN_SPAN_MS, Math.ceil(Math.max(start, end) / step) * step);
  return { kind: 'absolute', start: from, end: to };
}
