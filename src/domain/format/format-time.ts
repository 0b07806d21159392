/**
 * Every time of day, date and time range on screen, formatted with Intl in one place so the chart, the desk,
 * the wall and the drill-down agree: the locale's own 12- or 24-hour clock (24-hour clocks always with two
 * hour digits, 12-hour ones without), in the zone the person chose. Pure: no clock reads, `now` is passed in.
 */

/** The view's `tz` setting: the browser's zone (the default) or UTC. */
export type TimeZoneChoice = 'local' | 'utc';

/** 'local' (the runtime's zone), 'utc', or an IANA zone such as 'Europe/Berlin'. */
export type ZoneName = TimeZoneChoice | (string & {});

export interface TimeFormatOptions {
  /** Defaults to 'local'. */
  timeZone?: ZoneName;
  /** BCP 47 tag; defaults to the runtime's locale, whose clock (12 or 24 hours) people expect to read. */
  locale?: string;
}

/** Options, or just the zone: `formatTimestamp(t, 'utc')`. */
export type TimeFormatInput = TimeFormatOptions | ZoneName;

const DAY_MS = 86_400_000;
const CACHE_LIMIT = 256;
const cache = new Map<string, Intl.DateTimeFormat>();
const hourWidths = new Map<string, 'numeric' | '2-digit'>();

function resolve(input: TimeFormatInput | undefined): { locale?: string; timeZone?: string } {
  const options = typeof input === 'string' ? { timeZone: input } : (input ?? {});
  const zone = options.timeZone;
  const timeZone = zone === undefined || zone === 'local' ? undefined : zone === 'utc' ? 'UTC' : zone;
  return { ...(options.locale ? { locale: options.locale } : {}), ...(timeZone ? { timeZone } : {}) };
}

function create(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    // An unknown locale tag or zone name falls back to the runtime's, rather than breaking a screen.
    try {
      return new Intl.DateTimeFormat(undefined, options);
    } catch {
      const { timeZone: _ignored, ...rest } = options;
      return new Intl.DateTimeFormat(undefined, rest);
    }
  }
}

// 24-hour locales write 09:05, 12-hour ones 9:05 AM; asking for 2-digit hours everywhere gives "09:05 AM".
function hourWidth(locale: string | undefined): 'numeric' | '2-digit' {
  const key = locale ?? '';
  let width = hourWidths.get(key);
  if (width === undefined) {
    const cycle = create(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    width = cycle === 'h11' || cycle === 'h12' ? 'numeric' : '2-digit';
    hourWidths.set(key, width);
  }
  return width;
}

interface Fields {
  date?: 'short' | 'year' | 'weekday';
  clock?: 'minutes' | 'seconds';
  zoneName?: boolean;
}

/** A cached formatter: building an Intl.DateTimeFormat costs far more than using one. */
function formatter(input: TimeFormatInput | undefined, fields: Fields): Intl.DateTimeFormat {
  const { locale, timeZone } = resolve(input);
  const key = JSON.stringify([locale ?? '', timeZone ?? '', fields]);
  let format = cache.get(key);
  if (format === undefined) {
    const options: Intl.DateTimeFormatOptions = {
      ...(fields.date ? { month: 'short', day: 'numeric' } : {}),
      ...(fields.date === 'year' ? { year: 'numeric' } : {}),
      ...(fields.date === 'weekday' ? { weekday: 'short' } : {}),
      ...(fields.clock ? { hour: hourWidth(locale), minute: '2-digit' } : {}),
      ...(fields.clock === 'seconds' ? { second: '2-digit' } : {}),
      ...(fields.zoneName ? { timeZoneName: 'short' } : {}),
      ...(timeZone ? { timeZone } : {}),
    };
    format = create(locale, options);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, format);
  }
  return format;
}

// Different days in the zone: an English date with the year is a calendar day's name, whatever the locale.
function spansDays(start: number, end: number, input: TimeFormatInput | undefined): boolean {
  if (end - start >= DAY_MS) return true;
  const day = formatter({ ...resolve(input), locale: 'en-US' }, { date: 'year' });
  return day.format(start) !== day.format(end);
}

/** Axis ticks: times of day for short ranges, dates with times beyond a day and a half, dates alone past a week. */
export function tickFormatter(spanMs: number, input?: TimeFormatInput): (t: number) => string {
  const fields: Fields =
    spanMs > 7 * DAY_MS
      ? { date: 'short' }
      : spanMs > 1.5 * DAY_MS
        ? { date: 'short', clock: 'minutes' }
        : { clock: 'minutes' };
  const format = formatter(input, fields);
  return (t) => format.format(t);
}

/** A full timestamp for tables and status spans, with the zone named so nobody guesses: "1 Dec 2026, 18:05 UTC". */
export function formatTimestamp(t: number, input?: TimeFormatInput): string {
  return formatter(input, { date: 'year', clock: 'minutes', zoneName: true }).format(t);
}

/**
 * A chart tooltip's time: "18:05 UTC" when the window on screen is within one day, "1 Dec, 18:05 UTC" when it
 * crosses midnight, so the time of day is never mistaken for another day's.
 */
export function formatTimeInWindow(
  t: number,
  window: { start: number; end: number },
  input?: TimeFormatInput,
): string {
  const date = spansDays(window.start, window.end, input) ? 'short' : undefined;
  return formatter(input, { ...(date ? { date } : {}), clock: 'minutes', zoneName: true }).format(t);
}

/**
 * A fixed range to the minute: "1 Dec 2026, 18:00 – 21:30", the second date left out on the same day
 * (Intl's formatRange, so the locale decides where the date goes). `zoneName` adds the zone, e.g. "UTC".
 */
export function formatTimeRange(
  start: number,
  end: number,
  input?: TimeFormatInput,
  { zoneName = false }: { zoneName?: boolean } = {},
): string {
  return formatter(input, { date: 'year', clock: 'minutes', zoneName }).formatRange(start, end);
}

/** The runtime's IANA zone, e.g. Europe/Berlin; UTC where the runtime will not say. */
export function localZoneName(): string {
  return create(undefined, {}).resolvedOptions().timeZone ?? 'UTC';
}

/** The wall clock: "14:05", the day, and the zone named, e.g. "UTC" or "Europe/Berlin (CET)". */
export function clockFace(now: number, input?: TimeFormatInput): { time: string; day: string; zone: string } {
  const time = formatter(input, { clock: 'minutes' }).format(now);
  const day = formatter(input, { date: 'weekday' }).format(now);
  const { timeZone } = resolve(input);
  if (timeZone === 'UTC') return { time, day, zone: 'UTC' };
  const iana = timeZone ?? localZoneName();
  const short = formatter(input, { zoneName: true })
    .formatToParts(now)
    .find((p) => p.type === 'timeZoneName')?.value;
  return { time, day, zone: short && short !== iana ? `${iana} (${short})` : iana };
}

/** "14:04:12 UTC": an instant to the second with its zone, for "last update". */
export function formatInstantIn(ms: number, input?: TimeFormatInput): string {
  return formatter(input, { clock: 'seconds', zoneName: true }).format(ms);
}
