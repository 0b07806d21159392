import type { KpiQuery, MetricStat } from '../../../domain/kpi/query-schema';

const PLAIN = /^[\w/.:-]+$/;

function quoteTerm(text: string): string {
  return PLAIN.test(text) ? text : `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/** Why a query cannot be broken down by `by`, in words; undefined when it can. */
export function breakdownUnsupported(query: KpiQuery, by = ''): string | undefined {
  if (query.kind === 'insights') {
    return 'A Metrics Insights KPI breaks down with GROUP BY in its own SQL; open it in the CloudWatch console.';
  }
  const metrics = query.kind === 'metric' ? [query.metric] : Object.values(query.metrics);
  if (metrics.length === 0) return 'This expression names no metric to break down.';
  if (
    by.includes("'") ||
    metrics.some((m) =>
      [m.namespace, m.name, ...Object.entries(m.dimensions).flat()].some((t) => t.includes("'")),
    )
  ) {
    return 'A name or dimension value holds a single quote, which a SEARCH expression and its label cannot carry.';
  }
  return undefined;
}

/** The metric SEARCH runs over to find the dimension's values: the KPI's metric, or its math's first metric. */
export function discoveryMetric(query: KpiQuery): MetricStat | undefined {
  if (query.kind === 'metric') return query.metric;
  if (query.kind === 'math') return Object.values(query.metrics)[0];
  return undefined;
}

/**
 * `SEARCH('{Shop/Checkout,Environment,PaymentProvider} MetricName="PaymentsAttempted" Environment="prod"',
 * 'Sum', 60)`: the same metric with every other dimension pinned, one series per value of `by`.
 */
export function breakdownSearch(metric: MetricStat, by: string, period: number): string {
  const fixed = Object.entries(metric.dimensions).filter(([name]) => name !== by);
  const schema = [metric.namespace, ...fixed.map(([name]) => name), by].map(quoteTerm).join(',');
  const terms = [`MetricName="${metric.name.replace(/["\\]/g, '\\$&')}"`].concat(
    fixed.map(([name, value]) => `${quoteTerm(name)}="${value.replace(/["\\]/g, '\\$&')}"`),
  );
  return `SEARCH('{${schema}} ${terms.join(' ')}', '${metric.stat}', ${period})`;
}

/**
 * The Label that names each SEARCH result by its value of `by`: "If you use a dynamic label with a search
 * expression, the dynamic label applies to every metric returned by the search" (User Guide, "Use dynamic
 * labels"). A default label's format is not documented, so the breakdown never reads one.
 */
export function breakdownLabel(by: string): string {
  return `\${PROP('Dim.${by}')}`;
}

/** The KPI's own query for one value of the dimension: each metric of a math KPI filtered to that value. */
export function queryForValue(query: KpiQuery, by: string, value: string): KpiQuery {
  const pin = (m: MetricStat): MetricStat => ({ ...m, dimensions: { ...m.dimensions, [by]: value } });
  if (query.kind === 'metric') return { ...query, metric: pin(query.metric) };
  if (query.kind === 'math') {
    return {
      ...query,
      metrics: Object.fromEntries(Object.entries(query.metrics).map(([id, m]) => [id, pin(m)])),
    };
  }
  return query;
}
