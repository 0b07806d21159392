import type { MissingDataTreatment } from '../kpi/rules-schema';
import { describeSpan } from '../time/duration';
import { compareSeverity, type RiskStatus } from './status';

/** Formats a KPI value with its unit; the UI passes an Intl formatter so the engine stays unit-agnostic. */
export type ValueFormat = (value: number) => string;

/** Statuses a reason can carry: a reason always explains something other than `ok`. */
export type ReasonStatus = Exclude<RiskStatus, 'ok'>;

export type RiskRule =
  | 'threshold'
  | 'slo-burn'
  | 'slo-budget'
  | 'forecast'
  | 'anomaly'
  | 'alarm'
  | 'stale'
  | 'no-data'
  | 'error'
  | 'not-evaluated';

interface ReasonBase {
  status: ReasonStatus;
  /** A short sentence naming the rule and the numbers, ready to show as is. */
  message: string;
  /** The value the rule looked at (latest value, burn rate, budget remaining…). */
  observed?: number;
  /** The limit the rule compared it with. */
  threshold?: number;
  /** Seconds of data the rule looked at. */
  window?: number;
  /** Epoch milliseconds of the evaluation. */
  evaluatedAt: number;
}

export interface ThresholdReason extends ReasonBase {
  rule: 'threshold';
  level: 'at-risk' | 'breached';
  /** CloudWatch's comparison: higher-is-better breaches LessThanThreshold, lower-is-better GreaterThanThreshold. */
  comparison: 'LessThanThreshold' | 'GreaterThanThreshold';
  datapointsToAlarm: number;
  evaluationPeriods: number;
  treatMissingData: MissingDataTreatment;
  breachingDatapoints: number;
  /** Missing datapoints filled in with the treatment (breaching or notBreaching). */
  filledDatapoints: number;
  /** The alarm state was carried over from the previous evaluation (treatMissingData: ignore). */
  kept: boolean;
}

export interface SloBurnReason extends ReasonBase {
  rule: 'slo-burn';
  objective: number;
  /** The burn rate over the long window (observed is the same number). */
  burnRate: number;
  shortBurnRate: number;
  rate: number;
  longWindow: number;
  shortWindow: number;
  /** Seconds a full error budget lasts at this burn rate. */
  budgetLastsSeconds: number;
}

export interface SloBudgetReason extends ReasonBase {
  rule: 'slo-budget';
  objective: number;
  attainment: number;
  budgetRemaining: number;
}

export interface ForecastReason extends ReasonBase {
  rule: 'forecast';
  crossingAt: number;
  inSeconds: number;
  confidence: 'high' | 'medium' | 'low';
  pValue: number;
  /** Change per second in the KPI's unit. */
  slope: number;
  horizon: number;
}

export interface AnomalyReason extends ReasonBase {
  rule: 'anomaly';
  side: 'below' | 'above';
  datapointsToAlarm: number;
  evaluationPeriods: number;
  treatMissingData: MissingDataTreatment;
  outsideDatapoints: number;
  kept: boolean;
}

export interface AlarmReason extends ReasonBase {
  rule: 'alarm';
  alarmName: string;
  alarmState: 'ALARM' | 'INSUFFICIENT_DATA' | 'NOT_FOUND' | 'NOT_LOADED';
  alarmReason?: string;
}

export interface StaleReason extends ReasonBase {
  rule: 'stale';
  lastAt: number;
  ageSeconds: number;
  expectedEverySeconds: number;
}

export interface NoDataReason extends ReasonBase {
  rule: 'no-data';
  /** Which input had no data: the KPI's own series, the SLO series or the anomaly band. */
  source: 'series' | 'slo' | 'band';
}

export interface ErrorReason extends ReasonBase {
  rule: 'error';
  source: 'series' | 'slo' | 'alarms' | 'input';
  code?: string;
}

export interface NotEvaluatedReason extends ReasonBase {
  rule: 'not-evaluated';
}

/** One reason behind a status: a sentence for people and the fields behind it for machines. */
export type RiskReason =
  | ThresholdReason
  | SloBurnReason
  | SloBudgetReason
  | ForecastReason
  | AnomalyReason
  | AlarmReason
  | StaleReason
  | NoDataReason
  | ErrorReason
  | NotEvaluatedReason;

const RULE_ORDER: Record<RiskRule, number> = {
  error: 0,
  alarm: 1,
  threshold: 2,
  'slo-budget': 3,
  'slo-burn': 4,
  anomaly: 5,
  forecast: 6,
  stale: 7,
  'no-data': 8,
  'not-evaluated': 9,
};

