import { Link } from '@tanstack/react-router';
import { type CSSProperties, type ReactElement, type ReactNode, useMemo, useRef } from 'react';
import { ErrorTile } from '../../components/error-tile';
import { KpiTile } from '../../components/kpi-tile';
import { StaleBadge } from '../../components/stale-badge';
import { StatusBadge } from '../../components/status-badge';
import { type Board, useBoard } from '../../data/react/use-board';
import { findDashboard, useCatalog } from '../../data/react/use-catalog';
import { useNow } from '../../data/react/use-now';
import { useRefreshBill } from '../../data/react/use-refresh-bill';
import type { KpiTileView, OutcomeView } from '../../domain/board/board-types';
import { entryId } from '../../domain/board/build-board';
import { describeBill } from '../../domain/cost/cost';
import { formatInstantIn } from '../../domain/format/format-time';
import { type ConfigError, formatConfigError } from '../../domain/kpi/config-error';
import type { LoadedDashboard } from '../../domain/kpi/parse-result';
import type { Kpi } from '../../domain/kpi/schema';
import { resolveVariables } from '../../domain/kpi/variables';
import { worstStatus } from '../../domain/risk';
import type { TimeWindow } from '../../domain/series';
import { resolveRange, type TimeRange } from '../../domain/time/range';
import { toViewRange } from '../../domain/time/view-range';
import { arrangeTiles } from './arrange-tiles';
import { DashboardHeader, neighbourRange, type RefreshState } from './dashboard-header';
import { useDeskShortcuts } from './desk-shortcuts';
import { useDocumentStatus } from './document-status';
import { useSteadyTiles } from './steady-tiles';
import { useTilesNearViewport } from './use-tiles-near-viewport';
import './tile-link.css';
import './tile-placeholder.css';
import { refreshTimeoutMs } from '../../data/react/refresh-timeout';
import { siteProblems } from '../../data/react/site-problems';

export interface DashboardViewState {
  /** As the route decoded it from the address; absent means the dashboard's own timeRange. */
  range?: TimeRange;
  tz?: 'local' | 'utc';
  variables: Record<string, string>;
  /** Text filter on KPI titles and ids. */
  q?: string;
  /** Tile order within each outcome: as in the file (absent), worst status first, or by title. */
  sort?: 'status' | 'title';
}

interface DashboardPageProps extends DashboardViewState {
  dashboardId: string;
  /** URL parameters that were present but unusable, in words. */
  ignoredParams: string[];
  onViewChange: (next: DashboardViewState) => void;
  /** The control on each tile that opens its drill-down (click, Enter or Space). */
  kpiLink?: (kpi: Kpi) => ReactNode;
  /** Share, saved views, export: supplied by the app so features stay apart; given the window on screen. */
  headerActions?: (screen: { window?: TimeWindow }) => ReactNode;
  /** Shown above the dashboard, e.g. "this dashboard came from a link". */
  banner?: ReactNode;
}

/** A dashboard by id: loads the catalog, then shows the dashboard, its config errors, or why there is none. */
export function DashboardPage(props: DashboardPageProps): ReactElement {
  const catalog = useCatalog();
  if (catalog.isPending) {
    return (
      <main className="page" aria-busy="true">
        <p aria-live="polite">Loading dashboard…</p>
      </main>
    );
  }
  // A failed background re-read keeps the last good list on screen; only a first load that failed stops here.
  if (!catalog.data) {
    return (
      <main className="page">
        <p className="notice notice-error" role="alert">
          Could not load dashboards: {catalog.error.message}
        </p>
      </main>
    );
  }
  const entry = findDashboard(catalog.data, props.dashboardId);
  if (!entry) {
    return (
      <main className="page">
        <h1 className="page-title">No dashboard called “{props.dashboardId}”</h1>
        <p>
          It is not listed in dashboards/index.yaml. <Link to="/">See all dashboards</Link>.
        </p>
      </main>
    );
  }
  if (!entry.ok) {
    return (
      <main className="page">
        <h1 className="page-title">{entry.title ?? entry.file}</h1>
        <ConfigErrors title={`${entry.file} could not be loaded`} errors={entry.errors} tone="error" />
      </main>
    );
  }
  const problems = siteProblems(catalog, entry.file);
  const banner = (
    <>
      {props.banner}
      {problems.length > 0 && (
        <p className="notice notice-warning" role="status">
          {problems.join('. ')}
        </p>
      )}
    </>
  );
  // Keyed by dashboard: another one starts with nothing near and nothing held, as on a first visit.
  return (
    <DashboardView
      key={entry.dashboard.id}
      {...props}
      banner={banner}
      dashboard={entry.dashboard}
      warnings={entry.warnings}
    />
  );
}

