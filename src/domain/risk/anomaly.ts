import type { Anomaly } from '../kpi/rules-schema';
import type { Direction } from '../kpi/schema';
import type { Point } from '../series';
import { cleanSeries, lastPeriods } from './clean-series';
import {
  type DatapointClass,
  evaluateMofN,
  evaluationRangeSize,
  type MofNState,
  type MofNVerdict,
  resolveOutcome,
} from './missing-data';
import { type AnomalyReason, describeMofN, describeSomeOf, type ValueFormat } from './reasons';

/** The anomaly-detection band CloudWatch computed for the KPI (ANOMALY_DETECTION_BAND's lower and upper). */
export interface AnomalyBand {
  lower: readonly Point[];
  upper: readonly Point[];
}

export type AnomalyConfig = Partial<
  Pick<Anomaly, 'band' | 'datapointsToAlarm' | 'evaluationPeriods' | 'treatMissingData'>
>;

export interface AnomalyBreach {
  t: number;
  value: number;
  /** The band edge it crossed. */
  bound: number;
}

export interface AnomalyFacts {
  /** Only the bad side counts: below the band for higher-is-better, above it for lower-is-better. */
  side: 'below' | 'above';
  state: MofNState;
  verdict: MofNVerdict;
  periods: DatapointClass[];
  /** Every datapoint of the series outside the band on the bad side, for chart markers. */
  breaches: AnomalyBreach[];
}

export interface AnomalyContext {
  title: string;
  direction: Direction;
  format: ValueFormat;
  period: number;
  now: number;
  previous?: MofNState;
}

/**
 * Anomaly rule: at-risk when the value sits outside CloudWatch's expected band on the bad side for M of N
 * datapoints (the same M-out-of-N and missing-data semantics as thresholds). A spike in orders is good news
 * for a higher-is-better KPI, so only the bad side counts. A period without a band edge is missing.
 */
export function evaluateAnomaly(
  points: readonly Point[],
  band: AnomalyBand,
  config: AnomalyConfig,
  ctx: AnomalyContext,
): { facts: AnomalyFacts; reasons: AnomalyReason[] } {
  const side: AnomalyFacts['side'] = ctx.direction === 'higher-is-better' ? 'below' : 'above';
  const edge = cleanSeries(side === 'below' ? band.lower : band.upper);
  const mOfN = {
    datapointsToAlarm: config.datapointsToAlarm ?? 1,
    evaluationPeriods: config.evaluationPeriods ?? 1,
    treatMissingData: config.treatMissingData ?? 'missing',
  };
  const rangeSize = evaluationRangeSize(mOfN.evaluationPeriods);
  const values = lastPeriods(points, ctx.period, ctx.now, rangeSize);
  const bounds = lastPeriods(edge, ctx.period, ctx.now, rangeSize);
  const outside = (v: number, bound: number): boolean => (side === 'below' ? v < bound : v > bound);
  const periods = values.map((p, i): DatapointClass => {
    const bound = bounds[i];
    if (p === undefined || bound === undefined) return 'missing';
    return outside(p.v, bound.v) ? 'breaching' : 'not-breaching';
  });
  const verdict = evaluateMofN(periods, mOfN);
  const state = resolveOutcome(verdict.outcome, ctx.previous);

  const edgeAt = new Map(edge.map((p) => [p.t, p.v]));
  const breaches: AnomalyBreach[] = [];
  for (const p of points) {
    const bound = edgeAt.get(p.t);
    if (bound !== undefined && outside(p.v, bound)) breaches.push({ t: p.t, value: p.v, bound });
  }

  const facts: AnomalyFacts = { side, state, verdict, periods, breaches };
  if (state === 'ok') return { facts, reasons: [] };
  const latest = values.findLast((p) => p !== undefined);
  const latestBound = bounds.findLast((p) => p !== undefined);
  const width = config.band !== undefined ? ` (${config.band} standard deviations)` : '';
  const message =
    state === 'insufficient-data'
      ? `Too few datapoints to compare ${ctx.title} with its expected band: ${describeSomeOf(verdict.evaluated, rangeSize, ctx.period)} a value and a band, ${mOfN.evaluationPeriods} needed`
      : verdict.outcome === 'keep'
        ? `${ctx.title} was ${side} its expected band and stays flagged while data is missing (treatMissingData: ignore)`
        : `${ctx.title} ${side} its expected band${width} ${describeMofN(verdict.breaching, mOfN.evaluationPeriods, ctx.period)}${latest && latestBound ? ` (latest ${ctx.format(latest.v)}, band edge ${ctx.format(latestBound.v)})` : ''}`;
  return {
    facts,
    reasons: [
      {
        rule: 'anomaly',
        status: state === 'alarm' ? 'at-risk' : 'no-data',
        message,
        observed: latest?.v,
        threshold: latestBound?.v,
        window: mOfN.evaluationPeriods * ctx.period,
        evaluatedAt: ctx.now,
        side,
        ...mOfN,
        outsideDatapoints: verdict.breaching,
        kept: verdict.outcome === 'keep',
      },
    ],
  };
}
