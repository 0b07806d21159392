import type { Point } from '../series';

/**
 * Largest-Triangle-Three-Buckets (Steinarsson, 2013): keeps the first and last point and, from each of
 * `threshold - 2` buckets, the point that forms the largest triangle with its neighbours, so peaks and
 * dips survive while a 43,200-point month draws as fast as a few hundred points. Charts only: tables
 * and CSV always use every point.
 */
export function downsampleLttb(points: readonly Point[], threshold: number): Point[] {
  const target = Math.floor(threshold);
  if (!Number.isFinite(target) || target >= points.length || target < 3) {
    return target < 3 && points.length > 2 && Number.isFinite(target) && target > 0
      ? edges(points, target)
      : [...points];
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return [...points];
  const out: Point[] = [first];
  const bucketSize = (points.length - 2) / (target - 2);
  let anchor = first;
  for (let bucket = 0; bucket < target - 2; bucket++) {
    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.min(Math.floor((bucket + 1) * bucketSize) + 1, points.length - 1);
    const next = average(points, end, Math.min(Math.floor((bucket + 2) * bucketSize) + 1, points.length));
    let best: Point | undefined;
    let bestArea = -1;
    for (let i = start; i < end; i++) {
      const p = points[i];
      if (!p) continue;
      const area = Math.abs((anchor.t - next.t) * (p.v - anchor.v) - (anchor.t - p.t) * (next.v - anchor.v));
      if (area > bestArea) {
        bestArea = area;
        best = p;
      }
    }
    if (best) {
      out.push(best);
      anchor = best;
    }
  }
  out.push(last);
  return out;
}

/** The mean point of points[from, to), or the last point when the range is empty. */
function average(points: readonly Point[], from: number, to: number): Point {
  let t = 0;
  let v = 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    const p = points[i];
    if (!p) continue;
    t += p.t;
    v += p.v;
    n++;
  }
  if (n === 0) return points[points.length - 1] ?? { t: 0, v: 0 };
  return { t: t / n, v: v / n };
}

function edges(points: readonly Point[], target: number): Point[] {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return [];
  return target === 1 ? [last] : [first, last];
}
