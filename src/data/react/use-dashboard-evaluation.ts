import { keepPreviousData, type NetworkMode, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { kpiFormat } from '../../domain/format/kpi-format';
import type { Kpi, Outcome } from '../../domain/kpi/schema';
import type { VariableValues } from '../../domain/kpi/variables';
import {
  type AlarmMemory,
  type KpiEvaluation,
  type OutcomeEvaluation,
  rollUpOutcome,
} from '../../domain/risk';
import { resolveRange } from '../../domain/time/range';
import type { ViewRange } from '../../domain/time/view-range';
import { CloudWatchError } from '../cloudwatch/errors';
import { evaluateFetchedKpi } from '../kpi-evaluation';
import { alarmNamesByRegion, buildDashboardRequests } from '../kpi-requests';
import type { AlarmState, FetchReport } from '../metrics-source';
import { queryKeys } from '../query-keys';
import { useMetricsSource, useUsageLog } from './metrics-source-context';

export interface DashboardView {
  dashboardId: string;
  region: string;
  refreshSeconds: number;
  /** The view's range, decoded once by its route: the text keys the query, the range is fetched. */
  range: ViewRange;
  variables: VariableValues;
  kpis: readonly Kpi[];
  outcomes: readonly Outcome[];
}

export interface FetchedSeries {
  report: FetchReport;
  /** The instant the requests were built for. */
  now: number;
}

/** How a screen wants its refreshes run; the desk screens use the defaults. */
export interface EvaluationOptions {
  /**
   * Abandon a refresh that has not answered after this many milliseconds and let the retry policy try
   * again, so one hung connection cannot freeze an unattended wall. No limit when absent.
   */
  timeoutMs?: number;
  /** React Query's network mode; a wall uses 'always' so a wrong navigator.onLine cannot pause it for good. */
  networkMode?: NetworkMode;
}

/** A refresh abandoned because CloudWatch had not answered in time: retryable, like a network fault. */
class RefreshTimeoutError extends CloudWatchError {
  constructor(timeoutMs: number, cause: unknown) {
    super({
      code: 'Network',
      message: `CloudWatch did not answer within ${Math.round(timeoutMs / 1000)} s; trying again`,
      retryable: true,
      cause,
    });
  }
}

/** Runs `work` with a signal that also aborts after `timeoutMs`, and says so in words when it does. */
async function withTimeout<T>(
  signal: AbortSignal,
  timeoutMs: number | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (timeoutMs === undefined) return work(signal);
  const controller = new AbortController();
  const abort = (): void => controller.abort(signal.reason);
  signal.addEventListener('abort', abort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (!timedOut || signal.aborted) throw error;
    throw new RefreshTimeoutError(timeoutMs, error);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
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
export function useDashboardEvaluation(
  view: DashboardView,
  options: EvaluationOptions = {},
): DashboardEvaluation {
  const source = useMetricsSource();
  const usage = useUsageLog();
  const interval = view.refreshSeconds * 1000;
  // A refresh whose last attempt hung until the timeout is tried again after the rest of the interval, not
  // a whole one after the timeout, so a hang that clears is over within one interval. Other failures keep
  // the interval: an account that is throttling or failing gets no more calls than a healthy one.
  const timeoutMs = options.timeoutMs;
  const refetchInterval = (query: { state: { status: string; error: Error | null } }): number =>
    query.state.status === 'error' &&
    query.state.error instanceof RefreshTimeoutError &&
    timeoutMs !== undefined
      ? Math.max(5000, interval - timeoutMs)
      : interval;

  const series = useQuery({
    queryKey: queryKeys.series({ ...view, range: view.range.text }),
    queryFn: async ({ signal }): Promise<FetchedSeries> => {
      const now = Date.now();
      const window = resolveRange(view.range.range, now);
      const requests = buildDashboardRequests(view.kpis, {
        region: view.region,
        variables: view.variables,
        window,
        now,
      });
      const started = Date.now();
      try {
        const report = await withTimeout(signal, options.timeoutMs, (s) => source.fetchSeries(requests, s));
        usage.record(view.dashboardId, {
          at: started,
          durationMs: Date.now() - started,
          calls: report.calls,
          queries: report.queries ?? 0,
          metrics: report.metrics ?? 0,
        });
        return { report, now };
      } catch (error) {
        if (!signal.aborted || error instanceof RefreshTimeoutError) {
          const code = error instanceof CloudWatchError ? error.code : 'Unknown';
          const message = error instanceof Error ? error.message : String(error);
          usage.record(view.dashboardId, {
            at: started,
            durationMs: Date.now() - started,
            calls: 0,
            queries: 0,
            metrics: 0,
            error: { code, message },
          });
        }
        throw error;
      }
    },
    enabled: view.kpis.length > 0,
    refetchInterval,
    refetchIntervalInBackground: true,
    placeholderData: keepPreviousData,
    ...(options.networkMode ? { networkMode: options.networkMode } : {}),
  });

  const byRegion = useMemo(
    () => alarmNamesByRegion(view.kpis, view.region, view.variables),
    [view.kpis, view.region, view.variables],
  );
  const alarmNames = useMemo(() => [...byRegion.values()].flat(), [byRegion]);
  const alarms = useQuery({
    queryKey: queryKeys.alarms(byRegion),
    queryFn: async ({ signal }): Promise<AlarmState[]> => {
      const lists = await withTimeout(signal, options.timeoutMs, (s) =>
        Promise.all(
          [...byRegion.entries()].map(([region, names]) => source.describeAlarms(region, names, s)),
        ),
      );
      return lists.flat();
    },
    enabled: alarmNames.length > 0,
    refetchInterval,
    refetchIntervalInBackground: true,
    ...(options.networkMode ? { networkMode: options.networkMode } : {}),
  });

  const memory = useRef(new Map<string, AlarmMemory>());
  const evaluations = useMemo(() => {
    const out: Record<string, KpiEvaluation> = {};
    const fetched = series.data;
    if (!fetched) return out;
    // KPIs removed from the file since the last evaluation are forgotten, so a wall's memory stays the size
    // of its dashboard however often the file changes over weeks.
    const current = new Set(view.kpis.map((kpi) => kpi.id));
    for (const id of memory.current.keys()) if (!current.has(id)) memory.current.delete(id);
    for (const kpi of view.kpis) {
      const previous = memory.current.get(kpi.id);
      const evaluation = evaluateFetchedKpi(kpi, {
        report: fetched.report,
        now: fetched.now,
        variables: view.variables,
        format: kpiFormat(kpi),
        ...(alarms.data ? { alarms: alarms.data } : {}),
        ...(alarms.error ? { alarmsError: alarms.error.message } : {}),
        ...(previous ? { previous } : {}),
      });
      memory.current.set(kpi.id, evaluation.memory);
      out[kpi.id] = evaluation;
    }
    return out;
  }, [series.data, alarms.data, alarms.error, view.kpis, view.variables]);

  const outcomes = useMemo(
    () => view.outcomes.map((outcome) => rollUpOutcome(outcome, evaluations)),
    [view.outcomes, evaluations],
  );

  return { series, alarms, evaluations, outcomes };
}
