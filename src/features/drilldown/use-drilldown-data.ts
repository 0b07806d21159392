import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { toBand } from '../../data/kpi-evaluation';
import type { FetchReport, SeriesRequest, SeriesResult } from '../../data/metrics-source';
import { queryKeys } from '../../data/query-keys';
import { useMetricsSource, useUsageLog } from '../../data/react/metrics-source-context';
import { forecastRefreshes, type RefreshForecast } from '../../data/refresh-forecast';
import { answeredEntry, drilldownUsageId, failedEntry } from '../../data/usage-log';
import type { Kpi } from '../../domain/kpi/schema';
import type { VariableValues } from '../../domain/kpi/variables';
import type { AnomalyBand } from '../../domain/risk';
import type { Point, TimeWindow } from '../../domain/series';
import { resolveRange, type TimeRange } from '../../domain/time/range';
import type { Comparison } from '../../url/view-params';
import {
  breakdownValues,
  type DrilldownContext,
  drilldownRefs,
  planBreakdownValues,
  planDrilldown,
} from './model/drilldown-requests';
import type { BreakdownSeries } from './model/rank-breakdown';

export interface DrilldownData {
  now: number;
  window: TimeWindow;
  period: number;
  value?: SeriesResult;
  band?: AnomalyBand;
  compare?: SeriesResult;
  breakdown?: { series: BreakdownSeries[]; error?: string; truncated: boolean };
  breakdownNote?: string;
  /** The requests of each round trip, in order, so the screen can show the exact queries sent. */
  rounds: Array<{ title: string; requests: SeriesRequest[] }>;
  calls: number;
}

export interface DrilldownInput {
  dashboardId: string;
  kpi: Kpi;
  region: string;
  refreshSeconds: number;
  range: TimeRange;
  rangeText: string;
  variables: VariableValues;
  compare?: Comparison;
  by?: string;
}

function breakdownFrom(
  ctx: DrilldownContext,
  first: FetchReport,
  second: FetchReport | undefined,
): DrilldownData['breakdown'] {
  const search = first.results[drilldownRefs.discover];
  if (!search || !ctx.by) return undefined;
  if (search.error) return { series: [], error: search.error.message, truncated: false };
  const found = breakdownValues(search).map((value) => ({
    value,
    points: search.series.find((s) => s.label === value)?.points ?? [],
  }));
  if (ctx.kpi.query.kind !== 'math') return { series: found, truncated: false };
  const series: BreakdownSeries[] = [];
  const errors: string[] = [];
  for (const { value } of found) {
    const result = second?.results[drilldownRefs.byValue(value)];
    if (!result) continue;
    if (result.error) errors.push(`${value}: ${result.error.message}`);
    else series.push({ value, points: result.series[0]?.points ?? [] });
  }
  return {
    series,
    truncated: found.length > series.length + errors.length,
    ...(errors.length ? { error: errors.join('; ') } : {}),
  };
}

/** A result's datapoints multiplied by its scales (series by `value`, components by their own). */
function scaled(result: SeriesResult, value: number, components: Record<string, number>): SeriesResult {
  const times = (points: Point[], k: number): Point[] =>
    k === 1 ? points : points.map((p) => ({ t: p.t, v: p.v * k }));
  const scaledComponents: SeriesResult['components'] = {};
  for (const [name, s] of Object.entries(result.components)) {
    scaledComponents[name] = { ...s, points: times(s.points, components[name] ?? 1) };
  }
  return {
    ...result,
    series: result.series.map((s) => ({ ...s, points: times(s.points, value) })),
    components: scaledComponents,
  };
}

/**
 * What the drill-down's own fetches (chart, band, comparison, breakdown search) ask of GetMetricData at
 * its first load and per refresh in the long run, worked out once per view without a call
 * (src/data/refresh-forecast.ts). The dashboard's own refreshes are the desk's bill, not counted here.
 */
