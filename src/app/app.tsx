import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { type ReactElement, useEffect } from 'react';
import type { MetricsSource } from '../data/metrics-source';
import { MetricsSourceProvider } from '../data/react/metrics-source-context';
import { watchFocusOnNavigation } from './focus-on-navigation';
import type { createAppRouter } from './router';

interface AppProps {
  source: MetricsSource;
  queryClient: QueryClient;
  router: ReturnType<typeof createAppRouter>;
}

/** Wiring only: the chosen metrics source, the query cache and the router. */
export function App({ source, queryClient, router }: AppProps): ReactElement {
  useEffect(() => watchFocusOnNavigation(router), [router]);
  return (
    <MetricsSourceProvider source={source}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MetricsSourceProvider>
  );
}
