import {
  createRootRoute,
  createRoute,
  createRouter,
  Link,
  Outlet,
  type RouterHistory,
  useNavigate,
  useParams,
  useSearch,
} from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { DashboardListPage } from '../features/dashboard-list/dashboard-list-page';
import { decodeDashboardSearch, encodeDashboardSearch } from '../url/dashboard-search';
import { parseFlatSearch, stringifyFlatSearch } from '../url/search-params';

function RootLayout(): ReactElement {
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

function NotFound(): ReactElement {
  return (
    <main className="page">
      <h1 className="page-title">Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">See all dashboards</Link>.
      </p>
    </main>
  );
}

const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFound });

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: DashboardListPage,
});

const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/d/$dashboardId',
  validateSearch: (search: Record<string, unknown>): Record<string, string> =>
    Object.fromEntries(Object.entries(search).map(([k, v]) => [k, String(v)])),
  component: DashboardRoute,
});

function DashboardRoute(): ReactElement {
  const { dashboardId } = useParams({ from: '/d/$dashboardId' });
  const search = useSearch({ from: '/d/$dashboardId' });
  const navigate = useNavigate();
  const view = decodeDashboardSearch(search);
  return (
    <DashboardPage
      dashboardId={dashboardId}
      range={view.range}
      variables={view.variables}
      ignoredParams={view.ignored}
      onViewChange={(next) =>
        navigate({ to: '/d/$dashboardId', params: { dashboardId }, search: encodeDashboardSearch(next) })
      }
    />
  );
}

const routeTree = rootRoute.addChildren([indexRoute, dashboardRoute]);

/** The router, with flat query strings so shared URLs stay short and readable. */
export function createAppRouter(history?: RouterHistory): ReturnType<typeof createRouter<typeof routeTree>> {
  return createRouter({
    routeTree,
    ...(history ? { history } : {}),
    parseSearch: (search) => parseFlatSearch(search),
    stringifySearch: (search) => stringifyFlatSearch(search),
    defaultPreload: false,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
