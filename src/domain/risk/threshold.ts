import type { Threshold } from '../kpi/rules-schema';
import type { Direction } from '../kpi/schema';
import type { Point } from '../series';
import { lastPeriods } from './clean-series';
import {
  type DatapointClass,
  evaluateMofN,
  evaluationRangeSize,
  type MofNState,
  type MofNVerdict,
  resolveOutcome,
} from './missing-data';
import {
  describeAllDatapoints,
  describeMofN,
  describeMofNDatapoints,
  describePeriods,
  describeSomeOf,
  type ThresholdReason,
  type ValueFormat,
} from './reasons';

export type ThresholdConfig = Pick<Threshold, 'atRisk' | 'breached'> &
  Partial<Pick<Threshold, 'datapointsToAlarm' | 'evaluationPeriods' | 'treatMissingData'>>;

export interface ThresholdLevel {
  level: 'at-risk' | 'breached';
  threshold: number;
  state: MofNState;
  verdict: MofNVerdict;
  /** The evaluation range, oldest first, as CloudWatch's X (breaching), 0 and - (missing). */
  periods: DatapointClass[];
}

export interface ThresholdFacts {
  levels: ThresholdLevel[];
  comparison: 'LessThanThreshold' | 'GreaterThanThreshold';
}

export interface ThresholdContext {
  title: string;
  direction: Direction;
  format: ValueFormat;
  period: number;
  now: number;
  previous?: { atRisk?: MofNState; breached?: MofNState };
}

/**
 * Whether one value breaches a limit in the KPI's bad direction. Equality never breaches, exactly like
 * CloudWatch's LessThanThreshold (higher-is-better) and GreaterThanThreshold (lower-is-better).
 */
export function breachesLimit(value: number, limit: number, direction: Direction): boolean {
  return direction === 'higher-is-better' ? value < limit : value > limit;
}

/** Classifies the evaluation range of a series against one limit, oldest first, in CloudWatch's X/0/- terms. */
function classifyPeriods(
  points: readonly Point[],
  limit: number,
  direction: Direction,
  period: number,
  now: number,
  count: number,
): DatapointClass[] {
  return lastPeriods(points, period, now, count).map((p) =>
    p === undefined ? 'missing' : breachesLimit(p.v, limit, direction) ? 'breaching' : 'not-breaching',
  );
}

/**
 * Static thresholds evaluated like a CloudWatch alarm: each level (at-risk, breached) is its own
 * M-out-of-N alarm with the KPI's TreatMissingData, and the more severe level wins in the caller.
 */
export function evaluateThreshold(
  points: readonly Point[],
  config: ThresholdConfig,
  ctx: ThresholdContext,
): { facts: ThresholdFacts; reasons: ThresholdReason[] } {
  const mOfN = {
    datapointsToAlarm: config.datapointsToAlarm ?? 1,
    evaluationPeriods: config.evaluationPeriods ?? 1,
    treatMissingData: config.treatMissingData ?? 'missing',
  };
  const rangeSize = evaluationRangeSize(mOfN.evaluationPeriods);
  const comparison = ctx.direction === 'higher-is-better' ? 'LessThanThreshold' : 'GreaterThanThreshold';
  const wanted: Array<[ThresholdLevel['level'], number | undefined, MofNState | undefined]> = [
    ['breached', config.breached, ctx.previous?.breached],
    ['at-risk', config.atRisk, ctx.previous?.atRisk],
  ];
  const levels: ThresholdLevel[] = [];
  for (const [level, limit, previous] of wanted) {
    if (limit === undefined || !Number.isFinite(limit)) continue;
    const classes = classifyPeriods(points, limit, ctx.direction, ctx.period, ctx.now, rangeSize);
    const verdict = evaluateMofN(classes, mOfN);
    levels.push({
      level,
      threshold: limit,
      state: resolveOutcome(verdict.outcome, previous),
      verdict,
      periods: classes,
    });
  }

  const latest = lastPeriods(points, ctx.period, ctx.now, rangeSize).findLast((p) => p !== undefined);
  const reasons: ThresholdReason[] = [];
  let insufficientReported = false;
  for (const level of levels) {
    if (level.state === 'ok') continue;
    if (level.state === 'insufficient-data') {
      if (insufficientReported) continue;
      insufficientReported = true;
    }
    reasons.push({
      rule: 'threshold',
      status: level.state === 'alarm' ? level.level : 'no-data',
      message: thresholdMessage(level, mOfN, rangeSize, latest, ctx),
      observed: latest?.v,
      threshold: level.threshold,
      window: mOfN.evaluationPeriods * ctx.period,
      evaluatedAt: ctx.now,
      level: level.level,
      comparison,
      ...mOfN,
      breachingDatapoints: level.verdict.breaching,
      filledDatapoints: level.verdict.filled,
      kept: level.verdict.outcome === 'keep',
    });
  }
  return { facts: { levels, comparison }, reasons };
}

function thresholdMessage(
  level: ThresholdLevel,
  { evaluationPeriods, treatMissingData }: { evaluationPeriods: number; treatMissingData: string },
  rangeSize: number,
  latest: Point | undefined,
  ctx: ThresholdContext,
): string {
  const side = ctx.direction === 'higher-is-better' ? 'below' : 'above';
  const limit = ctx.format(level.threshold);
  const latestText = latest ? ` (latest ${ctx.format(latest.v)})` : '';
  const { verdict } = level;
  if (level.state === 'insufficient-data') {
    return `Too few datapoints to judge ${ctx.title} against ${limit}: ${describeSomeOf(verdict.evaluated, rangeSize, ctx.period)} data, ${evaluationPeriods} needed`;
  }
  if (verdict.outcome === 'keep') {
    return `${ctx.title} was ${side} ${limit} and stays flagged while its data is missing (treatMissingData: ignore)${latestText}`;
  }
  if (verdict.premature) {
    return `${ctx.title} ${side} ${limit} in ${describeAllDatapoints(verdict.breaching)} of the last ${describePeriods(rangeSize, ctx.period)}, the rest missing${latestText}`;
  }
  const filled =
    verdict.filled > 0 && treatMissingData === 'breaching'
      ? `, counting ${verdict.filled} missing as breaching`
      : '';
  const newest = level.periods.slice(-evaluationPeriods);
  const span = newest.includes('missing')
    ? describeMofNDatapoints(verdict.breaching, evaluationPeriods)
    : describeMofN(verdict.breaching, evaluationPeriods, ctx.period);
  return `${ctx.title} ${side} ${limit} ${span}${filled}${latestText}`;
}
