import type { KpiQuery } from '../domain/kpi/query-schema';
import type { Series, TimeWindow } from '../domain/series';

/**
 * One series the app wants, named by the caller. The data layer turns a list of these into as few
 * GetMetricData calls as CloudWatch allows; screens and the risk engine never see query ids or batches.
 */
export interface SeriesRequest {
  /** Caller's name for the result, unique within one fetch, e.g. "payment-success" or "payment-success#slo-good". */
  ref: string;
  /** The query with dashboard variables already substituted. */
  query: KpiQuery;
  region: string;
  window: TimeWindow;
  /** Seconds; when absent the planner picks one from the window and CloudWatch retention. */
  period?: number;
  /** Also return each named metric of a math query as its own series (drill-down). */
  includeComponents?: boolean;
}

/** Why a series could not be fetched, in words a person can act on. */
export interface SeriesError {
  code: string;
  message: string;
  retryable: boolean;
}

export interface SeriesResult {
  ref: string;
  /** The first series is the value of the query; Metrics Insights GROUP BY or SEARCH may return more. */
  series: Series[];
  /** Math components by their name in the KPI, when includeComponents was asked for. */
  components: Record<string, Series>;
  period: number;
  /** CloudWatch StatusCode of the result: Complete, or PartialData when more was available. */
  complete: boolean;
  messages: string[];
  error?: SeriesError;
}

export interface FetchReport {
  results: Record<string, SeriesResult>;
  /** GetMetricData calls made, including NextToken pages (for the bench and self-observability). */
  calls: number;
  fetchedAt: number;
}

export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface AlarmState {
  name: string;
  state: AlarmStateValue;
  reason: string;
  updatedAt: number;
}

/**
 * The one seam between the app and CloudWatch. The simulated account, a real account and a loopback
 * endpoint are all this interface; which one is used is decided in src/data/source-config.ts.
 */
export interface MetricsSource {
  fetchSeries(requests: SeriesRequest[], signal?: AbortSignal): Promise<FetchReport>;
  describeAlarms(region: string, names: string[], signal?: AbortSignal): Promise<AlarmState[]>;
}
