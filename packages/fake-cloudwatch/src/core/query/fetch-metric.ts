import type { CatalogMetric } from '../scenario/types';
import { computeStatistic, type Statistic, type Weighted } from './statistic';
import { bucketStarts, retentionMs } from './time-window';

/** A series of (epoch ms, value) pairs, ascending; the working shape of the query engine. */
export interface Points {
  t: number[];
  v: number[];
}

export interface FetchWindow {
  start: number;
  end: number;
  period: number;
  now: number;
  /** Oldest bucket kept, when a feature has a shorter reach than retention (Metrics Insights: 2 weeks). */
  oldest?: number;
}

/** At most this many raw samples are read per period; longer periods are sampled evenly and weighted. */
const MAX_SAMPLES_PER_BUCKET = 12;

/** Raw samples of a metric inside [from, to) that were published by `now`. */
function samplesIn(metric: CatalogMetric, from: number, to: number, now: number, out: Weighted[]): void {
  const r = metric.resolution;
  const first = Math.ceil(from / r) * r;
  const total = first < to ? Math.ceil((to - first) / r) : 0;
  const stride = Math.max(1, Math.ceil(total / MAX_SAMPLES_PER_BUCKET));
  for (let i = 0; i < total; i += stride) {
    const t = first + i * r;
    if (t + r > now) break;
    const sample = metric.sample(t);
    if (sample) out.push({ sample, weight: Math.min(stride, total - i) });
  }
}

/**
 * Aggregates metrics to a period and statistic over a window, pooling their samples per period (one
 * metric for a MetricStat, several for a Metrics Insights group). Periods outside retention, in the
 * future, or where nothing was published have no datapoint.
 */
export function fetchMetrics(
  metrics: CatalogMetric[],
  stat: Statistic,
  window: FetchWindow,
  unit?: string,
): Points {
  const out: Points = { t: [], v: [] };
  const usable = unit === undefined ? metrics : metrics.filter((m) => m.unit === unit);
  if (usable.length === 0) return out;
  const oldest = Math.max(window.now - retentionMs(window.period), window.oldest ?? -Infinity);
  const step = window.period * 1000;
  for (const b of bucketStarts(window.start, window.end, window.period)) {
    if (b < oldest) continue;
    if (b >= window.now) break;
    const items: Weighted[] = [];
    for (const m of usable) samplesIn(m, b, Math.min(b + step, window.end), window.now, items);
    const value = computeStatistic(stat, items);
    if (value !== undefined && Number.isFinite(value)) {
      out.t.push(b);
      out.v.push(value);
    }
  }
  return out;
}

/** One metric's datapoints; see fetchMetrics. */
export function fetchMetric(
  metric: CatalogMetric,
  stat: Statistic,
  window: FetchWindow,
  unit?: string,
): Points {
  return fetchMetrics([metric], stat, window, unit);
}
