import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useEffect, useRef } from 'react';

/**
 * Self-observation for long runs: how many React Query entries exist, how many are fetching and how many
 * successful updates they have had, written to data attributes without re-rendering anything. The soak
 * test and the end-to-end tests read them; a person can read them in the browser's inspector.
 */
export function WallDiagnostics(): ReactElement {
  const client = useQueryClient();
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
    };
    update();
    return cache.subscribe(update);
  }, [client]);
  return <div ref={ref} hidden data-wall-diagnostics="" />;
}
