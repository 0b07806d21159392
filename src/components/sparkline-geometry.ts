import type { Point, TimeWindow } from '../domain/series';
import { downsampleLttb } from '../domain/time/downsample';

/** The drawing box of a sparkline; the SVG scales it to the tile without distorting stroke widths. */
export const SPARK_WIDTH = 1000;
export const SPARK_HEIGHT = 100;
/** A step longer than this many periods is a missing period: the line breaks there. */
const GAP_FACTOR = 1.5;
/** A sparkline is a few centimetres wide: more points than this draw the same line. */
const MAX_POINTS = 240;

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

/** Unbroken runs of the series: a new run starts wherever more than one period is missing. */
function runsOf(points: readonly Point[], stepMs: number): Point[][] {
  const runs: Point[][] = [];
  let run: Point[] = [];
  for (const p of points) {
    const previous = run.at(-1);
    if (previous !== undefined && p.t - previous.t > stepMs * GAP_FACTOR) {
      runs.push(run);
      run = [];
    }
    run.push(p);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * The shape of a series over a window, with reference lines inside the value range: x spans the
 * window (so missing data at either end shows as empty space), and the line breaks wherever a period
 * is missing (judged on the series' own period, before it is thinned to what a sparkline can draw).
 * Values are padded by 8 % so the line never touches the edges.
 */
export function sparklineGeometry(
  points: readonly Point[],
  refs: readonly number[],
  window?: TimeWindow,
  periodSeconds?: number,
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
  const step = periodSeconds !== undefined && periodSeconds > 0 ? periodSeconds * 1000 : typicalStep(points);
  const shown = points.filter((p) => p.t >= start && p.t <= end);
  const parts: string[] = [];
  for (const run of runsOf(shown, step)) {
    const budget = Math.max(2, Math.round((MAX_POINTS * run.length) / Math.max(1, shown.length)));
    const drawn = run.length > budget ? downsampleLttb(run, budget) : run;
    drawn.forEach((p, i) => {
      parts.push(`${i === 0 ? 'M' : 'L'}${x(p.t)} ${y(p.v)}`);
    });
  }
  return { path: parts.join(''), refs: refs.map((v, index) => ({ y: y(v), index })) };
}
