import type { MetricStat } from '../../domain/kpi/query-schema';
import type { TimeWindow } from '../../domain/series';
import { formatDuration } from '../../domain/time/duration';
import {
  alignWindow,
  choosePeriod,
  fitPeriodToRetention,
  isValidPeriod,
  pointCount,
} from '../../domain/time/period';
import type { SeriesError, SeriesRequest } from '../metrics-source';
import { rewriteExpression } from './expression';
import {
  MAX_DATAPOINTS_PER_CALL,
  MAX_QUERIES_PER_CALL,
  type PlannedBatch,
  type PlannedOutput,
  type PlannedQuery,
  type PlanOptions,
  type QueryPlan,
} from './plan-types';

/** A query the plan needs once per call, whoever asked for it. */
interface QuerySpec {
  query: Omit<PlannedQuery, 'ReturnData'>;
  datapoints: number;
  insights: boolean;
}

/** What one request needs in a single call: an expression and its metrics never travel apart. */
interface Unit {
  ref: string;
  keys: string[];
  returnKeys: Set<string>;
  output: Omit<PlannedOutput, 'batch' | 'queryIds'>;
  insights: boolean;
}

/** Requests that can share calls: same region and the same aligned StartTime/EndTime. */
interface Group {
  region: string;
  window: TimeWindow;
  units: Unit[];
}

interface Draft {
  keys: Set<string>;
  returnKeys: Set<string>;
  datapoints: number;
  insights: boolean;
}

interface Context {
  specs: Map<string, QuerySpec>;
  counters: { m: number; e: number; q: number };
  groups: Map<string, Group>;
  options: PlanOptions;
}

class PlanError extends Error {}

/**
 * Turns the series a screen wants into as few GetMetricData calls as CloudWatch's limits allow,
 * fetching each distinct metric and expression once per call.
 */
export function planQueries(requests: SeriesRequest[], options: PlanOptions = {}): QueryPlan {
  const ctx: Context = { specs: new Map(), counters: { m: 0, e: 0, q: 0 }, groups: new Map(), options };
  const errors: Record<string, SeriesError> = {};
  const seen = new Set<string>();
  for (const request of requests) {
    if (seen.has(request.ref)) continue;
    seen.add(request.ref);
    try {
      planRequest(ctx, request);
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      errors[request.ref] = { code: 'InvalidQuery', message: error.message, retryable: false };
    }
  }
  return pack(ctx, errors);
}

function planRequest(ctx: Context, request: SeriesRequest): void {
  const { query } = request;
  if (!(request.window.end > request.window.start)) {
    throw new PlanError('the time window is empty: its end is not after its start');
  }
  const now = ctx.options.now ?? request.window.end;
  const messages: string[] = [];
  const periodFor = (explicit: number | undefined): number =>
    resolvePeriod(explicit ?? request.period, request.window, now, messages);

  if (query.kind === 'metric') {
    const region = query.metric.region ?? request.region;
    const period = periodFor(query.metric.period);
    const { group, window } = groupFor(ctx, region, request.window, period);
    const key = metricSpec(ctx, group, window, query.metric, period, query.metric.accountId);
    addUnit(ctx, group, {
      ref: request.ref,
      keys: [key],
      returnKeys: new Set([key]),
      output: { id: idOf(ctx, key), period, componentIds: {}, messages },
      insights: false,
    });
    return;
  }

  if (query.kind === 'insights') {
    const region = query.region ?? request.region;
    const period = periodFor(query.period);
    const { group, window } = groupFor(ctx, region, request.window, period);
    const key = JSON.stringify([group, 'q', period, query.sql]);
    if (!ctx.specs.has(key)) {
      const id = `q${ctx.counters.q++}`;
      const spec = { Id: id, Expression: query.sql, Period: period };
      ctx.specs.set(key, { query: spec, datapoints: pointCount(window, period), insights: true });
    }
    addUnit(ctx, group, {
      ref: request.ref,
      keys: [key],
      returnKeys: new Set([key]),
      output: { id: idOf(ctx, key), period, componentIds: {}, messages },
      insights: true,
    });
    return;
  }

  const region = query.region ?? request.region;
  for (const [name, metric] of Object.entries(query.metrics)) {
    if (metric.region !== undefined && metric.region !== region) {
      throw new PlanError(
        `metric '${name}' is in ${metric.region} but the expression runs in ${region}; metric math cannot mix regions in one expression`,
      );
    }
  }
  const period = periodFor(query.period);
  const { group, window } = groupFor(ctx, region, request.window, period);
  const ids: Record<string, string> = {};
  const metricKeys: string[] = [];
  for (const [name, metric] of Object.entries(query.metrics)) {
    const metricPeriod =
      metric.period === undefined ? period : resolvePeriod(metric.period, request.window, now, messages);
    const key = metricSpec(ctx, group, window, metric, metricPeriod, metric.accountId ?? query.accountId);
    ids[name] = idOf(ctx, key);
    metricKeys.push(key);
  }
  const rewritten = rewriteExpression(query.expression, ids);
  if (!rewritten.ok) throw new PlanError(`expression '${query.expression}': ${rewritten.error}`);
  const key = JSON.stringify([group, 'e', period, rewritten.expression]);
  if (!ctx.specs.has(key)) {
    const id = `e${ctx.counters.e++}`;
    const spec = { Id: id, Expression: rewritten.expression, Period: period };
    ctx.specs.set(key, { query: spec, datapoints: pointCount(window, period), insights: false });
  }
  const returnKeys = new Set([key, ...(request.includeComponents ? metricKeys : [])]);
  addUnit(ctx, group, {
    ref: request.ref,
    keys: [...new Set([...metricKeys, key])],
    returnKeys,
    output: { id: idOf(ctx, key), period, componentIds: request.includeComponents ? ids : {}, messages },
    insights: false,
  });
}

