import type { MissingDataTreatment } from '../kpi/rules-schema';

/** One datapoint in CloudWatch's terms: breaching (X), not breaching (0) or missing (-). */
export type DatapointClass = 'breaching' | 'not-breaching' | 'missing';

/** Alarm states an M-out-of-N evaluation can end in, plus `keep`: maintain the current state. */
export type MofNOutcome = 'alarm' | 'ok' | 'insufficient-data' | 'keep';
export type MofNState = Exclude<MofNOutcome, 'keep'>;

export interface MofNConfig {
  datapointsToAlarm: number;
  evaluationPeriods: number;
  treatMissingData: MissingDataTreatment;
}

export interface MofNVerdict {
  outcome: MofNOutcome;
  /** Breaching datapoints among those evaluated, including filled-in ones. */
  breaching: number;
  /** Datapoints evaluated: real ones plus any filled in by the treatment. */
  evaluated: number;
  /** Missing datapoints filled in by treatMissingData (breaching or notBreaching). */
  filled: number;
  /** ALARM because the oldest breaching datapoint is at least M periods old and nothing since is OK. */
  premature: boolean;
}

/**
 * How many recent periods CloudWatch retrieves for an N-period alarm (its "evaluation range").
 * AWS does not publish the number; its worked examples retrieve 5 datapoints for 3 evaluation periods,
 * so we look back N + max(2, ⌈N/3⌉) periods, which gives exactly that.
 */
export function evaluationRangeSize(evaluationPeriods: number): number {
  const n = Math.max(1, Math.floor(evaluationPeriods));
  return n + Math.max(2, Math.ceil(n / 3));
}

/**
 * Evaluates an M-out-of-N alarm over the datapoints of its evaluation range (oldest first), as in
 * "How alarm state is evaluated when data is missing" of the CloudWatch User Guide:
 * - with at least N real datapoints, the N most recent real ones decide and the treatment is not used;
 * - with fewer, breaching/notBreaching fill the gap with as few missing datapoints as possible;
 * - missing/ignore judge the real ones alone: ALARM with M breaching, OK once any real datapoint is not
 *   breaching, otherwise undecided: INSUFFICIENT_DATA for missing (or ALARM when the oldest breaching
 *   datapoint is at least M periods old, the documented guard against premature transitions), and the
 *   current state kept for ignore.
 */
export function evaluateMofN(points: readonly DatapointClass[], config: MofNConfig): MofNVerdict {
  const n = Math.max(1, Math.floor(config.evaluationPeriods));
  const m = Math.min(n, Math.max(1, Math.floor(config.datapointsToAlarm)));
  const real: Array<{ breaching: boolean; age: number }> = [];
  points.forEach((point, index) => {
    if (point !== 'missing') real.push({ breaching: point === 'breaching', age: points.length - index });
  });

  if (real.length >= n) {
    const breaching = real.slice(-n).filter((p) => p.breaching).length;
    return verdict(breaching >= m ? 'alarm' : 'ok', breaching, n, 0);
  }

  const realBreaching = real.filter((p) => p.breaching).length;
  const gap = n - real.length;
  const treatment = config.treatMissingData;
  if (treatment === 'breaching' || treatment === 'notBreaching') {
    const breaching = realBreaching + (treatment === 'breaching' ? gap : 0);
    return verdict(breaching >= m ? 'alarm' : 'ok', breaching, n, gap);
  }

  const undecided: MofNOutcome = treatment === 'ignore' ? 'keep' : 'insufficient-data';
  if (real.length === 0) return verdict(undecided, 0, 0, 0);
  if (realBreaching >= m) return verdict('alarm', realBreaching, real.length, 0);
  if (realBreaching < real.length) return verdict('ok', realBreaching, real.length, 0);
  const oldestBreachingAge = real[0]?.age ?? 0;
  if (oldestBreachingAge >= m) {
    return {
      ...verdict(treatment === 'missing' ? 'alarm' : 'keep', realBreaching, real.length, 0),
      premature: true,
    };
  }
  return verdict(undecided, realBreaching, real.length, 0);
}

function verdict(outcome: MofNOutcome, breaching: number, evaluated: number, filled: number): MofNVerdict {
  return { outcome, breaching, evaluated, filled, premature: false };
}

/** Resolves `keep` against the previous state; an alarm with no history starts in INSUFFICIENT_DATA, as in CloudWatch. */
export function resolveOutcome(outcome: MofNOutcome, previous: MofNState | undefined): MofNState {
  if (outcome !== 'keep') return outcome;
  return previous ?? 'insufficient-data';
}
