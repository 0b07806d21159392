import type { Point } from '../series';

/** Already finite and strictly increasing in time, as CloudWatch's answers are once sorted. */
function isClean(points: readonly Point[]): boolean {
  let last = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    if (p === null || typeof p !== 'object' || !Number.isFinite(p.v) || !Number.isFinite(p.t) || p.t <= last)
      return false;
    last = p.t;
  }
  return true;
}

/**
 * Finite points sorted by time, one per timestamp: the engine accepts whatever the wire gave it
 * (unsorted, NaN, Infinity, duplicates) and never throws on it. A duplicate timestamp keeps the
 * value that came last in the input.
 */
export function cleanSeries(points: readonly Point[] | undefined): Point[] {
  if (!points || points.length === 0) return [];
  if (isClean(points)) return points.slice();
  const byTime = new Map<number, number>();
  for (const p of points) {
    if (p !== null && typeof p === 'object' && Number.isFinite(p.t) && Number.isFinite(p.v)) {
      byTime.set(p.t, p.v);
    }
  }
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([t, v]) => ({ t, v }));
}

/** A usable period in seconds: bad input falls back to one minute rather than breaking the evaluation. */
export function safePeriod(period: number): number {
  return Number.isFinite(period) && period > 0 ? period : 60;
}

/** End (exclusive, epoch ms) of the newest complete period at `now`: the period in progress is never judged. */
export function completePeriodsEnd(now: number, periodSeconds: number): number {
  const ms = periodSeconds * 1000;
  return Math.floor(now / ms) * ms;
}

/**
 * The newest point in each of the last `count` complete periods before `now`, oldest first; a period
 * without a point is undefined (a missing datapoint in CloudWatch's words).
 */
export function lastPeriods(
  points: readonly Point[],
  periodSeconds: number,
  now: number,
  count: number,
): Array<Point | undefined> {
  const ms = periodSeconds * 1000;
  const end = completePeriodsEnd(now, periodSeconds);
  const start = end - count * ms;
  const slots: Array<Point | undefined> = new Array(count).fill(undefined);
  for (const p of points) {
    if (p.t < start || p.t >= end) continue;
    const index = Math.floor((p.t - start) / ms);
    const held = slots[index];
    if (held === undefined || p.t >= held.t) slots[index] = p;
  }
  return slots;
}

/** Finite points whose time falls in [start, end). */
export function pointsBetween(points: readonly Point[], start: number, end: number): Point[] {
  return points.filter((p) => p.t >= start && p.t < end);
}
