export type { AlarmFact, AlarmStateLike } from './alarms';
export { evaluateAlarms } from './alarms';
export type { AnomalyBand, AnomalyBreach, AnomalyConfig, AnomalyFacts } from './anomaly';
export { evaluateAnomaly } from './anomaly';
export { evaluateKpi } from './evaluate';
export type { AlarmMemory, KpiEvaluation, KpiRiskInput, KpiRules } from './evaluation-types';
export type { Confidence, ForecastConfig, ForecastFacts } from './forecast';
export { defaultLookback, evaluateForecast, FORECAST_MIN_POINTS } from './forecast';
export type { DatapointClass, MofNConfig, MofNOutcome, MofNState, MofNVerdict } from './missing-data';
export { evaluateMofN, evaluationRangeSize, resolveOutcome } from './missing-data';
export type {
  AlarmReason,
  AnomalyReason,
  ErrorReason,
  ForecastReason,
  NoDataReason,
  NotEvaluatedReason,
  ReasonStatus,
  RiskReason,
  RiskRule,
  SloBudgetReason,
  SloBurnReason,
  StaleReason,
  ThresholdReason,
  ValueFormat,
} from './reasons';
export { describeRoughSpan, formatPercent, formatRate, plainFormat, sortReasons } from './reasons';
export type { OutcomeEvaluation, OutcomeLike, OutcomeReason } from './rollup';
export { rollUpOutcome } from './rollup';
export type { BurnRateFact, SloConfig, SloFacts, SloInputs, SloSeriesInput } from './slo';
export { budgetConsumed, budgetLastsSeconds, budgetRemaining, burnRate, evaluateSlo } from './slo';
export type { SloFetch, SloPlanConfig } from './slo-plan';
export { planSloFetch, sloPeriodFor, sloWindows } from './slo-plan';
export type { StalenessFacts } from './staleness';
export { assessStaleness, staleLimitSeconds } from './staleness';
export type { RiskStatus } from './status';
export { compareSeverity, isHealthy, RISK_STATUSES, worstStatus } from './status';
export type { ThresholdConfig, ThresholdFacts, ThresholdLevel } from './threshold';
export { breachesLimit, evaluateThreshold } from './threshold';
