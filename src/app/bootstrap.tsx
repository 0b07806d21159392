import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createMetricsSource, defaultSourceConfig } from '../data/source-config';
import { App } from './app';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import './styles.css';

/** Chooses the metrics source, starts the simulated account when it is the one, and renders the app. */
export async function bootstrap(container: HTMLElement): Promise<void> {
  const config = defaultSourceConfig();
  if (config.kind === 'demo') {
    // Dynamic import: the simulated account is its own chunk, never loaded by a real deployment.
    const { startDemoAccount } = await import('../data/fake-cloudwatch/browser');
    await startDemoAccount();
  }
  const source = createMetricsSource(config);
  createRoot(container).render(
    <StrictMode>
      <App source={source} queryClient={createQueryClient()} router={createAppRouter()} />
    </StrictMode>,
  );
}
