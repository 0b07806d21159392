import { useMemo } from 'react';
import type { BoardMessage, BoardView } from '../../domain/board/board-types';
import { buildBoard } from '../../domain/board/build-board';
import { assessFreshness, type Freshness } from '../../domain/board/freshness';
import type { KpiFetched } from '../../domain/board/kpi-tile-view';
import { formatTimeInWindow, type TimeZoneChoice } from '../../domain/format/format-time';
import type { LoadedDashboard } from '../../domain/kpi/parse-result';
import type { Kpi } from '../../domain/kpi/schema';
import { resolveVariables } from '../../domain/kpi/variables';
import { resolveRange } from '../../domain/time/range';
import type { ViewRange } from '../../domain/time/view-range';
import type { FetchReport } from '../metrics-source';
import {
  type DashboardEvaluation,
  type EvaluationOptions,
  useDashboardEvaluation,
} from './use-dashboard-evaluation';
import { useSince } from './use-since';

export interface BoardRequest {
  dashboard: LoadedDashboard;
  range: ViewRange;
  /** Variable values as chosen in the address; resolved against the dashboard here. */
  variables: Readonly<Record<string, string>>;
  /** The render clock (re-read by the screen on its own cadence), for ages and staleness. */
  now: number;
  /** The zone the screen shows times in: ages read "as of 18:49" in it. */
  tz: TimeZoneChoice;
  /**
   * The KPIs the screen shows now (a paged wall's current page): only these, and what the outcomes roll
   * up, are judged and laid out in full. Every KPI when absent.
   */
  shown?: ReadonlySet<string>;
  /** Fetch only the shown KPIs and what the outcomes roll up, the rest as they come near (a long desk page). */
  fetchShownOnly?: boolean;
  /** Ask nothing until the screen knows what it shows. */
  holdFetch?: boolean;
}

export interface Board extends DashboardEvaluation {
  board: BoardView;
  freshness: Freshness;
  /** When the last refresh succeeded; 0 before the first. */
  lastSuccessAt: number;
}

/** Groups one refresh's results by KPI: the view series, and every message of the KPI's requests. */
function fetchedByKpi(report: FetchReport, kpis: readonly Kpi[]): Record<string, KpiFetched> {
  const out: Record<string, KpiFetched> = {};
  const ids = new Set(kpis.map((kpi) => kpi.id));
  const groups = new Map<string, { messages: Map<string, BoardMessage>; partial: boolean }>();
  for (const [ref, result] of Object.entries(report.results)) {
    const hash = ref.indexOf('#');
    const id = hash < 0 ? ref : ref.slice(0, hash);
    if (!ids.has(id)) continue;
    const group = groups.get(id) ?? { messages: new Map(), partial: false };
    for (const message of result.messages)
      group.messages.set(`${message.code}\u0000${message.text}`, message);
    if (!result.complete) group.partial = true;
    groups.set(id, group);
  }
  for (const kpi of kpis) {
    const view = report.results[kpi.id];
    const group = groups.get(kpi.id);
    out[kpi.id] = {
      ...(view ? { view } : {}),
      messages: group ? [...group.messages.values()] : [],
      partial: group?.partial ?? false,
    };
  }
  return out;
}

/**
 * A dashboard as every screen shows it: fetched and judged at its refresh interval, with its freshness
 * (live, degraded, stale, waiting) and the board model built from both. Desk, wall and drill-down call
 * this; none of them assembles a board of its own.
 */
export function useBoard(request: BoardRequest, options: EvaluationOptions = {}): Board {
  const { dashboard, range } = request;
  const resolved = resolveVariables(dashboard, request.variables);
  const variablesKey = JSON.stringify(resolved.values);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content so a new object each render does not refetch.
  const variables = useMemo(() => resolved.values, [variablesKey]);
  const kpis = useMemo(() => dashboard.kpis.flatMap((e): Kpi[] => (e.ok ? [e.kpi] : [])), [dashboard.kpis]);
  const evaluation = useDashboardEvaluation(
    {
      dashboardId: dashboard.id,
      region: dashboard.region,
      refreshSeconds: dashboard.refresh,
      range,
      variables,
      kpis,
      outcomes: dashboard.outcomes,
      ...(request.shown ? { shown: request.shown } : {}),
      ...(request.fetchShownOnly ? { fetchShownOnly: true } : {}),
      ...(request.holdFetch ? { holdFetch: true } : {}),
    },
    options,
  );
  const { series, alarms } = evaluation;
  const fetchingSince = useSince(series.isFetching);
  const failed =
    series.isError || series.failureCount > 0
      ? series
      : alarms.isError || alarms.failureCount > 0
        ? alarms
        : undefined;
  const failure = failed ? (failed.failureReason ?? failed.error) : null;
  const failingSince = useSince(failure !== null);
  // Series served from the relay's snapshots are as old as the relay's fetch, and its faults are theirs.
  const relayed = series.data?.report.relayed;
  const lastSuccessAt = relayed ? relayed.fetchedAt : series.dataUpdatedAt;
  const freshness = assessFreshness({
    now: Math.max(request.now, lastSuccessAt),
    refreshMs: dashboard.refresh * 1000,
    ...(lastSuccessAt > 0 ? { lastSuccessAt } : {}),
    ...(failure
      ? {
          failure: {
            message: failure.message,
            ...(failingSince === undefined ? {} : { since: failingSince }),
          },
        }
      : relayed?.fault
        ? { failure: relayed.fault }
        : {}),
    ...(fetchingSince === undefined ? {} : { fetchingSince }),
    ...(failure && typeof navigator !== 'undefined' && navigator.onLine === false ? { offline: true } : {}),
  });
  const { held } = evaluation;
  const fetched = useMemo(
    () =>
      series.data
        ? fetchedByKpi(series.data.report, held ? kpis.filter((kpi) => held.has(kpi.id)) : kpis)
        : undefined,
    [series.data, held, kpis],
  );
  const alarmsError = (alarms.error ?? (alarms.failureCount > 0 ? alarms.failureReason : null))?.message;
  const board = buildBoard({
    dashboard,
    variables,
    ...(series.data ? { window: resolveRange(range.range, series.data.now) } : {}),
    rangeWords: range.words,
    ...(fetched ? { fetched } : {}),
    evaluations: evaluation.evaluations,
    ...(alarmsError !== undefined ? { alarmsError } : {}),
    freshness,
    ...(request.shown ? { shown: request.shown } : {}),
    now: request.now,
    formatClock: (ms) => formatTimeInWindow(ms, { start: ms, end: request.now }, request.tz),
  });
  return { ...evaluation, board, freshness, lastSuccessAt };
}
