import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { type ReactElement, useEffect } from 'react';
import type { MetricsSource } from '../data/metrics-source';
import { MetricsSourceProvider, type Pricing } from '../data/react/metrics-source-context';
import { watchFocusOnNavigation } from './focus-on-navigation';
import type { createAppRouter } from './router';

interface AppProps {
  source: MetricsSource;
  /** config.json's price of GetMetricData; the documented default when absent. */
  pricing?: Pricing;
  queryClient: QueryClient;
  router: ReturnType<typeof createAppRouter>;
}

/** Wiring only: the chosen metrics source, the query cache and the router. */
export function App({ source, pricing, queryClient, router }: AppProps): ReactElement {
  useEffect(() => watchFocusOnNavigation(router), [router]);
  return (
    <MetricsSourceProvider source={source} {...(pricing ? { pricing } : {})}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MetricsSourceProvider>
  );
}
