import { createRouter, type RouterHistory } from '@tanstack/react-router';
import { parseFlatSearch, stringifyFlatSearch } from '../url/search-params';
import { connectCallbackRoute, connectRoute } from './routes/connect-routes';
import { dashboardRoute, deskRoute, indexRoute, statusRoute } from './routes/desk-routes';
import { drilldownRoute, sharedDrilldownRoute, sharedRoute } from './routes/drilldown-routes';
import { PageError, rootRoute } from './routes/root-route';
import { wallRoutes } from './routes/wall-routes';

const routeTree = rootRoute.addChildren([
  deskRoute.addChildren([
    indexRoute,
    dashboardRoute,
    drilldownRoute,
    sharedRoute,
    sharedDrilldownRoute,
    connectRoute,
    connectCallbackRoute,
    statusRoute,
  ]),
  ...wallRoutes,
]);

/** The router, with flat query strings so shared URLs stay short and readable. */
export function createAppRouter(history?: RouterHistory): ReturnType<typeof createRouter<typeof routeTree>> {
  return createRouter({
    routeTree,
    ...(history ? { history } : {}),
    parseSearch: (search) => parseFlatSearch(search),
    stringifySearch: (search) => stringifyFlatSearch(search),
    defaultPreload: false,
    defaultErrorComponent: PageError,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