function resolvePeriod(
  period: number | undefined,
  window: TimeWindow,
  now: number,
  messages: string[],
): number {
  if (period === undefined) return choosePeriod(window, now);
  if (!isValidPeriod(period)) {
    throw new PlanError(
      `a period of ${period} s is not one CloudWatch accepts (1, 5, 10, 20, 30 s or a multiple of 60 s)`,
    );
  }
  const fitted = fitPeriodToRetention(period, window, now);
  if (fitted.note && !messages.includes(fitted.note)) messages.push(fitted.note);
  return fitted.period;
}

function groupFor(
  ctx: Context,
  region: string,
  raw: TimeWindow,
  period: number,
): { group: string; window: TimeWindow } {
  const window = alignWindow(raw, period);
  const group = `${region}|${window.start}|${window.end}`;
  if (!ctx.groups.has(group)) ctx.groups.set(group, { region, window, units: [] });
  return { group, window };
}

function metricSpec(
  ctx: Context,
  group: string,
  window: TimeWindow,
  metric: MetricStat,
  period: number,
  accountId: string | undefined,
): string {
  const dimensions = Object.entries(metric.dimensions)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([Name, Value]) => ({ Name, Value }));
  const key = JSON.stringify([
    group,
    'm',
    accountId ?? '',
    metric.namespace,
    metric.name,
    dimensions,
    metric.stat,
    period,
    metric.unit ?? '',
  ]);
  if (!ctx.specs.has(key)) {
    const query: Omit<PlannedQuery, 'ReturnData'> = {
      Id: `m${ctx.counters.m++}`,
      MetricStat: {
        Metric: { Namespace: metric.namespace, MetricName: metric.name, Dimensions: dimensions },
        Period: period,
        Stat: metric.stat,
        ...(metric.unit === undefined ? {} : { Unit: metric.unit }),
      },
      ...(accountId === undefined ? {} : { AccountId: accountId }),
    };
    ctx.specs.set(key, { query, datapoints: pointCount(window, period), insights: false });
  }
  return key;
}

function idOf(ctx: Context, key: string): string {
  return ctx.specs.get(key)!.query.Id;
}

function addUnit(ctx: Context, group: string, unit: Unit): void {
  ctx.groups.get(group)!.units.push(unit);
}

function pack(ctx: Context, errors: Record<string, SeriesError>): QueryPlan {
  const maxQueries = ctx.options.maxQueriesPerCall ?? MAX_QUERIES_PER_CALL;
  const maxDatapoints = ctx.options.maxDatapointsPerCall ?? MAX_DATAPOINTS_PER_CALL;
  const batches: PlannedBatch[] = [];
  const outputs: Record<string, PlannedOutput> = {};

  for (const group of ctx.groups.values()) {
    const drafts: Draft[] = [];
    for (const unit of group.units) {
      if (unit.keys.length > maxQueries) {
        errors[unit.ref] = {
          code: 'InvalidQuery',
          message: `this query needs ${unit.keys.length} metrics and expressions, more than the ${maxQueries} CloudWatch allows in one GetMetricData call; split it into smaller KPIs`,
          retryable: false,
        };
        continue;
      }
      let index = drafts.findIndex((draft) => fits(ctx, draft, unit, maxQueries, maxDatapoints));
      if (index < 0) {
        drafts.push({ keys: new Set(), returnKeys: new Set(), datapoints: 0, insights: false });
        index = drafts.length - 1;
      }
      const draft = drafts[index]!;
      for (const key of unit.keys) {
        if (draft.keys.has(key)) continue;
        const spec = ctx.specs.get(key)!;
        draft.keys.add(key);
        draft.datapoints += spec.datapoints;
        draft.insights ||= spec.insights;
      }
      for (const key of unit.returnKeys) draft.returnKeys.add(key);
      const queryIds = unit.keys.map((key) => idOf(ctx, key));
      outputs[unit.ref] = { batch: batches.length + index, ...unit.output, queryIds };
    }
    for (const draft of drafts) {
      batches.push({
        region: group.region,
        startTime: group.window.start,
        endTime: group.window.end,
        queries: [...draft.keys].map((key) => ({
          ...ctx.specs.get(key)!.query,
          ReturnData: draft.returnKeys.has(key),
        })),
        datapoints: draft.datapoints,
      });
    }
  }
  return { batches, outputs, errors };
}

function fits(ctx: Context, draft: Draft, unit: Unit, maxQueries: number, maxDatapoints: number): boolean {
  const added = unit.keys.filter((key) => !draft.keys.has(key)).map((key) => ctx.specs.get(key)!);
  if (draft.keys.size + added.length > maxQueries) return false;
  // CloudWatch allows one Metrics Insights query per GetMetricData call.
  if (draft.insights && added.some((spec) => spec.insights)) return false;
  const datapoints = added.reduce((sum, spec) => sum + spec.datapoints, 0);
  return draft.keys.size === 0 || draft.datapoints + datapoints <= maxDatapoints;
}

/** A one-line summary for logs and the bench, e.g. "3 calls, 1,200 queries, 216,000 datapoints, periods 1m". */
export function describePlan(plan: QueryPlan): string {
  const queries = plan.batches.reduce((sum, b) => sum + b.queries.length, 0);
  const datapoints = plan.batches.reduce((sum, b) => sum + b.datapoints, 0);
  const periods = new Set(Object.values(plan.outputs).map((o) => formatDuration(o.period)));
  const fmt = new Intl.NumberFormat('en');
  return `${fmt.format(plan.batches.length)} calls, ${fmt.format(queries)} queries, ${fmt.format(datapoints)} datapoints, periods ${[...periods].join(' ') || 'none'}`;
}
