import type { SeriesError } from '../metrics-source';

/**
 * The query plan is plain data shaped like the GetMetricData wire format, so it can be printed,
 * diffed, asserted in tests and run by a CLI without the SDK.
 */

/** GetMetricData limits per call, from the API reference. */
export const MAX_QUERIES_PER_CALL = 500;
export const MAX_DATAPOINTS_PER_CALL = 100_800;

export interface PlannedDimension {
  Name: string;
  Value: string;
}

export interface PlannedMetricStat {
  Metric: { Namespace: string; MetricName: string; Dimensions: PlannedDimension[] };
  Period: number;
  Stat: string;
  Unit?: string;
}

/** One MetricDataQuery: exactly one of MetricStat or Expression (math or Metrics Insights SQL). */
export interface PlannedQuery {
  Id: string;
  MetricStat?: PlannedMetricStat;
  Expression?: string;
  Period?: number;
  /** Sent when the request asked for one, e.g. a dynamic label that names each series of a SEARCH. */
  Label?: string;
  ReturnData: boolean;
  AccountId?: string;
}

/**
 * One GetMetricData call: one region, one StartTime/EndTime (epoch ms) shared by its queries, aligned to
 * the largest of their periods (which every other divides), so each query's buckets fall on its period.
 */
export interface PlannedBatch {
  region: string;
  startTime: number;
  endTime: number;
  queries: PlannedQuery[];
  /** Expected datapoints: ceil(window / period) summed over the queries. */
  datapoints: number;
}

/** Where a request's answer will be found. */
export interface PlannedOutput {
  batch: number;
  /** Id of the query whose result is the request's value. */
  id: string;
  period: number;
  /**
   * The request's own window, aligned to its period: the call's window may be wider (it is shared with
   * other requests), and only this part of the answer is the request's.
   */
  window: { start: number; end: number };
  /** Every query the request needs in its batch (metrics first, its own id last), to re-run it alone. */
  queryIds: string[];
  /** Math component name in the KPI → query id; filled only when includeComponents was asked for. */
  componentIds: Record<string, string>;
  /** Adjustments made while planning, in words (e.g. a period raised to fit CloudWatch retention). */
  messages: string[];
  /** The Label the request's own query was sent with: its results keep the labels CloudWatch made of it. */
  label?: string;
}

export interface QueryPlan {
  batches: PlannedBatch[];
  outputs: Record<string, PlannedOutput>;
  /** Requests that cannot be sent as written, with the reason; they are in no batch. */
  errors: Record<string, SeriesError>;
}

export interface PlanOptions {
  /** Epoch ms used for period choice and retention; defaults to each request's window end. */
  now?: number;
  maxQueriesPerCall?: number;
  maxDatapointsPerCall?: number;
}
