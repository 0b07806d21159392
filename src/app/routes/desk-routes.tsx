import { createRoute, Link, Outlet, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type ReactElement, useMemo } from 'react';
import { DashboardPage } from '../../features/dashboard/dashboard-page';
import { spaceActivates } from '../../features/dashboard/space-activates';
import { DashboardListPage } from '../../features/dashboard-list/dashboard-list-page';
import { ViewActions } from '../../features/share/view-actions';
import { decodeView, encodeView, onlyFilterChanged } from '../../url/view-state';
import { rootRoute } from './root-route';

function DeskLayout(): ReactElement {
  return (
    <>
      <header className="app-header">
        <Link to="/" className="brand">
          Bellwether
        </Link>
      </header>
      <Outlet />
    </>
  );
}

/** Screens for people at a desk: a header with navigation around the page. */
export const deskRoute = createRoute({ getParentRoute: () => rootRoute, id: 'desk', component: DeskLayout });

export const indexRoute = createRoute({
  getParentRoute: () => deskRoute,
  path: '/',
  component: DashboardListPage,
});

/** Search params arrive as flat strings (see src/url/search-params.ts); codecs decide what they mean. */
export function flatSearch(search: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(search).map(([k, v]) => [k, String(v)]));
}

export const dashboardRoute = createRoute({
  getParentRoute: () => deskRoute,
  path: '/d/$dashboardId',
  validateSearch: flatSearch,
  component: DashboardRoute,
});

function DashboardRoute(): ReactElement {
  const { dashboardId } = useParams({ from: '/desk/d/$dashboardId' });
  const search = useSearch({ from: '/desk/d/$dashboardId' });
  const navigate = useNavigate();
  const view = useMemo(() => decodeView('dashboard', search), [search]);
  const carried = encodeView('drilldown', view);
  return (
    <DashboardPage
      dashboardId={dashboardId}
      range={view.range}
      tz={view.tz}
      variables={view.variables}
      q={view.q}
      sort={view.sort}
      ignoredParams={view.ignored}
      onViewChange={(next) =>
        navigate({
          to: '/d/$dashboardId',
          params: { dashboardId },
          search: encodeView('dashboard', next),
          replace: onlyFilterChanged(view, next),
        })
      }
      kpiLink={(kpi) => (
        <Link
          to="/d/$dashboardId/k/$kpiId"
          params={{ dashboardId, kpiId: kpi.id }}
          search={carried}
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
          dashboardId={dashboardId}
          {...(screen.window ? { screenWindow: screen.window } : {})}
        />
      )}
    />
  );
}
