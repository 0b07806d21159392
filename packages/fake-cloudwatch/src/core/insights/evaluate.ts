import type { SeriesValue } from '../math/values';
import { type FetchWindow, fetchMetrics } from '../query/fetch-metric';
import type { Statistic } from '../query/statistic';
import type { CatalogMetric } from '../scenario/types';
import type { InsightsFunction, InsightsQuery } from './parse';

const STAT: Record<InsightsFunction, Statistic> = {
  AVG: { kind: 'Average' },
  SUM: { kind: 'Sum' },
  MIN: { kind: 'Minimum' },
  MAX: { kind: 'Maximum' },
  COUNT: { kind: 'SampleCount' },
};

/** Metrics Insights reaches back two weeks (User Guide, "Metrics Insights quotas"). */
export const INSIGHTS_REACH_MS = 14 * 86_400_000;

function score(func: InsightsFunction, v: number[]): number {
  if (v.length === 0) return Number.NEGATIVE_INFINITY;
  if (func === 'SUM') return v.reduce((a, b) => a + b, 0);
  if (func === 'AVG') return v.reduce((a, b) => a + b, 0) / v.length;
  if (func === 'MIN') return Math.min(...v);
  if (func === 'MAX') return Math.max(...v);
  return v.length;
}

/**
 * Runs a Metrics Insights query over the catalog: one aggregated series, or one per GROUP BY value
 * (labelled by the group's values, "Other" where a metric lacks the key), sorted alphabetically unless
 * ORDER BY says otherwise, at most LIMIT series.
 */
export function evaluateInsights(
  q: InsightsQuery,
  catalog: CatalogMetric[],
  window: FetchWindow,
  label: string,
): SeriesValue[] {
  const matching = catalog.filter((m) => {
    if (m.id.namespace !== q.namespace || m.id.name !== q.metric) return false;
    if (q.schema) {
      const dims = Object.keys(m.id.dimensions).sort();
      const want = [...q.schema].sort();
      if (dims.length !== want.length || dims.some((d, i) => d !== want[i])) return false;
    }
    return q.where.every((w) =>
      w.op === '=' ? m.id.dimensions[w.key] === w.value : m.id.dimensions[w.key] !== w.value,
    );
  });
  const groups = new Map<string, CatalogMetric[]>();
  for (const m of matching) {
    const key =
      q.groupBy.length === 0 ? label : q.groupBy.map((k) => m.id.dimensions[k] ?? 'Other').join(' ');
    groups.set(key, [...(groups.get(key) ?? []), m]);
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
      const d = score(order.func, a.v) - score(order.func, b.v);
      return order.dir === 'DESC' ? -d : d;
    });
  }
  out = out.slice(0, q.limit);
  return out;
}
