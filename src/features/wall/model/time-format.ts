import type { TimeZoneChoice } from '../../../url/view-params';

const cache = new Map<string, Intl.DateTimeFormat>();

function format(options: Intl.DateTimeFormatOptions, locale?: string): Intl.DateTimeFormat {
  const key = JSON.stringify([locale ?? '', options]);
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    cache.set(key, formatter);
  }
  return formatter;
}

function zoneOption(tz: TimeZoneChoice): { timeZone?: string } {
  return tz === 'utc' ? { timeZone: 'UTC' } : {};
}

/** The browser's IANA zone, e.g. Europe/Berlin; UTC where the browser will not say. */
export function localZoneName(): string {
  return format({}).resolvedOptions().timeZone ?? 'UTC';
}

/** The wall clock: "14:05", the day, and the zone named, e.g. "UTC" or "Europe/Berlin (CET)". */
export function clockFace(
  now: number,
  tz: TimeZoneChoice,
  locale?: string,
): { time: string; day: string; zone: string } {
  const time = format(
    { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...zoneOption(tz) },
    locale,
  ).format(now);
  const day = format({ weekday: 'short', day: 'numeric', month: 'short', ...zoneOption(tz) }, locale).format(
    now,
  );
  if (tz === 'utc') return { time, day, zone: 'UTC' };
  const iana = localZoneName();
  const short = format({ timeZoneName: 'short' }, locale)
    .formatToParts(now)
    .find((p) => p.type === 'timeZoneName')?.value;
  return { time, day, zone: short && short !== iana ? `${iana} (${short})` : iana };
}

/** "14:04:12 UTC": an instant in the wall's zone, for "last update". */
export function formatInstantIn(ms: number, tz: TimeZoneChoice, locale?: string): string {
  return format(
    {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
      ...zoneOption(tz),
    },
    locale,
  ).format(ms);
}
