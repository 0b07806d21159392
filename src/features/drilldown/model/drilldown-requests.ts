import type { SeriesRequest, SeriesResult } from '../../../data/metrics-source';
import type { KpiQuery } from '../../../domain/kpi/query-schema';
import type { Kpi } from '../../../domain/kpi/schema';
import { substituteQuery, type VariableValues } from '../../../domain/kpi/variables';
import type { TimeWindow } from '../../../domain/series';
import { alignWindow, pointCount, retentionFloor } from '../../../domain/time/period';
import type { Comparison } from '../../../url/view-params';
import {
  breakdownLabel,
  breakdownSearch,
  breakdownUnsupported,
  discoveryMetric,
  queryForValue,
} from './breakdown-query';
import { coarsenQuery } from './coarsen';

/**
 * Datapoints the chart can draw: one per pixel of a full-width chart up to a 2560-pixel-wide screen (a 1080p
 * one draws about 1,700 of them). Fetching more only to downsample them away costs bytes and time.
 */
export const DRILLDOWN_MAX_POINTS = 2400;
/**
 * Periods the drill-down picks from, finest first: every one a multiple of 60 s, which GetMetricData accepts
 * for standard-resolution data, and of 300 s or 3600 s from the point where data that old is only kept at 5
 * minutes (after 15 days) or 1 hour (after 63 days).
 */
const DRILLDOWN_PERIODS = [
  60, 120, 180, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
] as const;
/** Small multiples stay readable, and a math breakdown costs one query set per value. */
const MAX_BREAKDOWN_VALUES = 12;

export const COMPARISON_OFFSET_MS: Record<Comparison, number> = { '1d': 86_400_000, '1w': 604_800_000 };

export const drilldownRefs = {
  value: 'value',
  band: 'band',
  compare: 'compare',
  discover: 'breakdown',
  byValue: (value: string): string => `breakdown:${value}`,
};

export interface DrilldownContext {
  kpi: Kpi;
  region: string;
  variables: VariableValues;
  window: TimeWindow;
  now: number;
  compare?: Comparison;
  by?: string;
}

/**
 * The finest period whose datapoints over the window fit what the chart can draw and that CloudWatch still
 * keeps for the window's oldest point; whole days beyond a day.
 */
export function chartPeriod(window: TimeWindow, now: number, maxPoints = DRILLDOWN_MAX_POINTS): number {
  const floor = Math.max(60, retentionFloor(Math.max(0, (now - window.start) / 1000)));
  for (const period of DRILLDOWN_PERIODS) {
    if (period % floor === 0 && pointCount(window, period) <= maxPoints) return period;
  }
  return Math.ceil(pointCount(window, 86_400) / maxPoints) * 86_400;
}

/** The period of the drill-down chart: the KPI's own when it is coarser, else the finest that fits. */
function drilldownPeriod(kpi: Kpi, window: TimeWindow, now: number): number {
  const chosen = chartPeriod(window, now);
  const q = kpi.query;
  const own = q.kind === 'metric' ? q.metric.period : q.period;
  return own !== undefined && own > chosen ? own : chosen;
}

export interface DrilldownPlan {
  period: number;
  window: TimeWindow;
  requests: SeriesRequest[];
  /**
   * What to multiply the value's, the band's and the comparison's datapoints by, and each component's, to
   * read them per the KPI's own period when they were fetched at a coarser one (see coarsen.ts).
   */
  valueScale: number;
  componentScale: Record<string, number>;
  /** Why the breakdown was not asked for, when a dimension was chosen. */
  breakdownNote?: string;
}

function regionOf(kpi: Kpi, fallback: string): string {
  const q = kpi.query;
  return (q.kind === 'metric' ? q.metric.region : q.region) ?? fallback;
}

/**
 * What the drill-down fetches in its first round: the value with a math KPI's components, the anomaly band
 * over the same window, the earlier period to compare with, and the SEARCH that finds the breakdown's values.
 */
export function planDrilldown(ctx: DrilldownContext): DrilldownPlan {
  const { kpi } = ctx;
  const period = drilldownPeriod(kpi, ctx.window, ctx.now);
  const window = alignWindow(ctx.window, period);
  const region = regionOf(kpi, ctx.region);
  const own = substituteQuery(kpi.query, ctx.variables);
  const coarse = coarsenQuery(own, period);
  const query = coarse?.query ?? own;
  const requests: SeriesRequest[] = [
    {
      ref: drilldownRefs.value,
      query,
      region,
      window,
      period,
      ...(query.kind === 'math' ? { includeComponents: true } : {}),
    },
  ];
  if (kpi.anomaly && query.kind === 'metric') {
    const band: KpiQuery = {
      kind: 'math',
      expression: `ANOMALY_DETECTION_BAND(v, ${kpi.anomaly.band})`,
      metrics: { v: query.metric },
    };
    requests.push({ ref: drilldownRefs.band, query: band, region, window, period });
  }
  if (ctx.compare) {
    const offset = COMPARISON_OFFSET_MS[ctx.compare];
    const earlier = { start: window.start - offset, end: window.end - offset };
    requests.push({ ref: drilldownRefs.compare, query, region, window: earlier, period });
  }
  let breakdownNote: string | undefined;
  if (ctx.by) {
    breakdownNote = breakdownUnsupported(own, ctx.by);
    const metric = discoveryMetric(own);
    if (!breakdownNote && metric) {
      const expression = breakdownSearch(metric, ctx.by, metric.period ?? period);
      requests.push({
        ref: drilldownRefs.discover,
        query: { kind: 'math', expression, metrics: {}, label: breakdownLabel(ctx.by) },
        region,
        window,
        period,
      });
    }
  }
  return {
    period,
    window,
    requests,
    valueScale: coarse?.valueScale ?? 1,
    componentScale: coarse?.componentScale ?? {},
    ...(breakdownNote ? { breakdownNote } : {}),
  };
}

/**
 * The values of the breakdown's dimension, one per SEARCH result, read from the dynamic label the SEARCH
 * was sent with; each once, none empty, in CloudWatch's order.
 */
export function breakdownValues(search: SeriesResult | undefined): string[] {
  const values = (search?.series ?? []).map((s) => s.label).filter((value) => value !== '');
  return [...new Set(values)];
}

/** The second round for a math KPI: its own expression once per value the SEARCH found. */
export function planBreakdownValues(
  ctx: DrilldownContext,
  plan: DrilldownPlan,
  values: string[],
): SeriesRequest[] {
  const query = substituteQuery(ctx.kpi.query, ctx.variables);
  if (query.kind !== 'math' || !ctx.by) return [];
  const by = ctx.by;
  return values.slice(0, MAX_BREAKDOWN_VALUES).map((value) => ({
    ref: drilldownRefs.byValue(value),
    query: queryForValue(query, by, value),
    region: regionOf(ctx.kpi, ctx.region),
    window: plan.window,
    period: plan.period,
  }));
}
