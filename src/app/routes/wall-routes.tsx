import { createRoute, useParams, useSearch } from '@tanstack/react-router';
import { type ReactElement, useMemo } from 'react';
import { WallPage } from '../../features/wall/wall-page';
import { decodeView } from '../../url/view-state';
import { flatSearch } from './desk-routes';
import { rootRoute } from './root-route';

/** `/wall?boards=checkout,platform&rotate=60s`: a playlist for a screen on the wall; no desk header. */
const wallRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/wall',
  validateSearch: flatSearch,
  component: WallPlaylistRoute,
});

/** `/wall/checkout`: one dashboard on the wall. */
const wallBoardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/wall/$dashboardId',
  validateSearch: flatSearch,
  component: WallBoardRoute,
});

/** The wall's routes, children of the root so they have none of the desk's chrome. */
export const wallRoutes = [wallRoute, wallBoardRoute] as const;

function WallPlaylistRoute(): ReactElement {
  const search = useSearch({ from: '/wall' });
  const wall = useMemo(() => decodeView('wall', search), [search]);
  return <WallPage search={wall} />;
}

function WallBoardRoute(): ReactElement {
  const { dashboardId } = useParams({ from: '/wall/$dashboardId' });
  const search = useSearch({ from: '/wall/$dashboardId' });
  const wall = useMemo(() => decodeView('wall', search, { pathBoard: dashboardId }), [search, dashboardId]);
  return <WallPage search={wall} />;
}