function ConfigErrors(props: {
  title: string;
  errors: ConfigError[];
  tone: 'error' | 'warning';
}): ReactElement {
  return (
    <div className={`notice notice-${props.tone}`} role={props.tone === 'error' ? 'alert' : 'status'}>
      <strong>{props.title}</strong>
      <ul>
        {props.errors.map((error) => (
          <li key={formatConfigError(error)}>
            <code>{formatConfigError(error)}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface DashboardViewProps extends DashboardPageProps {
  dashboard: LoadedDashboard;
  warnings: ConfigError[];
}

/** How often a desk page re-reads the clock for ages and staleness. */
const AGE_TICK_MS = 15_000;

function refreshState(data: Board): { state: RefreshState; message?: string } {
  const query = data.series;
  if (query.isError || (query.failureCount > 0 && query.isFetching) || data.freshness.state === 'stale') {
    // A refresh still waiting for its answer has no error yet; the board's freshness says what is wrong.
    const message = (query.error ?? query.failureReason)?.message ?? data.freshness.problem;
    return { state: 'failing', ...(message ? { message } : {}) };
  }
  if (query.isPending) return { state: 'loading' };
  if (data.board.health.problems.length > 0) {
    return { state: 'partial', message: data.board.health.problems.join('. ') };
  }
  if (query.isFetching) return { state: 'refreshing' };
  return { state: 'idle' };
}

/** A loaded dashboard: from the site's catalog, or an ad-hoc one that arrived in a link. */
export function DashboardView(props: DashboardViewProps): ReactElement {
  const { dashboard } = props;
  const range = useMemo(
    () => toViewRange(props.range, dashboard.timeRange, { timeZone: props.tz ?? 'local' }),
    [props.range, dashboard.timeRange, props.tz],
  );
  const now = useNow(AGE_TICK_MS);
  const resolved = resolveVariables(dashboard, props.variables);
  // Only the tiles within half a screen of the viewport (and what the outcomes roll up) are fetched, judged
  // and drawn; the others are light placeholders until a scroll brings them near. Sorting by status needs
  // every verdict, so it fetches and judges them all.
  const tilesRef = useRef<HTMLDivElement>(null);
  const { near, ready, tileHeight } = useTilesNearViewport(tilesRef, props.sort !== 'status');
  const data = useBoard(
    {
      dashboard,
      range,
      variables: props.variables,
      now,
      tz: props.tz ?? 'local',
      // Only those are fetched too, and the rest as a scroll brings them near: a long page asks for what
      // it draws. Nothing is asked before the first layout says what is near.
      ...(near ? { shown: near, fetchShownOnly: true, holdFetch: !ready } : {}),
    },
    // As on the wall: a refresh that hangs is abandoned after half an interval (10–30 s) and retried.
    { timeoutMs: refreshTimeoutMs(dashboard.refresh) },
  );
  const { board } = data;
  // The steady state a screen pays, known from the first refresh, and what the first load cost.
  const bill = useRefreshBill(dashboard.id);
  const cost = bill
    ? describeBill({ ...bill, refreshSeconds: dashboard.refresh, region: dashboard.region })
    : undefined;
  const outcomesAtRisk = board.outcomes.filter(
    (o) => o.status === 'at-risk' || o.status === 'breached',
  ).length;
  const worst = data.series.data
    ? worstStatus(board.outcomes.flatMap((o) => (o.status === 'pending' ? [] : [o.status])))
    : undefined;
  useDocumentStatus(dashboard.title, outcomesAtRisk, worst);

  const ignored = [...props.ignoredParams, ...resolved.dropped.map((d) => `${d.name}: ${d.reason}`)];
  const lastUpdated = data.lastSuccessAt
    ? formatInstantIn(data.lastSuccessAt, props.tz ?? 'local')
    : undefined;
  const refresh = refreshState(data);
  const tileById = useSteadyTiles(board.tiles);
  const entryById = useMemo(
    () => new Map(dashboard.kpis.map((entry) => [entryId(entry), entry])),
    [dashboard.kpis],
  );
  // One link element per KPI, kept while the dashboard and the link maker are the same: with the steady
  // tiles, a render for a scroll or a clock tick leaves every unchanged placeholder alone (a tile drawn in
  // full has a new series each time, and is drawn again).
  const { kpiLink } = props;
  const links = useMemo(
    () =>
      new Map(
        dashboard.kpis.flatMap((entry) => (entry.ok && kpiLink ? [[entry.kpi.id, kpiLink(entry.kpi)]] : [])),
      ),
    [dashboard.kpis, kpiLink],
  );

  const renderTile = (tile: KpiTileView): ReactElement => {
    const entry = entryById.get(tile.id);
    if (tile.errors || !entry?.ok) {
      return <ErrorTile key={`invalid-${tile.id}`} title={tile.title} messages={tile.errors ?? []} />;
    }
    return (
      <KpiTile
        key={tile.id}
        model={tile}
        actions={links.get(tile.id)}
        offScreen={near !== undefined && !near.has(tile.id)}
      />
    );
  };
  const arrange = (ids: readonly string[]): KpiTileView[] =>
    arrangeTiles(
      ids.flatMap((id) => tileById.get(id) ?? []),
      props.q,
      props.sort,
    );
  const view: DashboardViewState = {
    variables: props.variables,
    ...(props.range ? { range: props.range } : {}),
    ...(props.tz ? { tz: props.tz } : {}),
    ...(props.q ? { q: props.q } : {}),
    ...(props.sort ? { sort: props.sort } : {}),
  };

  useDeskShortcuts({
    refresh: () => {
      void data.series.refetch();
      void data.alarms.refetch();
    },
    stepRange: (by) => {
      const next = neighbourRange(range.range, by);
      if (next) props.onViewChange({ ...view, range: next });
    },
    focusFilter: () => document.querySelector<HTMLInputElement>('input.kpi-filter')?.focus(),
  });

  return (
    <main className="page" aria-busy={data.series.isPending}>
      {props.banner}
      <DashboardHeader
        title={dashboard.title}
        {...(dashboard.description ? { description: dashboard.description } : {})}
        range={range.range}
        variables={dashboard.variables}
        values={resolved.values}
        shown={board.variables}
        {...(lastUpdated ? { lastUpdated } : {})}
        {...(cost ? { cost } : {})}
        refresh={refresh}
        onRangeChange={(next) => props.onViewChange({ ...view, range: next })}
        onVariableChange={(name, value) =>
          props.onViewChange({ ...view, variables: { ...props.variables, [name]: value } })
        }
        filter={props.q ?? ''}
        sort={props.sort}
        onFilterChange={(q) => props.onViewChange({ ...view, q: q || undefined })}
        onSortChange={(sort) => props.onViewChange({ ...view, sort })}
        actions={props.headerActions?.({
          ...(data.series.data ? { window: resolveRange(range.range, data.series.data.now) } : {}),
        })}
      />
      {ignored.length > 0 && (
        <div className="notice notice-warning" role="status">
          Some settings in the address were ignored:
          <ul>
            {ignored.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      {props.warnings.length > 0 && (
        <ConfigErrors title="This dashboard file has problems" errors={props.warnings} tone="warning" />
      )}
      {refresh.state === 'failing' && data.series.data && (
        <p className="notice notice-error" role="alert">
          Showing data from {lastUpdated}: the latest refresh failed. {refresh.message}
        </p>
      )}
      {data.series.isError && !data.series.data && (
        <p className="notice notice-error" role="alert">
          Could not fetch metrics: {data.series.error.message}
        </p>
      )}
      {/* Outcomes share rows, each as wide as its tiles need, so the grid fills the width at 1280–2560. */}
      <div
        className="outcomes"
        ref={tilesRef}
        {...(tileHeight ? { style: { '--placeholder-height': `${tileHeight}px` } as CSSProperties } : {})}
      >
        {board.outcomes.map((outcome) => {
          const tiles = arrange(outcome.kpis);
          return (
            <OutcomeSection key={outcome.key} outcome={outcome} tiles={tiles.length}>
              {tiles.map(renderTile)}
            </OutcomeSection>
          );
        })}
        {board.ungrouped.length > 0 && (
          <OutcomeSection
            title={dashboard.outcomes.length > 0 ? 'Other KPIs' : 'KPIs'}
            tiles={arrange(board.ungrouped).length}
          >
            {arrange(board.ungrouped).map(renderTile)}
          </OutcomeSection>
        )}
      </div>
      <p className="desk-keys">
        Keys: <kbd>[</kbd> <kbd>]</kbd> shorter or longer range · <kbd>r</kbd> refresh now · <kbd>/</kbd>{' '}
        filter KPIs · <kbd>Tab</kbd> to a tile, <kbd>Enter</kbd> opens it · <kbd>Alt</kbd>+<kbd>←</kbd> back
      </p>
    </main>
  );
}

function OutcomeSection(props: {
  outcome?: OutcomeView;
  title?: string;
  /** How many tiles it shows: its share of a row (styles.css, .outcome). */
  tiles: number;
  children: ReactNode;
}): ReactElement {
  const title = props.outcome?.title ?? props.title ?? '';
  const headingId = `outcome-${title.replace(/\W+/g, '-').toLowerCase()}`;
  const outcome = props.outcome;
  const shown = outcome && outcome.status !== 'pending';
  return (
    <section
      className="outcome"
      aria-labelledby={headingId}
      style={{ '--tiles': Math.max(1, props.tiles) } as CSSProperties}
    >
      <div className="outcome-head">
        <h2 className="outcome-title" id={headingId}>
          {title}
        </h2>
        {shown &&
          (outcome.staleAge ? (
            <StaleBadge age={outcome.staleAge} />
          ) : (
            <StatusBadge status={outcome.status} />
          ))}
        {shown && outcome.reason && <p className="outcome-reason">{outcome.reason}</p>}
      </div>
      <div className="tile-grid">{props.children}</div>
    </section>
  );
}
