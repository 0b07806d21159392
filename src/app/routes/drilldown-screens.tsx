/** The screens behind the drill-down and ad-hoc dashboard routes, loaded when first opened. */
import { Link, useLocation, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type ReactElement, useMemo } from 'react';
import { formatConfigError } from '../../domain/kpi/config-error';
import { DashboardView } from '../../features/dashboard/dashboard-page';
import { spaceActivates } from '../../features/dashboard/space-activates';
import { DrilldownById } from '../../features/drilldown/drilldown-by-id';
import { DrilldownPage } from '../../features/drilldown/drilldown-page';
import { AdhocBanner } from '../../features/share/adhoc-banner';
import { type SharedDashboard, useSharedDashboard } from '../../features/share/use-shared-dashboard';
import { ViewActions } from '../../features/share/view-actions';
import { decodeView, encodeView, onlyFilterChanged } from '../../url/view-state';

export function DrilldownRoute(): ReactElement {
  const { dashboardId, kpiId } = useParams({ from: '/desk/d/$dashboardId/k/$kpiId' });
  const search = useSearch({ from: '/desk/d/$dashboardId/k/$kpiId' });
  const navigate = useNavigate();
  const view = useMemo(() => decodeView('drilldown', search), [search]);
  return (
    <DrilldownById
      dashboardId={dashboardId}
      kpiId={kpiId}
      view={view}
      onViewChange={(next) =>
        navigate({
          to: '/d/$dashboardId/k/$kpiId',
          params: { dashboardId, kpiId },
          search: encodeView('drilldown', next),
        })
      }
      back={
        <Link to="/d/$dashboardId" params={{ dashboardId }} search={encodeView('dashboard', view)}>
          ← Back to the dashboard
        </Link>
      }
      actions={(screen) => (
        <ViewActions
          kind="kpi"
          view={view}
          dashboardId={dashboardId}
          {...(screen.window ? { screenWindow: screen.window } : {})}
        />
      )}
    />
  );
}

function SharedProblem({ shared }: { shared: Exclude<SharedDashboard, { state: 'ready' }> }): ReactElement {
  if (shared.state === 'loading') {
    return (
      <main className="page" aria-busy="true">
        <p aria-live="polite">Opening the dashboard in this link…</p>
      </main>
    );
  }
  return (
    <main className="page">
      <h1 className="page-title">The dashboard in this link could not be opened</h1>
      <p className="notice notice-error" role="alert">
        {shared.state === 'missing'
          ? 'This link carries no dashboard: its address should end in #d= followed by the packed dashboard.'
          : shared.message}
      </p>
      <p>
        <Link to="/">See all dashboards</Link>.
      </p>
    </main>
  );
}

function SharedConfigErrors({ errors }: { errors: string[] }): ReactElement {
  return (
    <main className="page">
      <h1 className="page-title">The dashboard in this link has errors</h1>
      <div className="notice notice-error" role="alert">
        <strong>It was checked like a dashboard file and could not be loaded:</strong>
        <ul>
          {errors.map((m) => (
            <li key={m}>
              <code>{m}</code>
            </li>
          ))}
        </ul>
      </div>
    </main>
  );
}

export function SharedDashboardRoute(): ReactElement {
  const location = useLocation();
  const search = useSearch({ from: '/desk/shared' });
  const navigate = useNavigate();
  const view = useMemo(() => decodeView('dashboard', search), [search]);
  const shared = useSharedDashboard(location.hash);
  if (shared.state !== 'ready') return <SharedProblem shared={shared} />;
  if (!shared.parsed.ok) return <SharedConfigErrors errors={shared.parsed.errors.map(formatConfigError)} />;
  const { dashboard, warnings } = shared.parsed;
  const hash = `d=${shared.payload}`;
  return (
    <DashboardView
      dashboard={dashboard}
      warnings={warnings}
      dashboardId={dashboard.id}
      range={view.range}
      tz={view.tz}
      variables={view.variables}
      q={view.q}
      sort={view.sort}
      ignoredParams={view.ignored}
      onViewChange={(next) =>
        navigate({
          to: '/shared',
          search: encodeView('dashboard', next),
          hash,
          replace: onlyFilterChanged(view, next),
        })
      }
      banner={<AdhocBanner region={dashboard.region} payloadChars={shared.payload.length} />}
      kpiLink={(kpi) => (
        <Link
          to="/shared/k/$kpiId"
          params={{ kpiId: kpi.id }}
          search={encodeView('drilldown', view)}
          hash={hash}
          className="tile-open"
          aria-label={`${kpi.title} details`}
          onKeyDown={spaceActivates}
        >
          Details <span aria-hidden="true">→</span>
        </Link>
      )}
      headerActions={(screen) => (
        <ViewActions
          kind="dashboard"
          view={view}
          dashboardId={dashboard.id}
          yaml={shared.yaml}
          {...(screen.window ? { screenWindow: screen.window } : {})}
        />
      )}
    />
  );
}

export function SharedDrilldownRoute(): ReactElement {
  const { kpiId } = useParams({ from: '/desk/shared/k/$kpiId' });
  const search = useSearch({ from: '/desk/shared/k/$kpiId' });
  const location = useLocation();
  const navigate = useNavigate();
  const view = useMemo(() => decodeView('drilldown', search), [search]);
  const shared = useSharedDashboard(location.hash);
  if (shared.state !== 'ready') return <SharedProblem shared={shared} />;
  if (!shared.parsed.ok) return <SharedConfigErrors errors={shared.parsed.errors.map(formatConfigError)} />;
  const { dashboard } = shared.parsed;
  const hash = `d=${shared.payload}`;
  return (
    <DrilldownPage
      dashboard={dashboard}
      kpiId={kpiId}
      view={view}
      onViewChange={(next) =>
        navigate({ to: '/shared/k/$kpiId', params: { kpiId }, search: encodeView('drilldown', next), hash })
      }
      banner={<AdhocBanner region={dashboard.region} payloadChars={shared.payload.length} />}
      back={
        <Link to="/shared" search={encodeView('dashboard', view)} hash={hash}>
          ← Back to the dashboard
        </Link>
      }
      actions={(screen) => (
        <ViewActions
          kind="kpi"
          view={view}
          dashboardId={dashboard.id}
          {...(screen.window ? { screenWindow: screen.window } : {})}
        />
      )}
    />
  );
}
