import { type ReactElement, useEffect, useMemo } from 'react';
import { useDashboardEvaluation } from '../../data/react/use-dashboard-evaluation';
import type { LoadedDashboard } from '../../domain/kpi/parse-result';
import type { Kpi } from '../../domain/kpi/schema';
import { resolveVariables } from '../../domain/kpi/variables';
import { describeRange, parseRange } from '../../domain/time/range';
import type { WallSearch } from '../../url/wall-search';
import { WallBoardView } from './components/wall-board-view';
import { WallHeader } from './components/wall-header';
import { useBreachMemory } from './hooks/use-breach-memory';
import { useNow } from './hooks/use-now';
import { useSince } from './hooks/use-since';
import { assessFreshness } from './model/freshness';
import { buildWallOutcomes } from './model/wall-outcomes';
import { buildWallTiles } from './model/wall-tiles';

/** How often the board re-reads the clock for ages and staleness (the clock itself ticks every second). */
const AGE_TICK_MS = 5000;
/** A hung refresh is abandoned after half an interval, but never sooner than this nor later than that. */
const MIN_TIMEOUT_MS = 10_000;
const MAX_TIMEOUT_MS = 30_000;

export interface BoardSlot {
  /** Only the board on screen renders; the others keep refreshing so they are current when they come round. */
  active: boolean;
  page: number;
  /** "Board 1 of 2", when there is more than one. */
  position?: string;
  onPages: (pages: number) => void;
}

interface LiveBoardProps extends BoardSlot {
  dashboard: LoadedDashboard;
  search: WallSearch;
}

/**
 * One dashboard on the wall: refreshes at the dashboard's interval whether on screen or not, keeps the last
 * good data through faults, and turns its age, failures and new breaches into what the wall shows.
 */
export function LiveBoard(props: LiveBoardProps): ReactElement | null {
  const { dashboard, search } = props;
  const range = search.range ?? dashboard.timeRange;
  const parsedRange = parseRange(range);
  const variables = resolveVariables(dashboard, search.variables).values;
  const kpis = useMemo(() => dashboard.kpis.flatMap((e): Kpi[] => (e.ok ? [e.kpi] : [])), [dashboard.kpis]);
  const refreshMs = dashboard.refresh * 1000;
  const data = useDashboardEvaluation(
    {
      dashboardId: dashboard.id,
      region: dashboard.region,
      refreshSeconds: dashboard.refresh,
      range,
      variables,
      kpis,
      outcomes: dashboard.outcomes,
    },
    // A refresh that hangs is abandoned after half an interval (10–30 s) and retried, so a hang that clears
    // is over, back-off included, within one interval of 20 s or more; 'always' keeps trying even when the
    // browser wrongly believes it is offline.
    {
      timeoutMs: Math.min(Math.max(refreshMs / 2, MIN_TIMEOUT_MS), MAX_TIMEOUT_MS),
      networkMode: 'always',
    },
  );
  const breaches = useBreachMemory(data.evaluations);
  const fetchingSince = useSince(data.series.isFetching);
  const now = useNow(props.active ? AGE_TICK_MS : null);

  const { series, alarms } = data;
  const failed =
    series.isError || series.failureCount > 0
      ? series
      : alarms.isError || alarms.failureCount > 0
        ? alarms
        : undefined;
  const failure = failed ? (failed.failureReason ?? failed.error) : null;
  const failingSince = useSince(failure !== null);
  const freshness = assessFreshness({
    now: Math.max(now, series.dataUpdatedAt),
    refreshMs,
    ...(series.dataUpdatedAt > 0 ? { lastSuccessAt: series.dataUpdatedAt } : {}),
    ...(failure
      ? {
          failure: {
            message: failure.message,
            ...(failingSince === undefined ? {} : { since: failingSince }),
          },
        }
      : {}),
    ...(fetchingSince === undefined ? {} : { fetchingSince }),
    ...(failure && typeof navigator !== 'undefined' && navigator.onLine === false ? { offline: true } : {}),
  });

  const atRisk = data.outcomes.filter((o) => o.status === 'at-risk' || o.status === 'breached').length;
  useEffect(() => {
    if (props.active)
      document.title = `${atRisk > 0 && series.data ? `(${atRisk}) ` : ''}${dashboard.title} — Bellwether wall`;
  }, [props.active, atRisk, dashboard.title, series.data]);

  if (!props.active) return null;
  const tiles = buildWallTiles({
    dashboard,
    ...(series.data ? { results: series.data.report.results } : {}),
    evaluations: data.evaluations,
    freshness,
    breaches,
    now,
    rangeWords: parsedRange.ok ? describeRange(parsedRange.range) : range,
    ...(search.sort ? { sort: search.sort } : {}),
    ...(search.q ? { filter: search.q } : {}),
  });
  const outcomes = buildWallOutcomes(
    dashboard.outcomes,
    series.data ? data.outcomes : undefined,
    freshness,
    search.sort,
  );
  return (
    <>
      <WallHeader
        title={dashboard.title}
        {...(props.position ? { position: props.position } : {})}
        tz={search.tz}
        freshness={freshness}
        {...(series.dataUpdatedAt > 0 ? { lastSuccessAt: series.dataUpdatedAt } : {})}
      />
      <WallBoardView
        outcomes={outcomes}
        tiles={tiles}
        page={props.page}
        {...(search.tilesPerPage === undefined ? {} : { maxPerPage: search.tilesPerPage })}
        onPages={props.onPages}
      />
    </>
  );
}
