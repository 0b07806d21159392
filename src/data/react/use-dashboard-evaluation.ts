import {
  hashKey,
  keepPreviousData,
  type NetworkMode,
  type QueryKey,
  type UseQueryResult,
  useQuery,
} from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
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
import { answeredEntry, failedEntry } from '../usage-log';
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
  /**
   * The KPIs a screen shows now (a paged wall: its current page). When given, only these and the KPIs the
   * outcomes roll up are judged; the rest are judged when they come on screen. All of them when absent.
   */
  shown?: ReadonlySet<string>;
  /**
   * Fetch only what the screen shows (`shown`), what the outcomes roll up and what this view fetched
   * before, as a long desk page does; the rest is asked when it comes near. Every KPI when absent.
   */
  fetchShownOnly?: boolean;
  /** Ask nothing yet: the screen does not know what it shows (its first layout has not been observed). */
  holdFetch?: boolean;
}

export interface FetchedSeries {
  report: FetchReport;
  /** The instant the requests were built for. */
  now: number;
  /** The KPIs whose requests this fetch sent, by id; every KPI of the key when absent. */
  fetched?: readonly string[];
}

/**
 * The KPIs a fetch asks for: what the screen wants (every KPI when undefined) and what the entry held
 * before, so a page scrolled once keeps what it drew live. Undefined when that is every KPI.
 */
