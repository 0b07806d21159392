import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadAppConfig } from '../data/app-config';
import { wireProtocol } from '../data/cloudwatch/wire-protocol';
import { createConnection } from '../data/credentials/connection';
import { diagnoseUnreachable, watchCspViolations } from '../data/credentials/reachability';
import { createMetricsSource, sourceConfigFor } from '../data/source-config';
import { ConfigErrorsScreen } from '../features/connect/config-errors-screen';
import { ConnectionProvider } from '../features/connect/connection-context';
import { App } from './app';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import './styles.css';

/**
 * Reads the deployment's config.json (none: the demo), builds its connection and metrics source, starts
 * the simulated account only in demo mode, and renders the app — or the config's errors, on screen.
 */
export async function bootstrap(container: HTMLElement): Promise<void> {
  const base = import.meta.env.BASE_URL;
  const root = createRoot(container);
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
  if (config.credentials.source === 'demo') {
    // Dynamic import: the simulated account is its own chunk, never loaded by a real deployment.
    const { startDemoAccount } = await import('@bellwether/fake-cloudwatch/browser');
    await startDemoAccount();
  }
  watchCspViolations();
  wireProtocol.configure(config.protocol, { diagnose: (endpoint) => diagnoseUnreachable(endpoint) });
  const connection = createConnection(config, {
    session: window.sessionStorage,
    siteUrl: `${window.location.origin}${base}`,
  });
  const source = createMetricsSource(sourceConfigFor(connection), {
    diagnose: (endpoint) => diagnoseUnreachable(endpoint),
  });
  // Nothing can be shown until the person connects: open the connection screen first.
  const onConnect = window.location.pathname.startsWith(`${base}connect`);
  if (connection.state().kind !== 'ready' && !onConnect) {
    window.history.replaceState(null, '', `${base}connect`);
  }
  root.render(
    <StrictMode>
      <ConnectionProvider connection={connection}>
        <App source={source} queryClient={createQueryClient()} router={createAppRouter()} />
      </ConnectionProvider>
    </StrictMode>,
  );
}
