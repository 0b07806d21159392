import type { KpiQuery } from '../domain/kpi/query-schema';
import type { TimeWindow } from '../domain/series';
import { alignWindow } from '../domain/time/period';
import { incrementality } from './cloudwatch/incremental';
import { planQueries } from './cloudwatch/planner';
import type { SeriesRequest } from './metrics-source';
import type { CacheMode } from './series-cache';

/**
 * The cache keys of a fetch's requests: one per (region, query with its account ids, period), the query's
 * periods fixed as the planner resolves them for the request's whole window, so a tail or a head of the
 * window is asked at the same periods. Whether a math query's components are wanted is not part of the
 * key: the drill-down's chart (with components) and the board's series of the same query share one entry.
 */

/** One query at one period, asked by one or more requests of a fetch. */
export interface Group {
  key: string;
  mode: CacheMode;
  period: number;
  query: KpiQuery;
  /** Fetch the math components too: some request of the group wants them, or the entry holds them. */
  includeComponents: boolean;
  region: string;
  asks: { request: SeriesRequest; window: TimeWindow }[];
  union: TimeWindow;
  notes: string[];
}

/** The request for one part of a group's window, at the group's pinned periods. */
export function pinnedRequest(group: Group, window: TimeWindow, ref = ''): SeriesRequest {
  return {
    ref,
    query: group.query,
    region: group.region,
    window,
    period: group.period,
    ...(group.includeComponents ? { includeComponents: true } : {}),
  };
}

/**
 * Puts the requests that the cache can serve into groups by cache key, with their periods fixed as the
 * planner resolves them for the whole window (so a tail is asked at the same period), and leaves the
 * others (window-dependent math, Metrics Insights, what the planner rejects) to pass through.
 */
export function groupRequests(
  requests: SeriesRequest[],
  now: number,
): { groups: Group[]; passThrough: SeriesRequest[] } {
  const groups = new Map<string, Group[]>();
  const passThrough: SeriesRequest[] = [];
  for (const request of requests) {
    const mode = incrementality(request.query);
    if (mode === 'whole') {
      passThrough.push(request);
      continue;
    }
    // Planned alone: periods are the request's own, and a plan of one request is cheap.
    const plan = planQueries([{ ...request, includeComponents: true }], { now });
    const output = plan.outputs[request.ref];
    if (!output || plan.errors[request.ref]) {
      passThrough.push(request);
      continue;
    }
    const periodOf = new Map<string, number>();
    for (const batch of plan.batches) {
      for (const q of batch.queries) if (q.MetricStat) periodOf.set(q.Id, q.MetricStat.Period);
    }
    const query = pinPeriods(request.query, output.period, (name) =>
      periodOf.get(output.componentIds[name] ?? ''),
    );
    if (!query) {
      passThrough.push(request);
      continue;
    }
    const region =
      (request.query.kind === 'metric' ? request.query.metric.region : request.query.region) ??
      request.region;
    const includeComponents = request.includeComponents === true;
    const key = canonicalJson([region, output.period, query]);
    const window = alignWindow(request.window, output.period);
    // Windows of one query that do not touch (a view and its comparison a week back) are spans of their own.
    const spans = groups.get(key) ?? [];
    const group = spans.find((g) => window.start <= g.union.end && window.end >= g.union.start);
    if (group) {
      group.asks.push({ request, window });
      group.includeComponents ||= includeComponents;
      group.union = {
        start: Math.min(group.union.start, window.start),
        end: Math.max(group.union.end, window.end),
      };
      continue;
    }
    spans.push({
      key,
      mode,
      period: output.period,
      query,
      includeComponents,
      region: request.region,
      asks: [{ request, window }],
      union: window,
      notes: [...output.messages],
    });
    groups.set(key, spans);
  }
  return { groups: [...groups.values()].flat(), passThrough };
}

/** The query with every period as the planner resolved it for the whole window; undefined if one is unknown. */
function pinPeriods(
  query: KpiQuery,
  period: number,
  componentPeriod: (name: string) => number | undefined,
): KpiQuery | undefined {
  if (query.kind === 'metric') return { kind: 'metric', metric: { ...query.metric, period } };
  if (query.kind === 'insights') return { ...query, period };
  const metrics: typeof query.metrics = {};
  for (const [name, metric] of Object.entries(query.metrics)) {
    const own = componentPeriod(name);
    if (own === undefined) return undefined;
    metrics[name] = { ...metric, period: own };
  }
  return { ...query, period, metrics };
}

/** The first request of each ref, as the planner takes them. */
export function uniqueByRef(requests: SeriesRequest[]): SeriesRequest[] {
  const seen = new Set<string>();
  return requests.filter((r) => !seen.has(r.ref) && seen.add(r.ref));
}

/** JSON with object keys sorted, so equal queries make equal keys whatever order their fields came in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