export function useDrilldownBill(input: DrilldownInput): UseQueryResult<RefreshForecast> {
  return useQuery({
    queryKey: [
      'drilldown-bill',
      input.dashboardId,
      input.kpi,
      input.region,
      input.rangeText,
      input.variables,
      input.compare ?? null,
      input.by ?? null,
      input.refreshSeconds,
    ],
    queryFn: () =>
      forecastRefreshes(
        (now) =>
          planDrilldown({
            kpi: input.kpi,
            region: input.region,
            variables: input.variables,
            window: resolveRange(input.range, now),
            now,
            ...(input.compare ? { compare: input.compare } : {}),
            ...(input.by ? { by: input.by } : {}),
          }).requests,
        { now: Date.now(), refreshSeconds: input.refreshSeconds },
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Fetches what the drill-down shows beyond the dashboard's evaluation: the value at a fine period with its
 * components, the band, the earlier period and the breakdown (a SEARCH, then for math KPIs one query per value).
 */
export function useDrilldownData(input: DrilldownInput): UseQueryResult<DrilldownData> {
  const source = useMetricsSource();
  const usage = useUsageLog();
  // Counted on /status in a row of its own, so the app's calls there are all of them.
  const usageId = drilldownUsageId(input.dashboardId, input.kpi.id);
  return useQuery({
    queryKey: queryKeys.drilldown({
      dashboardId: input.dashboardId,
      region: input.region,
      kpi: input.kpi,
      range: input.rangeText,
      variables: input.variables,
      ...(input.compare ? { compare: input.compare } : {}),
      ...(input.by ? { by: input.by } : {}),
    }),
    queryFn: async ({ signal }): Promise<DrilldownData> => {
      const now = Date.now();
      const ctx: DrilldownContext = {
        kpi: input.kpi,
        region: input.region,
        variables: input.variables,
        window: resolveRange(input.range, now),
        now,
        ...(input.compare ? { compare: input.compare } : {}),
        ...(input.by ? { by: input.by } : {}),
      };
      const plan = planDrilldown(ctx);
      const started = Date.now();
      const reports: FetchReport[] = [];
      let second: FetchReport | undefined;
      let secondRequests: SeriesRequest[] = [];
      let first: FetchReport;
      try {
        first = await source.fetchSeries(plan.requests, signal);
        reports.push(first);
        const values = input.by ? breakdownValues(first.results[drilldownRefs.discover]) : [];
        secondRequests = planBreakdownValues(ctx, plan, values);
        second = secondRequests.length ? await source.fetchSeries(secondRequests, signal) : undefined;
        if (second) reports.push(second);
        usage.record(usageId, answeredEntry(started, Date.now(), reports));
      } catch (error) {
        // A round that answered before a later one failed or was given up was still asked, and billed.
        const asked = answeredEntry(started, Date.now(), reports);
        if (!signal.aborted)
          usage.record(usageId, { ...asked, error: failedEntry(started, Date.now(), error).error });
        else if (reports.length > 0) usage.record(usageId, asked);
        throw error;
      }
      const perOwnPeriod = (result: SeriesResult | undefined): SeriesResult | undefined =>
        result && scaled(result, plan.valueScale, plan.componentScale);
      const band = toBand(perOwnPeriod(first.results[drilldownRefs.band]));
      const breakdown = breakdownFrom(ctx, first, second);
      const value = perOwnPeriod(first.results[drilldownRefs.value]);
      const compare = perOwnPeriod(first.results[drilldownRefs.compare]);
      return {
        now,
        window: plan.window,
        period: plan.period,
        rounds: [
          { title: 'Chart, band, comparison and breakdown search', requests: plan.requests },
          ...(secondRequests.length
            ? [{ title: 'Breakdown, one query set per value', requests: secondRequests }]
            : []),
        ],
        calls: first.calls + (second?.calls ?? 0),
        ...(value ? { value } : {}),
        ...(band ? { band } : {}),
        ...(compare ? { compare } : {}),
        ...(breakdown ? { breakdown } : {}),
        ...(plan.breakdownNote ? { breakdownNote: plan.breakdownNote } : {}),
      };
    },
    refetchInterval: input.range.kind === 'relative' ? input.refreshSeconds * 1000 : false,
    placeholderData: keepPreviousData,
  });
}
