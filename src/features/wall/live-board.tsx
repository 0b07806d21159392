import { type ReactElement, useCallback, useEffect, useMemo, useState } from 'react';
import { useBoard } from '../../data/react/use-board';
import { useNow } from '../../data/react/use-now';
import type { LoadedDashboard } from '../../domain/kpi/parse-result';
import { toViewRange } from '../../domain/time/view-range';
import type { WallSearch } from '../../url/view-state';
import { WallBoardView } from './components/wall-board-view';
import { WallHeader } from './components/wall-header';
import { useBreachMemory } from './hooks/use-breach-memory';
import { sortWallOutcomes } from './model/wall-outcomes';
import { buildWallTiles } from './model/wall-tiles';

/** How often the board re-reads the clock for ages and staleness (the clock itself ticks every second). */
const AGE_TICK_MS = 5000;
/** A hung refresh is abandoned after half an interval, but never sooner than this nor later than that. */
const MIN_TIMEOUT_MS = 10_000;
const MAX_TIMEOUT_MS = 30_000;
/** A board not on screen judges only what its outcomes roll up. */
const NOTHING_SHOWN: ReadonlySet<string> = new Set();

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
  const range = useMemo(
    () => toViewRange(search.range, dashboard.timeRange, { timeZone: search.tz }),
    [search.range, dashboard.timeRange, search.tz],
  );
  const refreshMs = dashboard.refresh * 1000;
  const now = useNow(props.active ? AGE_TICK_MS : null);
  // The KPIs on the current page, as the grid last laid them out: only those (and what the outcomes roll
  // up) are judged and drawn. Sorting by status needs every verdict, so it judges them all.
  const [pageIds, setPageIds] = useState('');
  const onShown = useCallback((ids: readonly string[]) => setPageIds(ids.join('\n')), []);
  const pageSet = useMemo(() => new Set(pageIds ? pageIds.split('\n') : []), [pageIds]);
  const shown = !props.active ? NOTHING_SHOWN : search.sort === 'status' ? undefined : pageSet;
  const data = useBoard(
    {
      dashboard,
      range,
      variables: search.variables,
      now,
      tz: search.tz,
      ...(shown ? { shown } : {}),
    },
    // A refresh that hangs is abandoned after half an interval (10–30 s) and retried, so a hang that clears
    // is over, back-off included, within one interval of 20 s or more; 'always' keeps trying even when the
    // browser wrongly believes it is offline.
    {
      timeoutMs: Math.min(Math.max(refreshMs / 2, MIN_TIMEOUT_MS), MAX_TIMEOUT_MS),
      networkMode: 'always',
    },
  );
  const kpiIds = useMemo(() => dashboard.kpis.flatMap((e) => (e.ok ? [e.kpi.id] : [])), [dashboard.kpis]);
  const breaches = useBreachMemory(data.evaluations, kpiIds);
  const { board, freshness, series } = data;

  const atRisk = board.outcomes.filter((o) => o.status === 'at-risk' || o.status === 'breached').length;
  useEffect(() => {
    if (props.active)
      document.title = `${atRisk > 0 && series.data ? `(${atRisk}) ` : ''}${dashboard.title} — Bellwether wall`;
  }, [props.active, atRisk, dashboard.title, series.data]);

  if (!props.active) return null;
  const tiles = buildWallTiles({
    tiles: board.tiles,
    breaches,
    now,
    ...(search.sort ? { sort: search.sort } : {}),
    ...(search.q ? { filter: search.q } : {}),
  });
  return (
    <>
      <WallHeader
        title={dashboard.title}
        {...(props.position ? { position: props.position } : {})}
        tz={search.tz}
        freshness={freshness}
        variables={board.variables}
        problems={board.health.problems}
        {...(data.lastSuccessAt > 0 ? { lastSuccessAt: data.lastSuccessAt } : {})}
      />
      <WallBoardView
        outcomes={sortWallOutcomes(board.outcomes, search.sort)}
        tiles={tiles}
        page={props.page}
        {...(search.tilesPerPage === undefined ? {} : { maxPerPage: search.tilesPerPage })}
        onPages={props.onPages}
        onShown={onShown}
      />
    </>
  );
}
