import { EXPRESSION_LENGTH } from '@bellwether/cloudwatch-spec';
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
  /** Seconds between its datapoints. */
  period: number;
  insights: boolean;
}

/** What one request needs in a single call: an expression and its metrics never travel apart. */
interface Unit {
  ref: string;
  region: string;
  /** The request's window aligned to its period: the part of the call's answer that is its own. */
  window: TimeWindow;
  keys: string[];
  returnKeys: Set<string>;
  output: Omit<PlannedOutput, 'batch' | 'queryIds' | 'window'>;
  insights: boolean;
}

/** One call being filled: its queries and the StartTime/EndTime they all share. */
interface Draft {
  keys: Set<string>;
  returnKeys: Set<string>;
  window: TimeWindow;
  datapoints: number;
  insights: boolean;
}

interface Context {
  specs: Map<string, QuerySpec>;
  counters: { m: number; e: number; q: number };
  units: Unit[];
  options: PlanOptions;
}

/**
 * A request joins a call only when the datapoints it adds are at most twice what its own call would
 * fetch (or this many more): a 30-minute evaluation window inside a 6-hour view adds nothing, while a
 * 30-day SLO series at one hour would drag every minute series along for 30 days.
 */
const MERGE_SLACK_DATAPOINTS = 2000;

class PlanError extends Error {}

/**
 * Turns the series a screen wants into as few GetMetricData calls as CloudWatch's limits allow,
 * fetching each distinct metric and expression once per call.
 */
