import { type FormattedChange, formatChange } from '../format/format-change';
import type { Direction, Unit } from '../kpi/schema';
import type { Point } from '../series';

/** Share of the range's points that make each end's typical level. */
const END_SHARE = 0.1;
/** Fewer points than this at an end and the median is one noisy point: no change is shown. */
const MIN_END_POINTS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The typical level at each end of the range: the median of its first and of its last tenth of complete
 * periods (at least three each). One noisy period at either end cannot flip the sign, as comparing two
 * single points did.
 */
export function rangeEnds(points: readonly Point[]): { from: number; to: number } | undefined {
  const k = Math.max(MIN_END_POINTS, Math.ceil(points.length * END_SHARE));
  if (points.length < 2 * MIN_END_POINTS) return undefined;
  const size = Math.min(k, Math.floor(points.length / 2));
  return {
    from: median(points.slice(0, size).map((p) => p.v)),
    to: median(points.slice(-size).map((p) => p.v)),
  };
}

/** The change of a KPI over the range on screen, from the typical level at its start to the one at its end. */
export function changeOverRange(
  points: readonly Point[],
  kpi: { unit: Unit; currency?: string; direction: Direction },
): FormattedChange | undefined {
  const ends = rangeEnds(points);
  if (!ends) return undefined;
  const change = formatChange(ends.from, ends.to, kpi.unit, {
    direction: kpi.direction,
    ...(kpi.currency ? { currency: kpi.currency } : {}),
  });
  return change.kind === 'unknown' ? undefined : change;
}
