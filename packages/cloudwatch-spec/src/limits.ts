import { USER_GUIDE } from './sources';

/**
 * Limits CloudWatch documents, each with its source: a shape of the API model (botocore 1.43.11's copy of
 * monitoring 2010-08-01), the documentation text inside the model, or a User Guide page. `LIMITS` is the
 * same list as a table; README.md shows it and a test keeps the two equal.
 */

/** `MetricDataQuery.Id`: shape MetricId (min 1, max 255). */
export const METRIC_DATA_QUERY_ID_LENGTH = { min: 1, max: 255 } as const;
/** `MetricDataQuery.Expression` (metric math or a Metrics Insights query): shape MetricExpression. */
export const EXPRESSION_LENGTH = { min: 1, max: 2048 } as const;
/** `Metric.Namespace`: shape Namespace (min 1, max 255, pattern `[^:].*`). */
export const NAMESPACE_LENGTH = { min: 1, max: 255 } as const;
/** `Metric.MetricName`: shape MetricName. */
export const METRIC_NAME_LENGTH = { min: 1, max: 255 } as const;
/** `Dimension.Name`: shape DimensionName. */
export const DIMENSION_NAME_LENGTH = { min: 1, max: 255 } as const;
/** `Dimension.Value`: shape DimensionValue; a dimension without a value is refused (Dimension requires Value). */
export const DIMENSION_VALUE_LENGTH = { min: 1, max: 1024 } as const;
/** `Metric.Dimensions`: shape Dimensions (max 30); "You can assign up to 30 dimensions to a metric". */
export const MAX_DIMENSIONS = 30;
/** `ListMetrics.Dimensions`: shape DimensionFilters (max 10). */
export const MAX_DIMENSION_FILTERS = 10;
/** GetMetricData.MetricDataQueries: "as many as 500 MetricDataQuery structures" (the shape has no max). */
export const MAX_METRIC_DATA_QUERIES = 500;
/** GetMetricData: "a total of as many as 100,800 data points"; MaxDatapoints: "the default of 100,800". */
export const MAX_DATAPOINTS = 100_800;
/** `AlarmName`: shape AlarmName. */
export const ALARM_NAME_LENGTH = { min: 1, max: 255 } as const;
/** `MetricDataQuery.AccountId`: shape AccountId. */
export const ACCOUNT_ID_LENGTH = { min: 1, max: 255 } as const;
/** User Guide, search expression syntax: "The maximum search expression query size is 1024 characters". */
export const SEARCH_QUERY_MAX_LENGTH = 1024;
/** User Guide, search expression syntax: 100 search expressions and 500 time series on one graph. */
export const SEARCH_EXPRESSIONS_PER_GRAPH = 100;
export const TIME_SERIES_PER_GRAPH = 500;

/** User Guide, "Metrics Insights quotas". */
export const METRICS_INSIGHTS = {
  /** "Query up to two weeks of data for visualization". */
  maxQueryRangeSeconds: 14 * 86_400,
  /** "You can query the most recent three hours of data for alarm condition evaluations". */
  maxAlarmRangeSeconds: 3 * 3_600,
  /** "A single query can process no more than 10,000 metrics" (the first 10,000 found). */
  maxMetricsProcessed: 10_000,
  /** "A single query can return no more than 500 time series". */
  maxTimeSeries: 500,
  /** "Each GetMetricData operation can have only one query". */
  queriesPerCall: 1,
  /** High-resolution data "is aggregated at one-minute granularity"; the request does not fail. */
  granularitySeconds: 60,
  /** "You can have as many as 200 Metrics Insights alarms per Region". */
  alarmsPerRegion: 200,
} as const;

/** Periods below a minute that high-resolution metrics take (MetricStat.Period documentation). */
export const HIGH_RESOLUTION_PERIODS = [1, 5, 10, 20, 30] as const;

/** MetricStat.Period: "1, 5, 10, 20, 30, 60, or any multiple of 60" seconds. */
export function isCloudWatchPeriod(seconds: number): boolean {
  return (
    Number.isInteger(seconds) &&
    ((HIGH_RESOLUTION_PERIODS as readonly number[]).includes(seconds) || (seconds > 0 && seconds % 60 === 0))
  );
}

