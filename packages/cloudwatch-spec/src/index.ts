/**
 * Documented Amazon CloudWatch facts that both sides of Bellwether need: the KPI schema (what a user may
 * write) and the simulated account (what the service accepts). Pure TypeScript, no dependencies.
 */
export {
  ACCOUNT_ID_LENGTH,
  ALARM_NAME_LENGTH,
  DIMENSION_NAME_LENGTH,
  DIMENSION_VALUE_LENGTH,
  EXPRESSION_LENGTH,
  HIGH_RESOLUTION_PERIODS,
  isCloudWatchPeriod,
  LIMITS,
  type LimitRow,
  MAX_DATAPOINTS,
  MAX_DIMENSION_FILTERS,
  MAX_DIMENSIONS,
  MAX_METRIC_DATA_QUERIES,
  METRIC_DATA_QUERY_ID_LENGTH,
  METRIC_NAME_LENGTH,
  METRICS_INSIGHTS,
  NAMESPACE_LENGTH,
  SEARCH_EXPRESSIONS_PER_GRAPH,
  SEARCH_QUERY_MAX_LENGTH,
  TIME_SERIES_PER_GRAPH,
} from './limits';
export {
  dimensionNameProblem,
  dimensionValueProblem,
  isMetricDataQueryId,
  METRIC_DATA_QUERY_ID_PATTERN,
  namespaceProblem,
} from './names';
export { API_MODEL, USER_GUIDE, type UserGuidePage } from './sources';
export {
  BASIC_STATISTICS,
  type BasicStatistic,
  invalidStatisticMessage,
  isBasicStatistic,
  isExtendedStatistic,
  MAX_STATISTIC_DECIMALS,
  type ParsedStatistic,
  parseStatistic,
  type Statistic,
  type StatisticRange,
  TRIMMED_FAMILIES,
  type TrimmedFamily,
} from './statistic';
export { isStandardUnit, STANDARD_UNITS, type StandardUnit } from './units';
