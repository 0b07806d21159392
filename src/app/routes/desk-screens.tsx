/** The screens behind the desk routes, loaded when first opened. */
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type ReactElement, useMemo } from 'react';
import { useConnection, useConnectionState } from '../../features/connect/connection-context';
import { DashboardPage } from '../../features/dashboard/dashboard-page';
import { spaceActivates } from '../../features/dashboard/space-activates';
import { DashboardListPage } from '../../features/dashboard-list/dashboard-list-page';
import { ViewActions } from '../../features/share/view-actions';
import { decodeView, encodeView, onlyFilterChanged } from '../../url/view-state';

/** The front page, told which account its numbers come from (the demo when the app runs without a connection). */
export function FrontPage(): ReactElement {
  const connection = useConnection();
  const state = useConnectionState(connection);
  const simulated = !connection || connection.config.credentials.source === 'demo';
  return <DashboardListPage account={{ simulated, ...(state ? { summary: state.summary } : {}) }} />;
}

export function DashboardRoute(): ReactElement {
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
