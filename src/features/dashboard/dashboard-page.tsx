import { Link } from '@tanstack/react-router';
import { type ReactElement, type ReactNode, useMemo } from 'react';
import { ErrorTile } from '../../components/error-tile';
import { KpiTile } from '../../components/kpi-tile';
import { StatusBadge } from '../../components/status-badge';
import { findDashboard, useCatalog } from '../../data/react/use-catalog';
import { useDashboardEvaluation } from '../../data/react/use-dashboard-evaluation';
import { type ConfigError, formatConfigError } from '../../domain/kpi/config-error';
import type { KpiEntry, LoadedDashboard } from '../../domain/kpi/parse-result';
import type { Kpi } from '../../domain/kpi/schema';
import { resolveVariables } from '../../domain/kpi/variables';
import { type OutcomeEvaluation, worstStatus } from '../../domain/risk';
import type { TimeWindow } from '../../domain/series';
import { describeRange, parseRange, resolveRange } from '../../domain/time/range';
import { arrangeEntries } from './arrange-entries';
import { DashboardHeader, type RefreshState } from './dashboard-header';
import { useDocumentStatus } from './document-status';
import { buildTileModel } from './tile-model';
import './tile-link.css';

export interface DashboardViewState {
  range?: string;
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
  return <DashboardView {...props} dashboard={entry.dashboard} warnings={entry.warnings} />;
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

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

function refreshState(query: ReturnType<typeof useDashboardEvaluation>['series']): {
  state: RefreshState;
  message?: string;
} {
  if (query.isError || (query.failureCount > 0 && query.isFetching)) {
    const error = query.error ?? query.failureReason;
    return { state: 'failing', ...(error ? { message: error.message } : {}) };
  }
  if (query.isPending) return { state: 'loading' };
  if (query.isFetching) return { state: 'refreshing' };
  return { state: 'idle' };
}

/** A loaded dashboard: from the site's catalog, or an ad-hoc one that arrived in a link. */
export function DashboardView(props: DashboardViewProps): ReactElement {
  const { dashboard } = props;
  const range = props.range ?? dashboard.timeRange;
  const parsedRange = parseRange(range);
  const rangeWords = parsedRange.ok ? describeRange(parsedRange.range) : range;
  const resolved = resolveVariables(dashboard, props.variables);
  const validKpis = useMemo(
    () => dashboard.kpis.flatMap((entry): Kpi[] => (entry.ok ? [entry.kpi] : [])),
    [dashboard.kpis],
  );
  const data = useDashboardEvaluation({
    dashboardId: dashboard.id,
    region: dashboard.region,
    refreshSeconds: dashboard.refresh,
    range,
    variables: resolved.values,
    kpis: validKpis,
    outcomes: dashboard.outcomes,
  });
  const outcomesAtRisk = data.outcomes.filter(
    (o) => o.status === 'at-risk' || o.status === 'breached',
  ).length;
  const worst = data.series.data ? worstStatus(data.outcomes.map((o) => o.status)) : undefined;
  useDocumentStatus(dashboard.title, outcomesAtRisk, worst);

  const ignored = [...props.ignoredParams, ...resolved.dropped.map((d) => `${d.name}: ${d.reason}`)];
  const lastUpdated = data.series.dataUpdatedAt ? timeFormat.format(data.series.dataUpdatedAt) : undefined;
  const refresh = refreshState(data.series);
  const grouped = new Set(dashboard.outcomes.flatMap((o) => o.kpis));
  const ungrouped = dashboard.kpis.filter((entry) => !grouped.has(entryId(entry)));

  const renderEntry = (entry: KpiEntry): ReactElement => {
    if (!entry.ok) {
      const title = entry.title ?? entry.id ?? `KPI #${entry.index + 1}`;
      return (
        <ErrorTile
          key={`invalid-${entry.index}`}
          title={title}
          messages={entry.errors.map(formatConfigError)}
        />
      );
    }
    const model = buildTileModel({
      kpi: entry.kpi,
      ...(data.series.data?.report.results[entry.kpi.id]
        ? { result: data.series.data.report.results[entry.kpi.id] }
        : {}),
      ...(data.evaluations[entry.kpi.id] ? { evaluation: data.evaluations[entry.kpi.id] } : {}),
      rangeWords,
    });
    return <KpiTile key={entry.kpi.id} model={model} actions={props.kpiLink?.(entry.kpi)} />;
  };
  const entryById = new Map(dashboard.kpis.map((entry) => [entryId(entry), entry]));
  const arrange = (entries: KpiEntry[]): KpiEntry[] =>
    arrangeEntries(entries, props.q, props.sort, (id) => data.evaluations[id]?.status);
  const view: DashboardViewState = {
    variables: props.variables,
    ...(props.range ? { range: props.range } : {}),
    ...(props.tz ? { tz: props.tz } : {}),
    ...(props.q ? { q: props.q } : {}),
    ...(props.sort ? { sort: props.sort } : {}),
  };

  return (
    <main className="page" aria-busy={data.series.isPending}>
      {props.banner}
      <DashboardHeader
        title={dashboard.title}
        {...(dashboard.description ? { description: dashboard.description } : {})}
        range={range}
        variables={dashboard.variables}
        values={resolved.values}
        {...(lastUpdated ? { lastUpdated } : {})}
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
          ...(parsedRange.ok && data.series.data
            ? { window: resolveRange(parsedRange.range, data.series.data.now) }
            : {}),
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
      {dashboard.outcomes.map((outcome, i) => (
        <OutcomeSection
          key={outcome.id ?? outcome.title}
          title={outcome.title}
          {...(data.series.data && data.outcomes[i] ? { evaluation: data.outcomes[i] } : {})}
        >
          {arrange(outcome.kpis.flatMap((id) => entryById.get(id) ?? [])).map(renderEntry)}
        </OutcomeSection>
      ))}
      {ungrouped.length > 0 && (
        <OutcomeSection title={dashboard.outcomes.length > 0 ? 'Other KPIs' : 'KPIs'}>
          {arrange(ungrouped).map(renderEntry)}
        </OutcomeSection>
      )}
    </main>
  );
}

function entryId(entry: KpiEntry): string {
  return entry.ok ? entry.kpi.id : (entry.id ?? `#${entry.index}`);
}

function OutcomeSection(props: {
  title: string;
  evaluation?: OutcomeEvaluation;
  children: ReactNode;
}): ReactElement {
  const headingId = `outcome-${props.title.replace(/\W+/g, '-').toLowerCase()}`;
  const reason = props.evaluation?.reasons[0]?.message;
  return (
    <section className="outcome" aria-labelledby={headingId}>
      <div className="outcome-head">
        <h2 className="outcome-title" id={headingId}>
          {props.title}
        </h2>
        {props.evaluation && <StatusBadge status={props.evaluation.status} />}
        {reason && <p className="outcome-reason">{reason}</p>}
      </div>
      <div className="tile-grid">{props.children}</div>
    </section>
  );
}
