import { createRoute, Link, lazyRouteComponent, Outlet } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useProtocolNotice } from '../../data/react/use-protocol-notice';
import { type ThemeChoice, useThemeChoice } from '../theme';
import { rootRoute } from './root-route';

// Desk screens load when first opened: a wall never downloads them, nor sharing and YAML export.

const THEME_WORDS: Record<ThemeChoice, string> = { system: 'As the system', light: 'Light', dark: 'Dark' };

function DeskLayout(): ReactElement {
  const protocol = useProtocolNotice();
  const [theme, setTheme] = useThemeChoice();
  return (
    <>
      {/* The first Tab: past the header to the page's own content. */}
      <button
        type="button"
        className="skip-link"
        // Focus only, no link: the address's fragment may carry an ad-hoc dashboard (#d=…).
        onClick={() => document.getElementById('content')?.focus()}
      >
        Skip to the content
      </button>
      <header className="app-header">
        <Link to="/" className="brand">
          Bellwether
        </Link>
        <nav aria-label="Bellwether" className="app-nav">
          <Link to="/" activeOptions={{ exact: true }}>
            Dashboards
          </Link>
          <Link to="/status">Status</Link>
          <Link to="/connect">Connection</Link>
        </nav>
        <label className="control theme-choice">
          <span>Theme</span>
          <select value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
            {(Object.keys(THEME_WORDS) as ThemeChoice[]).map((choice) => (
              <option key={choice} value={choice}>
                {THEME_WORDS[choice]}
              </option>
            ))}
          </select>
        </label>
      </header>
      {protocol.notice && (
        <p className="notice notice-warning protocol-notice" role="status">
          {protocol.notice.message}{' '}
          <button type="button" onClick={protocol.dismiss}>
            Dismiss
          </button>
        </p>
      )}
      <div id="content" tabIndex={-1}>
        <Outlet />
      </div>
    </>
  );
}

/** Screens for people at a desk: a header with navigation around the page. */
export const deskRoute = createRoute({ getParentRoute: () => rootRoute, id: 'desk', component: DeskLayout });

export const indexRoute = createRoute({
  getParentRoute: () => deskRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./desk-screens'), 'FrontPage'),
});

/** Search params arrive as flat strings (see src/url/search-params.ts); codecs decide what they mean. */
export function flatSearch(search: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(search).map(([k, v]) => [k, String(v)]));
}

export const dashboardRoute = createRoute({
  getParentRoute: () => deskRoute,
  path: '/d/$dashboardId',
  validateSearch: flatSearch,
  component: lazyRouteComponent(() => import('./desk-screens'), 'DashboardRoute'),
});

/** `/status`: the app's own calls, metrics, cost, latencies and errors since the page loaded. */
export const statusRoute = createRoute({
  getParentRoute: () => deskRoute,
  path: '/status',
  component: lazyRouteComponent(() => import('../../features/status/status-page'), 'StatusPage'),
});
