import type { Direction } from '../kpi/schema';
import type { Point } from '../series';
import type { AlarmFact, AlarmStateLike } from './alarms';
import type { AnomalyBand, AnomalyConfig, AnomalyFacts } from './anomaly';
import type { ForecastConfig, ForecastFacts } from './forecast';
import type { MofNState } from './missing-data';
import type { RiskReason, ValueFormat } from './reasons';
import type { SloConfig, SloFacts, SloInputs } from './slo';
import type { StalenessFacts } from './staleness';
import type { RiskStatus } from './status';
import type { ThresholdConfig, ThresholdFacts } from './threshold';

/** The rule configuration of a KPI; a parsed Kpi from the dashboard schema fits it as is. */
export interface KpiRules {
  title: string;
  direction: Direction;
  informational?: boolean;
  threshold?: ThresholdConfig;
  slo?: SloConfig;
  forecast?: ForecastConfig;
  anomaly?: AnomalyConfig;
  alarms?: readonly string[];
  /** Seconds. */
  staleAfter?: number;
}

/**
 * The alarm states the M-out-of-N rules ended in. TreatMissingData `ignore` keeps the current state, so
 * pass the previous evaluation's memory back in to get CloudWatch's behaviour across refreshes.
 */
export interface AlarmMemory {
  thresholdAtRisk?: MofNState;
  thresholdBreached?: MofNState;
  anomaly?: MofNState;
}

export interface KpiRiskInput {
  kpi: KpiRules;
  /** The KPI's value series; may be empty, unsorted or hold NaN/Infinity. */
  series: readonly Point[];
  /** Seconds between datapoints of `series`. */
  period: number;
  /** Epoch ms of the evaluation; the engine never reads the clock. */
  now: number;
  /** Formats values with their unit in sentences; defaults to a plain number. */
  format?: ValueFormat;
  /** CloudWatch's anomaly-detection band for the KPI, when it has an anomaly rule. */
  band?: AnomalyBand;
  /** The series planSloFetch asked for, when the KPI has an SLO. */
  slo?: SloInputs;
  /** DescribeAlarms results for the KPI's alarms; undefined when not fetched. */
  alarms?: readonly AlarmStateLike[];
  /** DescribeAlarms failed; the message says why. */
  alarmsError?: string;
  /**
   * The newest datapoint known from a longer series (the view's) when `series` holds none: staleness then
   * says how long there has been no data instead of "no datapoints returned".
   */
  lastKnown?: Point;
  /** Fetching the value series failed. */
  error?: { message: string; code?: string };
  previous?: AlarmMemory;
}

export interface KpiEvaluation {
  title: string;
  informational: boolean;
  status: RiskStatus;
  /** Most severe first; empty exactly when the status is ok. */
  reasons: RiskReason[];
  evaluatedAt: number;
  /** Seconds between the datapoints the rules judged. */
  period: number;
  /** The newest datapoint of a complete period, shown even when stale: the headline value. */
  latest?: { value: number; at: number };
  /** The datapoint of the period still in progress, when there is one: only part of a period. */
  inProgress?: { value: number; at: number };
  staleness?: StalenessFacts;
  threshold?: ThresholdFacts;
  slo?: SloFacts;
  forecast?: ForecastFacts;
  anomaly?: AnomalyFacts;
  alarms?: AlarmFact[];
  /** Pass back as `previous` next time. */
  memory: AlarmMemory;
}