/** One documented limit as README.md shows it. */
export interface LimitRow {
  fact: string;
  value: string;
  source: string;
}

const model = (shape: string): string => `model: ${shape}`;
const guide = (page: { title: string }): string => `User Guide: ${page.title}`;

/** Every limit above, as a table naming its source; the model is botocore's copy named in `API_MODEL`. */
export const LIMITS: readonly LimitRow[] = [
  { fact: 'MetricDataQuery Id length', value: '1–255', source: model('MetricId') },
  {
    fact: 'MetricDataQuery Id characters',
    value: 'a lower-case letter, then letters, digits and _',
    source: model('MetricDataQuery.Id documentation'),
  },
  { fact: 'Expression length', value: '1–2048', source: model('MetricExpression') },
  { fact: 'Label length', value: 'no limit stated', source: model('MetricLabel') },
  { fact: 'Namespace length', value: '1–255', source: model('Namespace') },
  { fact: 'Namespace pattern', value: '`[^:].*` (does not start with :)', source: model('Namespace') },
  {
    fact: 'Namespace characters',
    value: 'ASCII, no control characters',
    source: model('PutMetricData.Namespace documentation'),
  },
  {
    fact: 'Namespace not blank',
    value: 'at least one non-whitespace character',
    source: guide(USER_GUIDE.concepts),
  },
  { fact: 'MetricName length', value: '1–255', source: model('MetricName') },
  { fact: 'Dimension name length', value: '1–255', source: model('DimensionName') },
  {
    fact: 'Dimension name characters',
    value: 'ASCII, no control characters, not blank, does not start with :',
    source: model('Dimension.Name documentation'),
  },
  { fact: 'Dimension value length', value: '1–1024', source: model('DimensionValue') },
  {
    fact: 'Dimension value characters',
    value: 'ASCII, no control characters, not blank',
    source: model('Dimension.Value documentation'),
  },
  { fact: 'Dimensions per metric', value: '30', source: model('Dimensions') },
  { fact: 'Dimension filters per ListMetrics', value: '10', source: model('DimensionFilters') },
  { fact: 'MetricDataQueries per GetMetricData', value: '500', source: model('GetMetricData documentation') },
  { fact: 'Datapoints per GetMetricData', value: '100,800', source: model('GetMetricData documentation') },
  {
    fact: 'Period',
    value: '1, 5, 10, 20, 30 or a multiple of 60 s',
    source: model('MetricStat.Period documentation'),
  },
  { fact: 'AlarmName length', value: '1–255', source: model('AlarmName') },
  { fact: 'AccountId length', value: '1–255', source: model('AccountId') },
  { fact: 'SEARCH query size', value: '1024 characters', source: guide(USER_GUIDE.searchSyntax) },
  { fact: 'SEARCH expressions per graph', value: '100', source: guide(USER_GUIDE.searchSyntax) },
  { fact: 'Time series per graph', value: '500', source: guide(USER_GUIDE.searchSyntax) },
  {
    fact: 'Metrics Insights range',
    value: '2 weeks (3 hours for alarms)',
    source: guide(USER_GUIDE.insightsQuotas),
  },
  { fact: 'Metrics Insights metrics processed', value: '10,000', source: guide(USER_GUIDE.insightsQuotas) },
  { fact: 'Metrics Insights time series returned', value: '500', source: guide(USER_GUIDE.insightsQuotas) },
  {
    fact: 'Metrics Insights queries per GetMetricData',
    value: '1',
    source: guide(USER_GUIDE.insightsQuotas),
  },
  {
    fact: 'Metrics Insights granularity',
    value: '1 minute (high-resolution data is aggregated)',
    source: guide(USER_GUIDE.insightsQuotas),
  },
  { fact: 'Metrics Insights alarms per Region', value: '200', source: guide(USER_GUIDE.insightsQuotas) },
];
