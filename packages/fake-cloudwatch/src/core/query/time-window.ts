/** Time rules of GetMetricData: start rounding, period buckets and retention. */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * Rounds StartTime down as the GetMetricData docs state: to the minute when less than 15 days ago, to
 * 5 minutes between 15 and 63 days, to the hour beyond; to the 5/10/20/30-second division of the
 * minute for high-resolution periods.
 */
export function roundStart(start: number, now: number, period: number): number {
  if (period < 60) return Math.floor(start / (period * 1000)) * period * 1000;
  const age = now - start;
  const step = age < 15 * DAY ? MINUTE : age < 63 * DAY ? 5 * MINUTE : HOUR;
  return Math.floor(start / step) * step;
}

/**
 * How long data at this period is kept: < 60 s for 3 hours, 60 s for 15 days, 300 s for 63 days,
 * 3600 s for 455 days. A period that is a multiple of a coarser storage resolution uses that one.
 */
export function retentionMs(period: number): number {
  if (period < 60) return 3 * HOUR;
  if (period % 3600 === 0) return 455 * DAY;
  if (period % 300 === 0) return 63 * DAY;
  return 15 * DAY;
}

/** Period start times in [start, end), aligned to the (rounded) start, like CloudWatch does. */
export function bucketStarts(start: number, end: number, period: number): number[] {
  const out: number[] = [];
  const step = period * 1000;
  for (let t = start; t < end; t += step) out.push(t);
  return out;
}
