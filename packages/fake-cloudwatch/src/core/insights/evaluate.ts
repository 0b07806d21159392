import type { SeriesValue } from '../math/values';
import { type FetchWindow, fetchMetrics } from '../query/fetch-metric';
import type { Statistic } from '../query/statistic';
import type { CatalogMetric } from '../scenario/types';
import type { InsightsCondition, InsightsFunction, InsightsQuery } from './parse';

const STAT: Record<InsightsFunction, Statistic> = {
  AVG: { kind: 'Average' },
  SUM: { kind: 'Sum' },
  MIN: { kind: 'Minimum' },
  MAX: { kind: 'Maximum' },
  COUNT: { kind: 'SampleCount' },
};

/** Metrics Insights reaches back two weeks (User Guide, "Metrics Insights quotas"). */
export const INSIGHTS_REACH_MS = 14 * 86_400_000;
/**
 * "A single query can process no more than 10,000 metrics. This means that if the SELECT, FROM, and WHERE
 * clauses match more than 10,000 metrics, the query only processes the first 10,000 of these metrics that
 * it finds" (User Guide, "Metrics Insights quotas").
 */
const MAX_METRICS_PROCESSED = 10_000;
/** "A single query can return no more than 500 time series" (User Guide, "Metrics Insights quotas"). */
const MAX_SERIES = 500;

/** A limit that cut a query's answer, by the call-level code Grafana's CloudWatch data source handles. */
export type InsightsCut = 'MaxMatchingResultsExceeded' | 'MaxQueryResultsExceeded';

function holds(c: InsightsCondition, dimensions: Record<string, string>): boolean {
  if (c.kind === 'and') return c.items.every((x) => holds(x, dimensions));
  if (c.kind === 'or') return c.items.some((x) => holds(x, dimensions));
  const value = Object.hasOwn(dimensions, c.key) ? dimensions[c.key] : undefined;
  return c.op === '=' ? value === c.value : value !== c.value;
}

function score(func: InsightsFunction, v: number[]): number {
  if (v.length === 0) return Number.NEGATIVE_INFINITY;
  if (func === 'SUM') return v.reduce((a, b) => a + b, 0);
  if (func === 'AVG') return v.reduce((a, b) => a + b, 0) / v.length;
  if (func === 'MIN') return v.reduce((a, b) => Math.min(a, b));
  if (func === 'MAX') return v.reduce((a, b) => Math.max(a, b));
  return v.length;
}

/**
 * Runs a Metrics Insights query over the catalog: the first 10,000 matching metrics make one aggregated
 * series, or one per GROUP BY value (labelled by the group's values, "Other" where a metric lacks the
 * key), sorted alphabetically unless ORDER BY says otherwise, at most LIMIT (500 by default) series.
 * `cut` hears of each quota that left something out: more than 10,000 matching metrics, or more than 500
 * series when LIMIT did not ask for fewer.
 */
export function evaluateInsights(
  q: InsightsQuery,
  catalog: CatalogMetric[],
  window: FetchWindow,
  label: string,
  cut: (code: InsightsCut) => void = () => {},
): SeriesValue[] {
  const matching = catalog.filter((m) => {
    if (m.id.namespace !== q.namespace || m.id.name !== q.metric) return false;
    if (q.schema) {
      const dims = Object.keys(m.id.dimensions).sort();
      const want = [...q.schema].sort();
      if (dims.length !== want.length || dims.some((d, i) => d !== want[i])) return false;
    }
    return q.where === undefined || holds(q.where, m.id.dimensions);
  });
  if (matching.length > MAX_METRICS_PROCESSED) {
    matching.splice(MAX_METRICS_PROCESSED);
    cut('MaxMatchingResultsExceeded');
  }
  const groups = new Map<string, CatalogMetric[]>();
  for (const m of matching) {
    const key =
      q.groupBy.length === 0 ? label : q.groupBy.map((k) => m.id.dimensions[k] ?? 'Other').join(' ');
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  if (q.groupBy.length === 0 && groups.size === 0) groups.set(label, []);
  const reach = { ...window, oldest: window.now - INSIGHTS_REACH_MS };
  let out: SeriesValue[] = [...groups.entries()].map(([key, metrics]) => {
    const points = fetchMetrics(metrics, STAT[q.func], reach);
    return { label: key, t: points.t, v: points.v, period: window.period, fromMetric: true };
  });
  out.sort((a, b) => a.label.localeCompare(b.label));
  const order = q.orderBy;
  if (order) {
    out.sort((a, b) => {
      const [x, y] = [score(order.func, a.v), score(order.func, b.v)];
      const d = x === y ? 0 : x < y ? -1 : 1;
      return order.dir === 'DESC' ? -d : d;
    });
  }
  if (out.length > MAX_SERIES && q.limit >= MAX_SERIES) cut('MaxQueryResultsExceeded');
  out = out.slice(0, q.limit);
  return out;
}
