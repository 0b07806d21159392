import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadAppConfig } from '../data/app-config';
import { wireProtocol } from '../data/cloudwatch/wire-protocol';
import { createConnection } from '../data/credentials/connection';
import { diagnoseUnreachable, watchCspViolations } from '../data/credentials/reachability';
import { reloadDashboardsOnSave } from '../data/dashboards/dev-reload';
import { defaultDashboardsBaseUrl } from '../data/dashboards/load-dashboards';
import { queryKeys } from '../data/query-keys';
import { loadCatalog } from '../data/react/use-catalog';
import {
  createMetricsSource,
  type SourceConfig,
  sealedDemoClient,
  sourceConfigFor,
} from '../data/source-config';
import { ConfigErrorsScreen } from '../features/connect/config-errors-screen';
import { ConnectionProvider } from '../features/connect/connection-context';
import { redactSearch } from '../url/redact-address';
import { App } from './app';
import { preloadScreen } from './preload-screen';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import './styles.css';

/**
 * Reads the deployment's config.json (none: the demo), builds its connection and metrics source, starts
 * the simulated account only in demo mode, and renders the app — or the config's errors, on screen.
 */
export async function bootstrap(container: HTMLElement): Promise<void> {
  // Before any request: a credential in the address must not stay in the location bar or the history.
  // (index.html's referrer policy keeps it out of the Referer of the files the page loads before this.)
  const redacted = redactSearch(window.location.search);
  if (redacted !== undefined) {
    const { pathname, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${redacted}${hash}`);
  }
  const base = import.meta.env.BASE_URL;
  const root = createRoot(container);
  // While the config is read and the demo's worker starts: the screen's code and the dashboard files
  // (same-origin static files, never a CloudWatch call) load in parallel, not one after the other.
  preloadScreen(window.location.pathname);
  const queryClient = createQueryClient();
  void queryClient.prefetchQuery({
    queryKey: queryKeys.catalog(),
    queryFn: ({ signal }) => loadCatalog(defaultDashboardsBaseUrl(), signal),
  });
  const loaded = await loadAppConfig(base, (url, init) => fetch(url, init));
  if (!loaded.ok) {
    root.render(
      <StrictMode>
        <ConfigErrorsScreen errors={loaded.errors} />
      </StrictMode>,
    );
    return;
  }
  const { config } = loaded;
  // The demo's calls wait for its simulated account, and stop whenever its worker stops answering.
  let inControl: (() => boolean) | undefined;
  if (config.credentials.source === 'demo') {
    // Dynamic import: the simulated account is its own chunk, never loaded by a real deployment.
    const { startDemoAccount } = await import('@bellwether/fake-cloudwatch/browser');
    inControl = (await startDemoAccount()).inControl;
  }
  // A reachability probe follows the source: the demo's goes to its simulated network, or nowhere.
  const diagnose = (endpoint: string) =>
    inControl === undefined || inControl()
      ? diagnoseUnreachable(endpoint)
      : Promise.resolve('unknown' as const);
  watchCspViolations();
  wireProtocol.configure(config.protocol, { diagnose });
  const connection = createConnection(config, {
    session: window.sessionStorage,
    siteUrl: `${window.location.origin}${base}`,
  });
  const sourceConfig: SourceConfig = sourceConfigFor(connection);
  const source = createMetricsSource(
    sourceConfig.kind === 'demo' && inControl ? { ...sourceConfig, inControl } : sourceConfig,
    { diagnose },
  );
  // Nothing can be shown until the person connects: open the connection screen first.
  const onConnect = window.location.pathname.startsWith(`${base}connect`);
  if (connection.state().kind !== 'ready' && !onConnect) {
    window.history.replaceState(null, '', `${base}connect`);
  }
  // `npm start` only: a saved dashboard file shows at once (the dev server's watch, vite.config.ts). A build
  // has no import.meta.hot, so this and the listener are left out of it.
  if (import.meta.hot) reloadDashboardsOnSave(queryClient, import.meta.hot);
  root.render(
    <StrictMode>
      <ConnectionProvider
        connection={connection}
        {...(inControl ? { checkClient: sealedDemoClient(inControl) } : {})}
      >
        <App
          source={source}
          {...(config.pricePer1000Metrics === undefined
            ? {}
            : { pricing: { per1000Metrics: config.pricePer1000Metrics, configured: true } })}
          queryClient={queryClient}
          router={createAppRouter()}
        />
      </ConnectionProvider>
    </StrictMode>,
  );
}
