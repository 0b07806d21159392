import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { deskRoute, flatSearch } from './desk-routes';

// The drill-down and ad-hoc dashboards load their screens (charts, sharing, YAML) only when opened, so a
// wall or a dashboard never downloads them.

/** `/d/<dashboard>/k/<kpi>`: one KPI explained, with the view (range, tz, variables, compare, by) in the query. */
export const drilldownRoute = createRoute({
  getParentRoute: () => deskRoute,
  path: '/d/$dashboardId/k/$kpiId',
  validateSearch: flatSearch,
  component: lazyRouteComponent(() => import('./drilldown-screens'), 'DrilldownRoute'),
});

/** `/shared#d=…`: an ad-hoc dashboard carried in the link's fragment. */
export const sharedRoute = createRoute({
  getParentRoute: () => deskRoute,
  path: '/shared',
  validateSearch: flatSearch,
  component: lazyRouteComponent(() => import('./drilldown-screens'), 'SharedDashboardRoute'),
});

/** `/shared/k/<kpi>#d=…`: the drill-down of a KPI on an ad-hoc dashboard. */
export const sharedDrilldownRoute = createRoute({
  getParentRoute: () => deskRoute,
  path: '/shared/k/$kpiId',
  validateSearch: flatSearch,
  component: lazyRouteComponent(() => import('./drilldown-screens'), 'SharedDrilldownRoute'),
});
