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
  compare?: { points: readonly Point[] };
  band?: { lower: readonly Point[]; upper: readonly Point[] };
  markers?: readonly ChartMarker[];
}

/**
 * Value, comparison, band and rule-breaking points on one time axis, oldest first, each line downsampled with
 * LTTB to about one point per pixel; a rule-breaking point the sampling left out is put back on the line.
 * One array for every series, because recharts' tooltip picks a point of each series by index.
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
  return [...rows.values()].sort((a, b) => a.t - b.t);
}
