import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../query-keys';

/** The custom HMR event the dev server sends when a file in public/dashboards/ is saved, added or removed. */
export const DASHBOARDS_CHANGED = 'bellwether:dashboards-changed';

/** The part of Vite's `import.meta.hot` the listener uses. */
export interface HotEvents {
  on(event: string, listener: (data: unknown) => void): void;
  off(event: string, listener: (data: unknown) => void): void;
}

/**
 * Under `npm start`, a saved dashboard file shows on every open screen at once: the dev server's watch
 * (vite.config.ts, dashboardsWatch) tells each open page, which reloads the catalog, and the series follow
 * because their keys hold the KPI definitions. Called with `import.meta.hot`, which a build does not have, so
 * nothing listens there and the catalog keeps its production refresh interval. Returns the way to stop.
 */
export function reloadDashboardsOnSave(queryClient: QueryClient, hot: HotEvents | undefined): () => void {
  if (!hot) return () => {};
  const reload = (): void => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.catalog() });
  };
  hot.on(DASHBOARDS_CHANGED, reload);
  return () => hot.off(DASHBOARDS_CHANGED, reload);
}
