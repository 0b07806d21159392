import type { Kpi } from '../../../domain/kpi/schema';
import type { Point } from '../../../domain/series';

export interface BreakdownSeries {
  value: string;
  points: Point[];
}

export interface RankedBreakdown extends BreakdownSeries {
  /** How much this value pulls the KPI the wrong way; larger is worse. */
  score: number;
  /** Points on the wrong side of the KPI's reference level. */
  pointsPast: number;
  mean?: number;
}

/** The level a breakdown is judged against: the at-risk threshold, else breached, else the SLO's per-period threshold. */
export function referenceLevel(kpi: Kpi): number | undefined {
  return kpi.threshold?.atRisk ?? kpi.threshold?.breached ?? kpi.slo?.threshold;
}

/**
 * Orders a breakdown by its contribution to the problem. With a reference level: the area past it in the bad
 * direction (how far, for how long). Without one: for lower-is-better the largest total first (the biggest
 * share of errors, cost or latency), for higher-is-better the lowest mean first.
 */
export function rankBreakdown(kpi: Kpi, series: readonly BreakdownSeries[]): RankedBreakdown[] {
  const reference = referenceLevel(kpi);
  const lowerIsBetter = kpi.direction === 'lower-is-better';
  const ranked = series.map((s): RankedBreakdown => {
    const values = s.points.map((p) => p.v).filter(Number.isFinite);
    const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
    let score = 0;
    let pointsPast = 0;
    if (reference !== undefined) {
      for (const v of values) {
        const past = lowerIsBetter ? v - reference : reference - v;
        if (past > 0) {
          score += past;
          pointsPast++;
        }
      }
    } else if (mean !== undefined) {
      score = lowerIsBetter ? values.reduce((a, b) => a + b, 0) : -mean;
    } else {
      score = Number.NEGATIVE_INFINITY;
    }
    return { ...s, score, pointsPast, ...(mean === undefined ? {} : { mean }) };
  });
  const tieBreak = (r: RankedBreakdown): number =>
    r.mean === undefined ? Number.NEGATIVE_INFINITY : lowerIsBetter ? r.mean : -r.mean;
  return ranked.sort(
    (a, b) => b.score - a.score || tieBreak(b) - tieBreak(a) || a.value.localeCompare(b.value),
  );
}
