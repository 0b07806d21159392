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

/** A message CloudWatch attached to one result (MetricDataResult.Messages) or to the whole call (GetMetricData Messages). */
export interface CloudWatchMessage {
  /** The service's code, e.g. ArithmeticError or MaxQueryTimeRangeExceeded; '' when it sent none. */
  code: string;
  /** CloudWatch's own words (its Value), or a summary of the code when it sent none. */
  text: string;
  scope: 'result' | 'call';
  /** What to do about it, for the codes the data layer knows (src/data/cloudwatch/messages.ts). */
  remedy?: string;
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
  /**
   * Every message CloudWatch sent about this result, whatever its StatusCode (ArithmeticError comes on
   * Complete results), and every call-level message of the call it came in, once each.
   */
  messages: CloudWatchMessage[];
  /** Adjustments the data layer made while planning, in words (e.g. a period raised to fit retention). */
  notes?: string[];
  error?: SeriesError;
}

export interface FetchReport {
  results: Record<string, SeriesResult>;
  /** GetMetricData calls made, including NextToken pages (for the bench and self-observability). */
  calls: number;
  /** MetricDataQueries planned into those calls, and how many are MetricStat (what GetMetricData bills). */
  queries?: number;
  metrics?: number;
  /** Bytes of CloudWatch's answers (the sum of their Content-Length), when the transport says. */
  bytes?: number;
  fetchedAt: number;
  /** What the series cache served instead of fetching (src/data/cached-source.ts); absent without one. */
  cache?: CacheReport;
  /** Set when the series were fetched earlier by the relay (src/data/snapshot/), not by this fetch. */
  relayed?: RelayedReport;
}

/** When the relay fetched what a snapshot source served, so a screen judges its age from then. */
export interface RelayedReport {
  /** The instant the relay built its requests for: the board is judged as of then. */
  now: number;
  /** When the relay last fetched these series from CloudWatch. */
  fetchedAt: number;
  /** The relay is failing, or has written nothing for too long: in words, and since when. */
  fault?: { message: string; since: number };
}

/** Which screen a fetch is for: a source serving the relay's snapshots needs to know which to read. */
export interface FetchContext {
  dashboardId: string;
  /** Every declared variable's value, as resolved against the dashboard. */
  variables: Readonly<Record<string, string>>;
}

/** Datapoints of one fetch: sent by CloudWatch, and served from the series cache instead. */
export interface CacheReport {
  fetchedPoints: number;
  cachedPoints: number;
  /** Requests answered without any call. */
  cachedRequests: number;
}

/** What a source has asked of CloudWatch since it was built, for the bench and the app's own health. */
export interface SourceStats {
  /** fetchSeries calls. */
  fetches: number;
  /** GetMetricData calls, NextToken pages included. */
  calls: number;
  /** MetricDataQueries sent: metrics, expressions and Metrics Insights queries. */
  queries: number;
  /** Of those, MetricStat queries: the metrics GetMetricData bills. */
  metrics: number;
  fetchedPoints: number;
  cachedPoints: number;
  /** Entries in the series cache now, and the datapoints they hold. */
  cacheEntries: number;
  cachePoints: number;
}

export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface AlarmState {
  name: string;
  state: AlarmStateValue;
  reason: string;
  updatedAt: number;
}

/**
 * The one seam between the app and CloudWatch. The simulated account, a real account, a loopback
 * endpoint and the relay's snapshots are all this interface; which one is used is decided in
 * src/data/source-config.ts. `context` names the dashboard view a fetch is for (sources that call
 * CloudWatch ignore it).
 */
export interface MetricsSource {
  fetchSeries(requests: SeriesRequest[], signal?: AbortSignal, context?: FetchContext): Promise<FetchReport>;
  describeAlarms(
    region: string,
    names: string[],
    signal?: AbortSignal,
    context?: FetchContext,
  ): Promise<AlarmState[]>;
  /** Totals since the source was built, when it keeps them (the series cache does). */
  stats?(): SourceStats;
}
