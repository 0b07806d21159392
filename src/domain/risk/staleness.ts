import type { Point } from '../series';
import { describeSpan } from '../time/duration';
import type { StaleReason } from './reasons';

/** CloudWatch usually publishes a datapoint within a few minutes of its period; less than this is not stale. */
const MIN_INGESTION_GRACE_SECONDS = 180;

export interface StalenessFacts {
  stale: boolean;
  /** Seconds since the newest datapoint's period ended: how long there has been no data. */
  ageSeconds: number;
  /** No data for longer than this makes the KPI stale. */
  limitSeconds: number;
  lastAt: number;
}

/**
 * How long after its period ends the newest datapoint may go without a successor: `staleAfter` when the KPI
 * sets it, otherwise a grace for CloudWatch's ingestion delay of max(2 periods, 3 min). Counted from the
 * datapoint's timestamp, that is the expected period plus the grace.
 */
export function staleLimitSeconds(periodSeconds: number, staleAfter?: number): number {
  if (staleAfter !== undefined && Number.isFinite(staleAfter) && staleAfter > 0) return staleAfter;
  return Math.max(2 * periodSeconds, MIN_INGESTION_GRACE_SECONDS);
}

/** Whether the newest datapoint is older than expected; stale data keeps its value on screen but never counts as ok. */
export function assessStaleness(
  latest: Point | undefined,
  periodSeconds: number,
  now: number,
  staleAfter?: number,
): StalenessFacts | undefined {
  if (!latest) return undefined;
  const ageSeconds = Math.max(0, (now - latest.t) / 1000 - periodSeconds);
  const limitSeconds = staleLimitSeconds(periodSeconds, staleAfter);
  return { stale: ageSeconds > limitSeconds, ageSeconds, limitSeconds, lastAt: latest.t };
}

/** The sentence for a stale KPI, e.g. "no data for 25 min (expected every 1 min)". */
export function staleReason(
  facts: StalenessFacts,
  title: string,
  periodSeconds: number,
  now: number,
): StaleReason {
  return {
    rule: 'stale',
    status: 'no-data',
    message: `${title}: no data for ${describeSpan(facts.ageSeconds)} (expected every ${describeSpan(periodSeconds)})`,
    window: facts.ageSeconds,
    threshold: facts.limitSeconds,
    observed: facts.ageSeconds,
    evaluatedAt: now,
    lastAt: facts.lastAt,
    ageSeconds: facts.ageSeconds,
    expectedEverySeconds: periodSeconds,
  };
}
