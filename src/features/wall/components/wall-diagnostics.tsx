import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useEffect, useRef } from 'react';
import { useMetricsSource } from '../../../data/react/metrics-source-context';

/**
 * Self-observation for long runs: how many React Query entries exist, how many are fetching and how many
 * successful updates they have had, and what the series cache holds (entries and datapoints), written to
 * data attributes without re-rendering anything. The soak test and the end-to-end tests read them; a person
 * can read them in the browser's inspector.
 */
export function WallDiagnostics(): ReactElement {
  const client = useQueryClient();
  const source = useMetricsSource();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const cache = client.getQueryCache();
    const update = (): void => {
      const element = ref.current;
      if (!element) return;
      const queries = cache.getAll();
      element.dataset.queries = String(queries.length);
      element.dataset.fetching = String(queries.filter((q) => q.state.fetchStatus === 'fetching').length);
      element.dataset.updates = String(queries.reduce((sum, q) => sum + q.state.dataUpdateCount, 0));
      element.dataset.errors = String(queries.reduce((sum, q) => sum + q.state.errorUpdateCount, 0));
      const stats = source.stats?.();
      if (stats) {
        element.dataset.seriesEntries = String(stats.cacheEntries);
        element.dataset.seriesPoints = String(stats.cachePoints);
      }
    };
    update();
    return cache.subscribe(update);
  }, [client, source]);
  return <div ref={ref} hidden data-wall-diagnostics="" />;
}