export function planQueries(requests: SeriesRequest[], options: PlanOptions = {}): QueryPlan {
  const ctx: Context = { specs: new Map(), counters: { m: 0, e: 0, q: 0 }, units: [], options };
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
    const window = alignWindow(request.window, period);
    const key = metricSpec(ctx, region, query.metric, period, query.metric.accountId);
    ctx.units.push({
      ref: request.ref,
      region,
      window,
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
    const window = alignWindow(request.window, period);
    const key = JSON.stringify([region, 'q', period, query.sql]);
    if (!ctx.specs.has(key)) {
      const id = `q${ctx.counters.q++}`;
      const spec = { Id: id, Expression: query.sql, Period: period };
      ctx.specs.set(key, { query: spec, period, insights: true });
    }
    ctx.units.push({
      ref: request.ref,
      region,
      window,
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
  const window = alignWindow(request.window, period);
  const ids: Record<string, string> = {};
  const metricKeys: string[] = [];
  for (const [name, metric] of Object.entries(query.metrics)) {
    const metricPeriod =
      metric.period === undefined ? period : resolvePeriod(metric.period, request.window, now, messages);
    const key = metricSpec(ctx, region, metric, metricPeriod, metric.accountId ?? query.accountId);
    ids[name] = idOf(ctx, key);
    metricKeys.push(key);
  }
  const rewritten = rewriteExpression(query.expression, ids);
  if (!rewritten.ok) throw new PlanError(`expression '${query.expression}': ${rewritten.error}`);
  if (rewritten.expression.length > EXPRESSION_LENGTH.max) {
    throw new PlanError(
      `expression '${query.expression}' becomes ${rewritten.expression.length} characters once its metrics are named by the ids of the call, more than the ${EXPRESSION_LENGTH.max} CloudWatch allows in an expression; shorten it or use fewer metrics`,
    );
  }
  const labelled = query.label === undefined ? {} : { Label: query.label };
  const key = JSON.stringify([region, 'e', period, rewritten.expression, ...Object.values(labelled)]);
  if (!ctx.specs.has(key)) {
    const id = `e${ctx.counters.e++}`;
    const spec = { Id: id, Expression: rewritten.expression, Period: period, ...labelled };
    ctx.specs.set(key, { query: spec, period, insights: false });
  }
  const returnKeys = new Set([key, ...(request.includeComponents ? metricKeys : [])]);
  ctx.units.push({
    ref: request.ref,
    region,
    window,
    keys: [...new Set([...metricKeys, key])],
    returnKeys,
    output: {
      id: idOf(ctx, key),
      period,
      componentIds: request.includeComponents ? ids : {},
      messages,
      ...(query.label === undefined ? {} : { label: query.label }),
    },
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

function metricSpec(
  ctx: Context,
  region: string,
  metric: MetricStat,
  period: number,
  accountId: string | undefined,
): string {
  const dimensions = Object.entries(metric.dimensions)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([Name, Value]) => ({ Name, Value }));
  const key = JSON.stringify([
    region,
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
    ctx.specs.set(key, { query, period, insights: false });
  }
  return key;
}

function idOf(ctx: Context, key: string): string {
  return ctx.specs.get(key)!.query.Id;
}

/**
 * The step every query of a call can share as StartTime alignment: the largest period when every other
 * period divides it (CloudWatch aligns each query's buckets to the call's StartTime), else none.
 */
function sharedStep(ctx: Context, keys: Iterable<string>): number | undefined {
  const periods = new Set([...keys].map((key) => ctx.specs.get(key)!.period));
  const largest = Math.max(...periods);
  return [...periods].every((p) => largest % p === 0) ? largest : undefined;
}

function datapointsOf(ctx: Context, keys: Iterable<string>, window: TimeWindow): number {
  let sum = 0;
  for (const key of keys) sum += pointCount(window, ctx.specs.get(key)!.period);
  return sum;
}

function ownWindow(ctx: Context, unit: Unit): TimeWindow {
  const step = sharedStep(ctx, unit.keys);
  return step === undefined ? unit.window : alignWindow(unit.window, step);
}

/** The draft the unit joins, if one can take it within the limits and at a fair price in datapoints. */
function merged(
  ctx: Context,
  draft: Draft,
  unit: Unit,
  limits: { maxQueries: number; maxDatapoints: number },
): Draft | undefined {
  const keys = new Set([...draft.keys, ...unit.keys]);
  if (keys.size > limits.maxQueries) return undefined;
  const added = unit.keys.filter((key) => !draft.keys.has(key)).map((key) => ctx.specs.get(key)!);
  // CloudWatch allows one Metrics Insights query per GetMetricData call.
  if (draft.insights && added.some((spec) => spec.insights)) return undefined;
  const step = sharedStep(ctx, keys);
  if (step === undefined) return undefined;
  const window = alignWindow(
    {
      start: Math.min(draft.window.start, unit.window.start),
      end: Math.max(draft.window.end, unit.window.end),
    },
    step,
  );
  const datapoints = datapointsOf(ctx, keys, window);
  if (datapoints > limits.maxDatapoints) return undefined;
  // What joining adds must be worth it against the unit's own call: a query the call already has adds
  // nothing, a short window stretched over a long call adds a lot.
  const own = datapointsOf(ctx, unit.keys, ownWindow(ctx, unit));
  if (datapoints - draft.datapoints > Math.max(2 * own, own + MERGE_SLACK_DATAPOINTS)) return undefined;
  return {
    keys,
    returnKeys: new Set([...draft.returnKeys, ...unit.returnKeys]),
    window,
    datapoints,
    insights: draft.insights || added.some((spec) => spec.insights),
  };
}

/**
 * Packs units into calls per region: longest windows first, each joining the first call it fits, so
 * nested and overlapping windows share one call and each distinct query is sent once per call.
 */
function pack(ctx: Context, errors: Record<string, SeriesError>): QueryPlan {
  const limits = {
    maxQueries: ctx.options.maxQueriesPerCall ?? MAX_QUERIES_PER_CALL,
    maxDatapoints: ctx.options.maxDatapointsPerCall ?? MAX_DATAPOINTS_PER_CALL,
  };
  const batches: PlannedBatch[] = [];
  const outputs: Record<string, PlannedOutput> = {};
  const byRegion = new Map<string, Unit[]>();
  for (const unit of ctx.units) byRegion.set(unit.region, [...(byRegion.get(unit.region) ?? []), unit]);

  for (const [region, units] of byRegion) {
    const drafts: Draft[] = [];
    const placed: Array<{ unit: Unit; draft: number }> = [];
    const ordered = units
      .map((unit, i) => ({ unit, i, span: unit.window.end - unit.window.start }))
      .sort((a, b) => b.span - a.span || a.i - b.i)
      .map(({ unit }) => unit);
    for (const unit of ordered) {
      if (unit.keys.length > limits.maxQueries) {
        errors[unit.ref] = {
          code: 'InvalidQuery',
          message: `this query needs ${unit.keys.length} metrics and expressions, more than the ${limits.maxQueries} CloudWatch allows in one GetMetricData call; split it into smaller KPIs`,
          retryable: false,
        };
        continue;
      }
      let index = -1;
      for (let i = 0; i < drafts.length && index < 0; i++) {
        const next = merged(ctx, drafts[i]!, unit, limits);
        if (next) {
          drafts[i] = next;
          index = i;
        }
      }
      if (index < 0) {
        const window = ownWindow(ctx, unit);
        drafts.push({
          keys: new Set(unit.keys),
          returnKeys: new Set(unit.returnKeys),
          window,
          datapoints: datapointsOf(ctx, unit.keys, window),
          insights: unit.insights,
        });
        index = drafts.length - 1;
      }
      placed.push({ unit, draft: index });
    }
    const first = batches.length;
    for (const draft of drafts) {
      batches.push({
        region,
        startTime: draft.window.start,
        endTime: draft.window.end,
        queries: [...draft.keys].map((key) => ({
          ...ctx.specs.get(key)!.query,
          ReturnData: draft.returnKeys.has(key),
        })),
        datapoints: draft.datapoints,
      });
    }
    for (const { unit, draft } of placed) {
      outputs[unit.ref] = {
        batch: first + draft,
        ...unit.output,
        window: unit.window,
        queryIds: unit.keys.map((key) => idOf(ctx, key)),
      };
    }
  }
  return { batches, outputs, errors };
}

/** A one-line summary for logs and the bench, e.g. "3 calls, 1,200 queries, 216,000 datapoints, periods 1m". */
export function describePlan(plan: QueryPlan): string {
  const queries = plan.batches.reduce((sum, b) => sum + b.queries.length, 0);
  const datapoints = plan.batches.reduce((sum, b) => sum + b.datapoints, 0);
  const periods = new Set(Object.values(plan.outputs).map((o) => formatDuration(o.period)));
  const fmt = new Intl.NumberFormat('en');
  return `${fmt.format(plan.batches.length)} calls, ${fmt.format(queries)} queries, ${fmt.format(datapoints)} datapoints, periods ${[...periods].join(' ') || 'none'}`;
}
