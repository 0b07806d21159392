import type { Kpi } from '../../../domain/kpi/schema';
import {
  type AnomalyBand,
  evaluateKpi,
  evaluationRangeSize,
  type KpiRules,
  type RiskStatus,
} from '../../../domain/risk';
import type { Point, TimeWindow } from '../../../domain/series';

export interface StatusSegment {
  start: number;
  end: number;
  status: RiskStatus;
}

/** The threshold and anomaly rules only: SLO windows, forecasts and alarms are judged "now", not per instant. */
function instantRules(kpi: Kpi): KpiRules {
  return {
    title: kpi.title,
    direction: kpi.direction,
    informational: kpi.informational,
    ...(kpi.threshold ? { threshold: kpi.threshold } : {}),
    ...(kpi.anomaly ? { anomaly: kpi.anomaly } : {}),
    ...(kpi.staleAfter ? { staleAfter: kpi.staleAfter } : {}),
  };
}

function firstIndexAtOrAfter(points: readonly Point[], t: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((points[mid]?.t ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function bandBefore(band: AnomalyBand, from: number, to: number): AnomalyBand {
  const inside = (p: Point): boolean => p.t >= from && p.t < to;
  return { lower: band.lower.filter(inside), upper: band.upper.filter(inside) };
}

/**
 * When the KPI was ok, at risk or breached over the range: the risk engine's threshold and anomaly rules
 * re-run at up to `samples` instants, each seeing only the data before it, merged into segments.
 */
export function statusTimeline(input: {
  kpi: Kpi;
  points: readonly Point[];
  period: number;
  window: TimeWindow;
  band?: AnomalyBand;
  samples?: number;
}): StatusSegment[] {
  const { kpi, points, period, window } = input;
  const rules = instantRules(kpi);
  const n = Math.max(
    kpi.threshold ? evaluationRangeSize(kpi.threshold.evaluationPeriods) : 1,
    kpi.anomaly ? evaluationRangeSize(kpi.anomaly.evaluationPeriods) : 1,
    3,
  );
  const lookback = (n + 3) * period * 1000;
  const span = window.end - window.start;
  const count = Math.max(2, Math.min(input.samples ?? 240, Math.floor(span / (period * 1000))));
  const step = span / count;
  const segments: StatusSegment[] = [];
  for (let i = 1; i <= count; i++) {
    const at = window.start + i * step;
    const from = at - lookback;
    const slice = points.slice(firstIndexAtOrAfter(points, from), firstIndexAtOrAfter(points, at));
    const status = evaluateKpi({
      kpi: rules,
      series: slice,
      period,
      now: at,
      ...(input.band && kpi.anomaly ? { band: bandBefore(input.band, from, at) } : {}),
    }).status;
    const last = segments[segments.length - 1];
    if (last && last.status === status) last.end = at;
    else segments.push({ start: at - step, end: at, status });
  }
  return segments;
}

/** Minutes spent in each status, for the timeline's summary sentence. */
export function timeInStatus(segments: readonly StatusSegment[]): Partial<Record<RiskStatus, number>> {
  const out: Partial<Record<RiskStatus, number>> = {};
  for (const s of segments) out[s.status] = (out[s.status] ?? 0) + (s.end - s.start) / 60_000;
  return out;
}