export function kpisToFetch(
  kpis: readonly Kpi[],
  wanted: ReadonlySet<string> | undefined,
  before: FetchedSeries | undefined,
): readonly string[] | undefined {
  if (wanted === undefined || (before !== undefined && before.fetched === undefined)) return undefined;
  const held = new Set(before?.fetched);
  const ids = kpis.flatMap((kpi) => (wanted.has(kpi.id) || held.has(kpi.id) ? [kpi.id] : []));
  return ids.length === kpis.length ? undefined : ids;
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

/** The KPI definitions of a key as text, worked out once per array: the key is hashed on every render. */
const kpisText = new WeakMap<object, string>();

/** React Query's hash of a series key, with its KPI definitions (hundreds on a big wall) stringified once. */
function hashSeriesKey(key: QueryKey): string {
  return hashKey(
    key.map((part) => {
      if (!Array.isArray(part)) return part;
      let text = kpisText.get(part);
      if (text === undefined) {
        text = hashKey(part);
        kpisText.set(part, text);
      }
      return text;
    }),
  );
}

/** One KPI's verdict and what it was reached from, so the same inputs are never judged twice. */
interface JudgedKpi {
  kpi: Kpi;
  fetched: FetchedSeries;
  variables: VariableValues;
  alarms: readonly AlarmState[] | undefined;
  alarmsError: string | undefined;
  evaluation: KpiEvaluation;
}

/** The KPIs the outcomes roll up: judged whatever the screen shows, so every roll-up is whole. */
function rolledUp(outcomes: readonly Outcome[]): Set<string> {
  return new Set(outcomes.flatMap((outcome) => outcome.kpis));
}

export interface DashboardEvaluation {
  series: UseQueryResult<FetchedSeries>;
  /** The KPIs the series hold, by id; every KPI when undefined. */
  held: ReadonlySet<string> | undefined;
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

  const needed = useMemo(() => rolledUp(view.outcomes), [view.outcomes]);
  const shownKey = view.shown ? [...view.shown].sort().join('\n') : undefined;
  const lazy = view.fetchShownOnly === true && view.shown !== undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the shown KPIs are keyed by their ids.
  const wanted = useMemo(
    () => (lazy ? new Set([...(view.shown ?? []), ...needed]) : undefined),
    [lazy, shownKey, needed],
  );
  // Read when a fetch starts, so an interval tick asks for what the screen shows then.
  const wantedRef = useRef(wanted);
  wantedRef.current = wanted;

  const series = useQuery({
    queryKey: queryKeys.series({ ...view, range: view.range.text }),
    queryKeyHashFn: hashSeriesKey,
    queryFn: async ({ signal, client, queryKey }): Promise<FetchedSeries> => {
      const now = Date.now();
      const window = resolveRange(view.range.range, now);
      // By its own hash: the key is hashed by hashSeriesKey, which getQueryData would not use.
      const before = client.getQueryCache().get<FetchedSeries>(hashSeriesKey(queryKey))?.state.data;
      const fetched = kpisToFetch(view.kpis, wantedRef.current, before);
      // Asked for KPIs the entry did not hold: a scroll's, not a refresh's, metrics (kept out of the bill's mean).
      const widened =
        before?.fetched !== undefined && (fetched?.length ?? view.kpis.length) > before.fetched.length;
      const fetchedIds = fetched && new Set(fetched);
      const kpis = fetchedIds ? view.kpis.filter((kpi) => fetchedIds.has(kpi.id)) : view.kpis;
      const requests = buildDashboardRequests(kpis, {
        region: view.region,
        variables: view.variables,
        window,
        now,
      });
      const started = Date.now();
      try {
        const context = { dashboardId: view.dashboardId, variables: view.variables };
        const report = await withTimeout(signal, options.timeoutMs, (s) =>
          source.fetchSeries(requests, s, context),
        );
        usage.record(view.dashboardId, {
          ...answeredEntry(started, Date.now(), [report]),
          ...(widened ? { widened: true } : {}),
        });
        usage.describe(view.dashboardId, {
          kpis,
          region: view.region,
          variables: view.variables,
          range: view.range.range,
          refreshSeconds: view.refreshSeconds,
        });
        // Series the relay fetched earlier are judged as of the instant it fetched them for.
        return { report, now: report.relayed?.now ?? now, ...(fetched ? { fetched } : {}) };
      } catch (error) {
        if (!signal.aborted || error instanceof RefreshTimeoutError) {
          usage.record(view.dashboardId, failedEntry(started, Date.now(), error));
        }
        throw error;
      }
    },
    enabled: view.kpis.length > 0 && view.holdFetch !== true,
    // Fresh until the next tick: another screen of the same board (the front page, then the desk; the
    // desk, then a drill-down) mounting on this data asks CloudWatch for nothing more.
    staleTime: interval,
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
          [...byRegion.entries()].map(([region, names]) =>
            source.describeAlarms(region, names, s, {
              dashboardId: view.dashboardId,
              variables: view.variables,
            }),
          ),
        ),
      );
      return lists.flat();
    },
    enabled: alarmNames.length > 0,
    staleTime: interval,
    refetchInterval,
    refetchIntervalInBackground: true,
    ...(options.networkMode ? { networkMode: options.networkMode } : {}),
  });

  // A KPI wanted and not held is asked for now, with what the entry already holds: one that came near on a
  // long page, or every KPI for a screen that wants them all (a wall, or a sort by status, after the desk).
  const held = useMemo(() => series.data?.fetched && new Set(series.data.fetched), [series.data]);
  const settled = series.status === 'success' && !series.isPlaceholderData;
  const missing = useMemo(
    () =>
      settled &&
      held !== undefined &&
      view.kpis.some((kpi) => (wanted === undefined || wanted.has(kpi.id)) && !held.has(kpi.id)),
    [settled, wanted, held, view.kpis],
  );
  const { refetch, isFetching } = series;
  useEffect(() => {
    if (missing && !isFetching) void refetch();
  }, [missing, isFetching, refetch]);

  const memory = useRef(new Map<string, AlarmMemory>());
  const judged = useRef(new Map<string, JudgedKpi>());
  // biome-ignore lint/correctness/useExhaustiveDependencies: the shown KPIs are keyed by their ids.
  const evaluations = useMemo(() => {
    const out: Record<string, KpiEvaluation> = {};
    const fetched = series.data;
    if (!fetched) return out;
    // KPIs removed from the file since the last evaluation are forgotten, so a wall's memory stays the size
    // of its dashboard however often the file changes over weeks.
    const current = new Set(view.kpis.map((kpi) => kpi.id));
    for (const id of memory.current.keys()) if (!current.has(id)) memory.current.delete(id);
    for (const id of judged.current.keys()) if (!current.has(id)) judged.current.delete(id);
    const alarmsError = alarms.error?.message;
    for (const kpi of view.kpis) {
      if (view.shown && !view.shown.has(kpi.id) && !needed.has(kpi.id)) continue;
      // Not asked yet (a long page fetches what comes near): pending until its answer.
      if (held && !held.has(kpi.id)) continue;
      // A KPI names no alarm: the alarms' answer cannot change its verdict.
      const withAlarms = (kpi.alarms?.length ?? 0) > 0;
      const before = judged.current.get(kpi.id);
      if (
        before &&
        before.kpi === kpi &&
        before.fetched === fetched &&
        before.variables === view.variables &&
        (!withAlarms || (before.alarms === alarms.data && before.alarmsError === alarmsError))
      ) {
        out[kpi.id] = before.evaluation;
        continue;
      }
      const previous = memory.current.get(kpi.id);
      const evaluation = evaluateFetchedKpi(kpi, {
        report: fetched.report,
        now: fetched.now,
        variables: view.variables,
        format: kpiFormat(kpi),
        ...(alarms.data ? { alarms: alarms.data } : {}),
        ...(alarmsError !== undefined ? { alarmsError } : {}),
        ...(previous ? { previous } : {}),
      });
      memory.current.set(kpi.id, evaluation.memory);
      judged.current.set(kpi.id, {
        kpi,
        fetched,
        variables: view.variables,
        alarms: alarms.data,
        alarmsError,
        evaluation,
      });
      out[kpi.id] = evaluation;
    }
    return out;
  }, [series.data, held, alarms.data, alarms.error, view.kpis, view.variables, needed, shownKey]);

  const outcomes = useMemo(
    () => view.outcomes.map((outcome) => rollUpOutcome(outcome, evaluations)),
    [view.outcomes, evaluations],
  );

  return { series, held, alarms, evaluations, outcomes };
}
