/** The screens behind the desk routes, loaded when first opened. */
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type ReactElement, useMemo } from 'react';
import { DashboardPage } from '../../features/dashboard/dashboard-page';
import { spaceActivates } from '../../features/dashboard/space-activates';
import { ViewActions } from '../../features/share/view-actions';
import { decodeView, encodeView, onlyFilterChanged } from '../../url/view-state';

export { DashboardListPage } from '../../features/dashboard-list/dashboard-list-page';

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
