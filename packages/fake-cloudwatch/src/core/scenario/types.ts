/** A metric's identity, as CloudWatch names it. */
export interface MetricId {
  namespace: string;
  name: string;
  dimensions: Record<string, string>;
}

/** How values inside one sample are spread: a log-normal, for latency percentiles. */
export interface LogNormal {
  median: number;
  sigma: number;
}

/**
 * The statistics CloudWatch keeps for one metric at one raw timestamp (per minute, or per hour for
 * billing): a statistic set, plus the distribution when the metric is a latency.
 */
export interface Sample {
  count: number;
  sum: number;
  min: number;
  max: number;
  dist?: LogNormal;
}

export interface CatalogMetric {
  id: MetricId;
  /** Canonical identity, e.g. "Shop/Checkout|OrdersPlaced|Environment=prod". */
  key: string;
  /** CloudWatch unit the data was published with. */
  unit: string;
  /** Raw resolution in ms: 60,000 for most metrics, 3,600,000 for billing. */
  resolution: number;
  /** The raw sample at an aligned timestamp, or undefined when nothing was published then. */
  sample(t: number): Sample | undefined;
}

/** Canonical key of a metric identity: dimensions sorted by name. */
export function metricKey(id: MetricId): string {
  const dims = Object.keys(id.dimensions)
    .sort()
    .map((k) => `${k}=${id.dimensions[k]}`)
    .join(',');
  return `${id.namespace}|${id.name}|${dims}`;
}

/** A one-value-per-minute sample, as published by most AWS services and EMF. */
export function single(value: number): Sample {
  return { count: 1, sum: value, min: value, max: value };
}

/**
 * A count of events each published as the value 1 (HTTP 5xx responses, throttled requests), or nothing
 * when there were none: the services that publish such counts report them only when they are non-zero,
 * and "Minimum, Maximum, and Average all return 1" (Elastic Load Balancing User Guide, "CloudWatch metrics
 * for your Application Load Balancer").
 */
export function events(n: number): Sample | undefined {
  return n > 0 ? { count: n, sum: n, min: 1, max: 1 } : undefined;
}

/** `total` outcomes each published as 0 or 1, `ones` of them 1; nothing when there were no outcomes. */
export function indicators(ones: number, total: number): Sample | undefined {
  if (total <= 0) return undefined;
  const n = Math.min(ones, total);
  return { count: total, sum: n, min: n === total ? 1 : 0, max: n > 0 ? 1 : 0 };
}

/** A latency sample of `count` requests distributed log-normally. */
export function latency(count: number, dist: LogNormal): Sample | undefined {
  if (count <= 0) return undefined;
  const mean = dist.median * Math.exp((dist.sigma * dist.sigma) / 2);
  const spread = Math.min(3.5, Math.sqrt(2 * Math.log(Math.max(2, count))));
  return {
    count,
    sum: mean * count,
    min: dist.median * Math.exp(-spread * dist.sigma),
    max: dist.median * Math.exp(spread * dist.sigma),
    dist,
  };
}
