import type { KpiQuery } from '../domain/kpi/query-schema';
import type { Kpi } from '../domain/kpi/schema';
import {
  substituteMetricStat,
  substituteQuery,
  substituteText,
  type VariableValues,
} from '../domain/kpi/variables';
import { defaultLookback, evaluationRangeSize, planSloFetch, type SloFetch } from '../domain/risk';
import type { TimeWindow } from '../domain/series';
import { alignWindow, choosePeriod } from '../domain/time/period';
import type { SeriesRequest } from './metrics-source';

/** Evaluation runs at the KPI's own period, or at CloudWatch's standard one-minute resolution. */
const DEFAULT_EVALUATION_PERIOD = 60;

/** Suffixes of the refs a KPI may need besides its value over the view window. */
export const refs = {
  value: (kpiId: string): string => kpiId,
  evaluation: (kpiId: string): string => `${kpiId}#eval`,
  band: (kpiId: string): string => `${kpiId}#band`,
  slo: (kpiId: string, fetch: SloFetch, metric: SloFetch['metrics'][number]): string =>
    `${kpiId}#${fetch.key}-${metric}`,
};

/** The region a KPI's query runs in: its own, else the dashboard's. */
export function kpiRegion(kpi: Kpi, dashboardRegion: string): string {
  const q = kpi.query;
  const own = q.kind === 'metric' ? q.metric.region : q.region;
  return own ?? dashboardRegion;
}

/** The period fixed by the KPI itself, if any. */
function kpiPeriod(kpi: Kpi): number | undefined {
  const q = kpi.query;
  return q.kind === 'metric' ? q.metric.period : q.period;
}

/** The period the risk rules judge a KPI at. */
export function evaluationPeriod(kpi: Kpi): number {
  return kpiPeriod(kpi) ?? DEFAULT_EVALUATION_PERIOD;
}

/** How far back the risk rules look: M-of-N ranges, the forecast lookback, and enough for staleness. */
function evaluationSpan(kpi: Kpi): number {
  const period = evaluationPeriod(kpi);
  const mOfN = Math.max(
    kpi.threshold ? evaluationRangeSize(kpi.threshold.evaluationPeriods) : 0,
    kpi.anomaly ? evaluationRangeSize(kpi.anomaly.evaluationPeriods) : 0,
  );
  const forecast = kpi.forecast ? (kpi.forecast.lookback ?? defaultLookback(period)) : 0;
  return Math.max(mOfN * period, forecast, 30 * period, kpi.staleAfter ?? 0);
}

export interface RequestContext {
  region: string;
  variables: VariableValues;
  /** The window on screen. */
  window: TimeWindow;
  now: number;
}

/** The view period: the KPI's own when it keeps the series readable, else one chosen for the range. */
function viewPeriod(kpi: Kpi, window: TimeWindow, now: number): number {
  const chosen = choosePeriod(window, now);
  const own = kpiPeriod(kpi);
  return own !== undefined && own >= chosen ? own : chosen;
}

/** The window the rules judge, ending at the last period boundary before `now`. */
export function evaluationWindow(kpi: Kpi, now: number): TimeWindow {
  const period = evaluationPeriod(kpi);
  return alignWindow({ start: now - evaluationSpan(kpi) * 1000, end: now }, period);
}

/** True when the view series can also serve the rules: same period, and it covers the evaluation window. */
function viewServesEvaluation(kpi: Kpi, view: TimeWindow, period: number, now: number): boolean {
  const evaluation = evaluationWindow(kpi, now);
  return period === evaluationPeriod(kpi) && view.start <= evaluation.start && view.end >= evaluation.end;
}

function bandQuery(kpi: Kpi, variables: VariableValues): KpiQuery | undefined {
  if (!kpi.anomaly || kpi.query.kind !== 'metric') return undefined;
  return {
    kind: 'math',
    expression: `ANOMALY_DETECTION_BAND(v, ${kpi.anomaly.band})`,
    metrics: { v: substituteMetricStat(kpi.query.metric, variables) },
  };
}

function sloRequests(kpi: Kpi, context: RequestContext, region: string): SeriesRequest[] {
  if (!kpi.slo) return [];
  const out: SeriesRequest[] = [];
  for (const fetch of planSloFetch(kpi.slo, context.now)) {
    for (const metric of fetch.metrics) {
      const stat = metric === 'good' ? kpi.slo.good : metric === 'total' ? kpi.slo.total : undefined;
      const query: KpiQuery = stat
        ? { kind: 'metric', metric: substituteMetricStat(stat, context.variables) }
        : substituteQuery(kpi.query, context.variables);
      out.push({
        ref: refs.slo(kpi.id, fetch, metric),
        query,
        region,
        window: fetch.window,
        period: fetch.period,
      });
    }
  }
  return out;
}

/**
 * Everything a dashboard needs in one refresh: each KPI's value over the view window, and what its rules
 * need (the evaluation window at the KPI's period, the anomaly band, the SLO windows at coarse periods).
 * The planner deduplicates what these share.
 */
export function buildDashboardRequests(kpis: readonly Kpi[], context: RequestContext): SeriesRequest[] {
  const requests: SeriesRequest[] = [];
  for (const kpi of kpis) {
    const region = kpiRegion(kpi, context.region);
    const query = substituteQuery(kpi.query, context.variables);
    const period = viewPeriod(kpi, context.window, context.now);
    requests.push({ ref: refs.value(kpi.id), query, region, window: context.window, period });
    // Staleness and every rule judge recent data at the KPI's own period, whatever range is on screen.
    if (!viewServesEvaluation(kpi, context.window, period, context.now)) {
      const window = evaluationWindow(kpi, context.now);
      requests.push({ ref: refs.evaluation(kpi.id), query, region, window, period: evaluationPeriod(kpi) });
    }
    const band = bandQuery(kpi, context.variables);
    if (band) {
      const window = evaluationWindow(kpi, context.now);
      requests.push({ ref: refs.band(kpi.id), query: band, region, window, period: evaluationPeriod(kpi) });
    }
    requests.push(...sloRequests(kpi, context, region));
  }
  return requests;
}

/** A KPI's alarm names for one choice of variables: `checkout-${env}-p99-high` names the staging alarm on staging. */
export function kpiAlarmNames(kpi: Kpi, variables: VariableValues): string[] {
  return (kpi.alarms ?? []).map((name) => substituteText(name, variables));
}

/** Alarm names per region, so DescribeAlarms is asked once per region. */
export function alarmNamesByRegion(
  kpis: readonly Kpi[],
  dashboardRegion: string,
  variables: VariableValues = {},
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const kpi of kpis) {
    if (!kpi.alarms?.length) continue;
    const region = kpiRegion(kpi, dashboardRegion);
    const names = out.get(region) ?? [];
    for (const name of kpiAlarmNames(kpi, variables)) if (!names.includes(name)) names.push(name);
    out.set(region, names);
  }
  return out;
}
