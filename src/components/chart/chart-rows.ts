import type { Point } from '../../domain/series';
import { downsampleLttb } from '../../domain/time/downsample';

export interface ChartMarker extends Point {
  level: 'at-risk' | 'breached' | 'outside-band';
}

/** One instant on the drill-down chart's time axis, with whatever each series has there. */
export interface ChartRow {
  t: number;
  v?: number;
  c?: number;
  band?: [number, number];
  /** A rule-breaking point: on the rows, not in a data array of its own, so the tooltip reads one instant. */
  m?: number;
  level?: ChartMarker['level'];
}

export interface ChartRowsInput {
  points: readonly Point[];
  /** Seconds between the value's datapoints; a longer step between two of them is a missing period. */
  period?: number;
  compare?: { points: readonly Point[] };
  band?: { lower: readonly Point[]; upper: readonly Point[] };
  markers?: readonly ChartMarker[];
}

/**
 * Value, comparison, band and rule-breaking points on one time axis, oldest first, each line downsampled with
 * LTTB to about one point per pixel; a rule-breaking point the sampling left out is put back on the line.
 * One array for every series, because recharts' tooltip picks a point of each series by index.
 *
 * The value's line breaks where a period is missing, and only there: a row that another series adds at an
 * instant the value has a datapoint carries that datapoint, and a gap the sampling would bridge gets a row
 * of its own with no value.
 */
export function chartRows(input: ChartRowsInput, pixels: number): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  const row = (t: number): ChartRow => {
    let r = rows.get(t);
    if (!r) {
      r = { t };
      rows.set(t, r);
    }
    return r;
  };
  for (const p of downsampleLttb(input.points, pixels)) row(p.t).v = p.v;
  for (const t of missingPeriods(input.points, input.period)) row(t);
  for (const p of downsampleLttb(input.compare?.points ?? [], pixels)) row(p.t).c = p.v;
  if (input.band) {
    const upper = new Map(input.band.upper.map((p) => [p.t, p.v]));
    const lower = input.band.lower.filter((p) => upper.has(p.t));
    const step = Math.max(1, Math.ceil(lower.length / pixels));
    lower.forEach((p, i) => {
      const hi = upper.get(p.t);
      if (i % step === 0 && hi !== undefined) row(p.t).band = [p.v, hi];
    });
  }
  for (const m of input.markers ?? []) {
    const r = row(m.t);
    r.v ??= m.v;
    r.m = m.v;
    r.level = m.level;
  }
  const values = new Map(input.points.map((p) => [p.t, p.v]));
  const out = [...rows.values()].sort((a, b) => a.t - b.t);
  for (const r of out) {
    if (r.v !== undefined) continue;
    const v = values.get(r.t);
    if (v !== undefined) r.v = v;
  }
  return out;
}

/**
 * The first missing instant of each run of missing periods between the value's datapoints: where its line
 * must break. The step is the period when known, else the shortest step between two datapoints.
 */
function missingPeriods(points: readonly Point[], periodSeconds?: number): number[] {
  let step = periodSeconds === undefined ? Number.POSITIVE_INFINITY : periodSeconds * 1000;
  if (periodSeconds === undefined) {
    for (let i = 1; i < points.length; i++) step = Math.min(step, points[i]!.t - points[i - 1]!.t);
  }
  if (!(step > 0 && Number.isFinite(step))) return [];
  const out: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const before = points[i - 1]!.t;
    if (points[i]!.t - before > step) out.push(before + step);
  }
  return out;
}
