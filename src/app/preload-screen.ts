import { createMemoryHistory } from '@tanstack/react-router';
import { createAppRouter } from './router';

/**
 * Starts loading the code of the screen at `pathname` (its routes' lazy components) at once, so it
 * arrives while the app reads its config and the demo's worker starts, not after. The routes are the
 * app's own, shared with the router that renders them, so that router finds them loaded. Best effort: a
 * failure here is the router's to report when it loads the same chunk.
 */
export function preloadScreen(pathname: string): void {
  const router = createAppRouter(createMemoryHistory({ initialEntries: [pathname] }));
  const [branch] = router.getMatchedRoutes(pathname);
  for (const route of branch) {
    const component = route.options.component as { preload?: () => Promise<unknown> } | undefined;
    component?.preload?.().catch(() => undefined);
  }
}
