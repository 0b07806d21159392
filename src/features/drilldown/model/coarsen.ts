import { tokenize } from '../../../data/cloudwatch/expression';
import { incrementality } from '../../../data/cloudwatch/incremental';
import type { KpiQuery, MetricStat } from '../../../domain/kpi/query-schema';

/**
 * A KPI's query asked at a coarser period than the one it names, read in the units of its own period, so a
 * week of a per-minute KPI is fetched at 5 minutes (what the chart can draw) without its values turning
 * five times larger. Sum and SampleCount grow with the period: their values are divided by how many of
 * the KPI's periods one coarse period holds (the mean per own period). Average, Minimum, Maximum and
 * percentiles keep their unit and are taken over the coarse period as they are.
 */
export interface CoarseQuery {
  query: KpiQuery;
  /** Multiply the value's datapoints (and the band's, and the comparison's) by this to read them per own period. */
  valueScale: number;
  /** The same for each math component, by name. */
  componentScale: Record<string, number>;
}

/** Statistics whose value over a period is the sum of its values over the periods within it. */
const ADDITIVE = new Set(['Sum', 'SampleCount']);

/** Functions whose value depends on the period itself or on metrics the expression does not name. */
const PERIOD_AWARE = new Set(['PERIOD', 'METRICS', 'SEARCH', 'RATE', 'DIFF', 'DIFF_TIME', 'RUNNING_SUM']);

function scaleOf(metric: MetricStat, own: number, period: number): number {
  return ADDITIVE.has(metric.stat) ? own / period : 1;
}

/**
 * The query at `period` when that is coarser than the periods it names, or undefined when it cannot be
 * read in its own units at another period (Metrics Insights, or an expression that depends on the period
 * or on the window): then it is fetched at its own period, as the KPI says.
 */
export function coarsenQuery(query: KpiQuery, period: number): CoarseQuery | undefined {
  if (query.kind === 'insights') return undefined;
  if (query.kind === 'metric') {
    const own = query.metric.period;
    if (own === undefined || own >= period || period % own !== 0) return undefined;
    return {
      query: { kind: 'metric', metric: { ...query.metric, period } },
      valueScale: scaleOf(query.metric, own, period),
      componentScale: {},
    };
  }
  const owns = Object.values(query.metrics).map((m) => m.period ?? query.period);
  if (!owns.some((own) => own !== undefined && own < period)) return undefined;
  if (owns.some((own) => own !== undefined && (own > period || period % own !== 0))) return undefined;
  if (incrementality(query) !== 'pointwise') return undefined;
  const tokens = tokenize(query.expression);
  if (!tokens.ok || tokens.tokens.some((t) => t.kind === 'ident' && PERIOD_AWARE.has(t.text)))
    return undefined;

  const metrics: typeof query.metrics = {};
  const componentScale: Record<string, number> = {};
  for (const [name, metric] of Object.entries(query.metrics)) {
    const own = metric.period ?? query.period ?? period;
    metrics[name] = { ...metric, period };
    componentScale[name] = scaleOf(metric, own, period);
  }
  // Each additive metric is read per its own period inside the expression, so the expression keeps its units.
  const expression = tokens.tokens
    .map((t) => {
      const scale = t.kind === 'ident' ? componentScale[t.text] : undefined;
      return scale === undefined || scale === 1 ? t.text : `(${t.text} / ${round(1 / scale)})`;
    })
    .join('');
  return { query: { ...query, expression, period, metrics }, valueScale: 1, componentScale };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
