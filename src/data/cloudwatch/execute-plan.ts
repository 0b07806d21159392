import {
  type CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataOutput,
  type MetricDataQuery,
  type StandardUnit,
} from '@aws-sdk/client-cloudwatch';
import type { FetchReport, SeriesRequest, SeriesResult } from '../metrics-source';
import { type CloudWatchError, isAbort, isInvalidQuery, toCloudWatchError } from './errors';
import type { PlannedBatch, PlannedQuery, QueryPlan } from './plan-types';
import { type BatchResponse, errorResult, mergePages, toSeriesResult } from './results';

/** The one SDK method execution needs, so tests and the CLI can pass any client. */
export type MetricDataClient = Pick<CloudWatchClient, 'send'>;

export interface ExecuteOptions {
  clientFor: (region: string) => MetricDataClient;
  /** For "could not reach CloudWatch at …". */
  endpointFor: (region: string) => string;
  signal?: AbortSignal;
  now?: () => number;
  /** Calls in flight at once; GetMetricData's default quota is 50 per second per region. */
  concurrency?: number;
  /** Extra calls allowed to find which query made a call invalid, per fetch. */
  isolationBudget?: number;
}

const MAX_PAGES = 100;
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_ISOLATION_BUDGET = 40;

/**
 * Runs a plan: one GetMetricData call per batch (following NextToken), then each request's answer.
 * A call rejected because one query is malformed is split until the bad request is found, so every
 * other KPI still gets its data; throttling, 5xx, network and credential errors reject the whole fetch
 * with a CloudWatchError so React Query can retry with backoff.
 */
export async function executePlan(
  plan: QueryPlan,
  requests: SeriesRequest[],
  options: ExecuteOptions,
): Promise<FetchReport> {
  const byRef = new Map(requests.map((r) => [r.ref, r]));
  const results: Record<string, SeriesResult> = {};
  const state = { calls: 0, isolationLeft: options.isolationBudget ?? DEFAULT_ISOLATION_BUDGET };

  for (const [ref, error] of Object.entries(plan.errors)) {
    results[ref] = errorResult(ref, byRef.get(ref)?.period ?? 0, error);
  }

  const refsByBatch: string[][] = plan.batches.map(() => []);
  for (const [ref, output] of Object.entries(plan.outputs)) refsByBatch[output.batch]?.push(ref);

  const fetchBatch = async (batch: PlannedBatch): Promise<BatchResponse> => {
    const pages: GetMetricDataOutput[] = [];
    let token: string | undefined;
    do {
      options.signal?.throwIfAborted();
      const command = new GetMetricDataCommand({
        MetricDataQueries: batch.queries.map(toWire),
        StartTime: new Date(batch.startTime),
        EndTime: new Date(batch.endTime),
        ...(token === undefined ? {} : { NextToken: token }),
      });
      state.calls += 1;
      let page: GetMetricDataOutput;
      try {
        page = await options.clientFor(batch.region).send(command, { abortSignal: options.signal });
      } catch (error) {
        if (isAbort(error, options.signal)) throw error;
        throw toCloudWatchError(error, {
          operation: 'GetMetricData',
          region: batch.region,
          endpoint: options.endpointFor(batch.region),
        });
      }
      pages.push(page);
      token = page.NextToken && page.NextToken !== token ? page.NextToken : undefined;
    } while (token !== undefined && pages.length < MAX_PAGES);
    return mergePages(pages, batch.queries);
  };

  const run = async (batch: PlannedBatch, refs: string[]): Promise<void> => {
    if (refs.length === 0) return;
    try {
      const response = await fetchBatch(batch);
      for (const ref of refs) results[ref] = toSeriesResult(ref, plan.outputs[ref]!, response);
    } catch (error) {
      if (!isInvalidQuery(error)) throw error;
      const rejected = error as CloudWatchError;
      if (refs.length === 1 || state.isolationLeft < 2) {
        const certain = refs.length === 1;
        for (const ref of refs) results[ref] = rejectedResult(ref, byRef.get(ref), plan, rejected, certain);
        return;
      }
      state.isolationLeft -= 2;
      const half = Math.ceil(refs.length / 2);
      for (const part of [refs.slice(0, half), refs.slice(half)]) {
        await run(subBatch(batch, part, plan), part);
      }
    }
  };

  await inPool(
    plan.batches.map((batch, i) => () => run(batch, refsByBatch[i] ?? [])),
    options.concurrency ?? DEFAULT_CONCURRENCY,
  );

  return { results, calls: state.calls, fetchedAt: (options.now ?? Date.now)() };
}

function toWire(query: PlannedQuery): MetricDataQuery {
  const { MetricStat, ...rest } = query;
  if (!MetricStat) return rest;
  const { Unit, ...stat } = MetricStat;
  return { ...rest, MetricStat: Unit === undefined ? stat : { ...stat, Unit: Unit as StandardUnit } };
}

function subBatch(batch: PlannedBatch, refs: string[], plan: QueryPlan): PlannedBatch {
  const ids = new Set(refs.flatMap((ref) => plan.outputs[ref]?.queryIds ?? []));
  return { ...batch, queries: batch.queries.filter((q) => ids.has(q.Id)) };
}

function rejectedResult(
  ref: string,
  request: SeriesRequest | undefined,
  plan: QueryPlan,
  error: CloudWatchError,
  certain: boolean,
): SeriesResult {
  const what = request ? describeQuery(request) : `the query of ${ref}`;
  const reason = error.message.replace(/\.\s*$/, '');
  const message = certain
    ? `CloudWatch rejected ${what}: ${reason} — fix the query in the dashboard file`
    : `CloudWatch rejected the request that includes ${what}: ${reason}`;
  const output = plan.outputs[ref];
  return errorResult(
    ref,
    output?.period ?? 0,
    { code: 'InvalidQuery', message, retryable: false },
    output?.messages,
  );
}

function describeQuery(request: SeriesRequest): string {
  const { query } = request;
  if (query.kind === 'math') return `the expression '${query.expression}'`;
  if (query.kind === 'insights') return `the Metrics Insights query '${query.sql}'`;
  return `the metric ${query.metric.namespace} ${query.metric.name} (${query.metric.stat})`;
}

// Runs tasks a few at a time; after the first failure no new task starts, since the fetch is lost.
async function inPool(tasks: (() => Promise<void>)[], size: number): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < tasks.length) {
      const task = tasks[next++]!;
      try {
        await task();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, tasks.length) }, worker));
}
