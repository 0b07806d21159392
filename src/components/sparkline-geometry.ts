import type { Point, TimeWindow } from '../domain/series';

/** The drawing box of a sparkline; the SVG scales it to the tile without distorting stroke widths. */
export const SPARK_WIDTH = 1000;
export const SPARK_HEIGHT = 100;
/** A step longer than this many typical steps is a missing period: the line breaks there. */
const GAP_FACTOR = 1.5;

export interface SparklineGeometry {
  /** SVG path data of the line, one sub-path per unbroken run of periods. */
  path: string;
  /** Where each reference line sits, in drawing units from the top. */
  refs: Array<{ y: number; index: number }>;
}

function typicalStep(points: readonly Point[]): number {
  const steps: number[] = [];
  for (let i = 1; i < points.length; i++) steps.push((points[i]?.t ?? 0) - (points[i - 1]?.t ?? 0));
  if (steps.length === 0) return Number.POSITIVE_INFINITY;
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)] ?? Number.POSITIVE_INFINITY;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * The shape of a series over a window, with reference lines inside the value range: x spans the
 * window (so missing data at either end shows as empty space), and the line breaks wherever a period
 * is missing. Values are padded by 8 % so the line never touches the edges.
 */
export function sparklineGeometry(
  points: readonly Point[],
  refs: readonly number[],
  window?: TimeWindow,
): SparklineGeometry {
  const start = window?.start ?? points[0]?.t ?? 0;
  const end = window?.end ?? points.at(-1)?.t ?? start + 1;
  const span = end - start || 1;
  const values = [...points.map((p) => p.v), ...refs];
  const min = values.length > 0 ? Math.min(...values) : 0;
  const max = values.length > 0 ? Math.max(...values) : 1;
  const pad = (max - min) * 0.08 || Math.abs(max) * 0.05 || 1;
  const low = min - pad;
  const high = max + pad;
  const x = (t: number): number => round(((t - start) / span) * SPARK_WIDTH);
  const y = (v: number): number => round(((high - v) / (high - low)) * SPARK_HEIGHT);
  const step = typicalStep(points);
  const parts: string[] = [];
  let previous: Point | undefined;
  for (const p of points) {
    if (p.t < start || p.t > end) continue;
    const joined = previous !== undefined && p.t - previous.t <= step * GAP_FACTOR;
    parts.push(`${joined ? 'L' : 'M'}${x(p.t)} ${y(p.v)}`);
    previous = p;
  }
  return { path: parts.join(''), refs: refs.map((v, index) => ({ y: y(v), index })) };
}