/** Sorts reasons most severe first, then by a fixed rule order, so the first reason is the headline. */
export function sortReasons<T extends RiskReason>(reasons: readonly T[]): T[] {
  return reasons
    .map((reason, index) => ({ reason, index }))
    .sort(
      (a, b) =>
        compareSeverity(b.reason.status, a.reason.status) ||
        RULE_ORDER[a.reason.rule] - RULE_ORDER[b.reason.rule] ||
        a.index - b.index,
    )
    .map(({ reason }) => reason);
}

/** A plain formatter for callers that have no Intl formatter at hand (tests, the CLI). */
export const plainFormat: ValueFormat = (value) => {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(4)));
};

/** Formats a burn rate the way the SRE Workbook writes it: 14.4×. */
export function formatRate(rate: number): string {
  if (!Number.isFinite(rate)) return '∞×';
  return `${rate >= 100 ? Math.round(rate) : Number(rate.toFixed(1))}×`;
}

/** Formats a fraction as a percentage with the decimals an SLO needs (99.95%, −12%). */
export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  const abs = Math.abs(percent);
  let decimals = abs >= 10 || abs === 0 ? 0 : abs >= 1 ? 1 : 2;
  if (abs >= 99 && abs < 100) {
    decimals = 2;
    while (decimals < 4 && Math.abs(Number(percent.toFixed(decimals))) >= 100) decimals += 1;
  }
  const text = Number(percent.toFixed(decimals)).toString();
  return `${text.replace('-', '−')}%`;
}

const UNIT_PERIODS: ReadonlyArray<readonly [string, number]> = [
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];
const SMALL_NUMBERS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** What one period is called: "minute" for a minute, "five-minute period" or "15-minute period" otherwise. */
function periodNoun(periodSeconds: number): { one: string; many: string } {
  const exact = UNIT_PERIODS.find(([, size]) => size === periodSeconds);
  if (exact) return { one: exact[0], many: `${exact[0]}s` };
  const [unit, size] = UNIT_PERIODS.find(([, s]) => periodSeconds % s === 0) ?? ['second', 1];
  const count = periodSeconds / size;
  const adjective = `${SMALL_NUMBERS[count] ?? String(count)}-${unit}`;
  return { one: `${adjective} period`, many: `${adjective} periods` };
}

/** Names n periods for a sentence: "5 minutes", "1 hour", "4 five-minute periods". */
export function describePeriods(count: number, periodSeconds: number): string {
  const noun = periodNoun(periodSeconds);
  return `${count} ${count === 1 ? noun.one : noun.many}`;
}

/**
 * How many of the last n periods broke a rule, as a phrase after "above 10 min": "in the last minute" (1 of 1),
 * "for the last 5 minutes" (all of them), "in 3 of the last 5 minutes", "in 2 of the last 3 five-minute periods".
 */
export function describeMofN(count: number, n: number, periodSeconds: number): string {
  if (n === 1 && count === 1) return `in the last ${periodNoun(periodSeconds).one}`;
  if (count === n) return `for the last ${describePeriods(n, periodSeconds)}`;
  return `in ${count === 0 ? 'none' : count} of the last ${describePeriods(n, periodSeconds)}`;
}

/** The same for datapoints that are not consecutive periods: "in its last datapoint", "in 3 of its last 5 datapoints". */
export function describeMofNDatapoints(count: number, n: number): string {
  if (n === 1 && count === 1) return 'in its last datapoint';
  if (count === n) return `in each of its last ${n} datapoints`;
  return `in ${count === 0 ? 'none' : count} of its last ${n} datapoints`;
}

/** "the only datapoint", "both datapoints", "all 3 datapoints": every datapoint seen, when some are missing. */
export function describeAllDatapoints(count: number): string {
  if (count === 1) return 'the only datapoint';
  if (count === 2) return 'both datapoints';
  return `all ${count} datapoints`;
}

/** "1 of the last 7 minutes has", "none of the last 7 minutes has", "3 of the last 7 minutes have". */
export function describeSomeOf(count: number, total: number, periodSeconds: number): string {
  const verb = count <= 1 ? 'has' : 'have';
  return `${count === 0 ? 'none' : count} of the last ${describePeriods(total, periodSeconds)} ${verb}`;
}

/** A span for "in about …" sentences: whole hours past 10 h, 5-minute steps past 1 h, so estimates do not look exact. */
export function describeRoughSpan(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'forever';
  const rounded =
    seconds >= 36_000
      ? Math.round(seconds / 3600) * 3600
      : seconds >= 3600
        ? Math.round(seconds / 300) * 300
        : seconds;
  return describeSpan(rounded);
}
