import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { formatValue } from '../../domain/format/format-value';
import type { Kpi, Outcome } from '../../domain/kpi/schema';
import type { VariableValues } from '../../domain/kpi/variables';
import {
  type AlarmMemory,
  type KpiEvaluation,
  type OutcomeEvaluation,
  rollUpOutcome,
} from '../../domain/risk';
import { parseRange, resolveRange } from '../../domain/time/range';
import { evaluateFetchedKpi } from '../kpi-evaluation';
import { alarmNamesByRegion, buildDashboardRequests } from '../kpi-requests';
import type { AlarmState, FetchReport } from '../metrics-source';
import { queryKeys } from '../query-keys';
import { useMetricsSource } from './metrics-source-context';

export interface DashboardView {
  dashboardId: string;
  region: string;
  refreshSeconds: number;
  range: string;
  variables: VariableValues;
  kpis: readonly Kpi[];
  outcomes: readonly Outcome[];
}

export interface FetchedSeries {
  report: FetchReport;
  /** The instant the requests were built for. */
  now: number;
}

export interface DashboardEvaluation {
  series: UseQueryResult<FetchedSeries>;
  alarms: UseQueryResult<AlarmState[]>;
  evaluations: Record<string, KpiEvaluation>;
  outcomes: OutcomeEvaluation[];
}

/**
 * Fetches and judges a dashboard at its refresh interval. "now" is read at fetch time, so the key stays
 * stable for a relative range and React Query keeps the last good data on screen through faults.
 */
export function useDashboardEvaluation(view: DashboardView): DashboardEvaluation {
  const source = useMetricsSource();
  const kpiIds = useMemo(() => view.kpis.map((k) => k.id), [view.kpis]);
  const interval = view.refreshSeconds * 1000;

  const series = useQuery({
    queryKey: queryKeys.series(view.dashboardId, view.range, { ...view.variables }, kpiIds),
    queryFn: async ({ signal }): Promise<FetchedSeries> => {
      const parsed = parseRange(view.range);
      if (!parsed.ok) throw new Error(parsed.error);
      const now = Date.now();
      const window = resolveRange(parsed.range, now);
      const requests = buildDashboardRequests(view.kpis, {
        region: view.region,
        variables: view.variables,
        window,
        now,
      });
      return { report: await source.fetchSeries(requests, signal), now };
    },
    enabled: view.kpis.length > 0,
    refetchInterval: interval,
    refetchIntervalInBackground: true,
    placeholderData: keepPreviousData,
  });

  const byRegion = useMemo(() => alarmNamesByRegion(view.kpis, view.region), [view.kpis, view.region]);
  const alarmNames = useMemo(() => [...byRegion.values()].flat(), [byRegion]);
  const alarms = useQuery({
    queryKey: queryKeys.alarms(view.region, alarmNames),
    queryFn: async ({ signal }): Promise<AlarmState[]> => {
      const lists = await Promise.all(
        [...byRegion.entries()].map(([region, names]) => source.describeAlarms(region, names, signal)),
      );
      return lists.flat();
    },
    enabled: alarmNames.length > 0,
    refetchInterval: interval,
    refetchIntervalInBackground: true,
  });

  const memory = useRef(new Map<string, AlarmMemory>());
  const evaluations = useMemo(() => {
    const out: Record<string, KpiEvaluation> = {};
    const fetched = series.data;
    if (!fetched) return out;
    for (const kpi of view.kpis) {
      const previous = memory.current.get(kpi.id);
      const evaluation = evaluateFetchedKpi(kpi, {
        report: fetched.report,
        now: fetched.now,
        format: (value) => formatValue(value, kpi.unit, kpi.currency ? { currency: kpi.currency } : {}),
        ...(alarms.data ? { alarms: alarms.data } : {}),
        ...(alarms.error ? { alarmsError: alarms.error.message } : {}),
        ...(previous ? { previous } : {}),
      });
      memory.current.set(kpi.id, evaluation.memory);
      out[kpi.id] = evaluation;
    }
    return out;
  }, [series.data, alarms.data, alarms.error, view.kpis]);

  const outcomes = useMemo(
    () => view.outcomes.map((outcome) => rollUpOutcome(outcome, evaluations)),
    [view.outcomes, evaluations],
  );

  return { series, alarms, evaluations, outcomes };
}
