import type { Point } from '../series';

/** 12:00:30 UTC: the minute 12:00 is in progress, 11:59 is the newest complete one. */
export const NOW = Date.UTC(2025, 0, 15, 12, 0, 30);

/**
 * Points for the newest complete periods before `now`, oldest first; null leaves a gap (a missing
 * datapoint), so `periods([1, null, 3])` reads like CloudWatch's "1 - 3".
 */
export function periods(values: ReadonlyArray<number | null>, periodSeconds = 60, now = NOW): Point[] {
  const ms = periodSeconds * 1000;
  const end = Math.floor(now / ms) * ms;
  const points: Point[] = [];
  values.forEach((v, i) => {
    if (v !== null) points.push({ t: end - (values.length - i) * ms, v });
  });
  return points;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), for noise that tests can reproduce. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
