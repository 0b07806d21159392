/** Times in the browser's zone or in UTC (the URL's tz parameter). */
export type TimeZoneChoice = 'local' | 'utc';

const DAY_MS = 86_400_000;

/** The Intl time zone for a choice: the browser's own, or UTC. */
export function intlZone(tz: TimeZoneChoice): string | undefined {
  return tz === 'utc' ? 'UTC' : undefined;
}

/** Axis ticks: times of day for short ranges, dates with times beyond a day and a half, dates alone past a week. */
export function tickFormatter(tz: TimeZoneChoice, spanMs: number): (t: number) => string {
  const timeZone = intlZone(tz);
  const options: Intl.DateTimeFormatOptions =
    spanMs > 7 * DAY_MS
      ? { month: 'short', day: 'numeric', timeZone }
      : spanMs > 1.5 * DAY_MS
        ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }
        : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone };
  const format = new Intl.DateTimeFormat(undefined, options);
  return (t) => format.format(t);
}

/** A full timestamp for tooltips, tables and range labels, with the zone named so nobody guesses. */
export function formatTimestamp(t: number, tz: TimeZoneChoice): string {
  return new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    timeZone: intlZone(tz),
  }).format(t);
}

/** Evenly spaced tick instants on whole minutes, hours or days, so the axis reads 09:00, 10:00, 11:00. */
export function timeTicks(start: number, end: number, maxTicks: number): number[] {
  const steps = [
    60_000,
    300_000,
    900_000,
    1_800_000,
    3_600_000,
    10_800_000,
    21_600_000,
    43_200_000,
    DAY_MS,
    2 * DAY_MS,
    7 * DAY_MS,
  ];
  const span = end - start;
  const step = steps.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / DAY_MS) * DAY_MS;
  const out: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) out.push(t);
  return out;
}
