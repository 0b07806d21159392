import { createRoute, Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { KeyboardEvent, ReactElement } from 'react';
import { DrilldownById } from '../../features/drilldown/drilldown-by-id';
import {
  decodeDrilldownSearch,
  encodeDashboardSearch,
  encodeDrilldownSearch,
} from '../../url/dashboard-search';
import { deskRoute, flatSearch } from './desk-routes';

/** `/d/<dashboard>/k/<kpi>`: one KPI explained, with the view (range, tz, variables, compare, by) in the query. */
export const drilldownRoute = createRoute({
  getParentRoute: () => deskRoute,
  path: '/d/$dashboardId/k/$kpiId',
  validateSearch: flatSearch,
  component: DrilldownRoute,
});

/** Links are activated by Enter natively; tiles also open with Space, like buttons. */
export function spaceActivates(event: KeyboardEvent<HTMLAnchorElement>): void {
  if (event.key === ' ') {
    event.preventDefault();
    event.currentTarget.click();
  }
}

function DrilldownRoute(): ReactElement {
  const { dashboardId, kpiId } = useParams({ from: '/desk/d/$dashboardId/k/$kpiId' });
  const search = useSearch({ from: '/desk/d/$dashboardId/k/$kpiId' });
  const navigate = useNavigate();
  const view = decodeDrilldownSearch(search);
  const { range, tz, variables } = view;
  return (
    <DrilldownById
      dashboardId={dashboardId}
      kpiId={kpiId}
      view={view}
      onViewChange={(next) =>
        navigate({
          to: '/d/$dashboardId/k/$kpiId',
          params: { dashboardId, kpiId },
          search: encodeDrilldownSearch(next),
        })
      }
      back={
        <Link
          to="/d/$dashboardId"
          params={{ dashboardId }}
          search={encodeDashboardSearch({ variables, ...(range ? { range } : {}), ...(tz ? { tz } : {}) })}
        >
          ← Back to the dashboard
        </Link>
      }
    />
  );
}
