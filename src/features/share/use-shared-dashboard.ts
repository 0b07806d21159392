import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../data/query-keys';
import type { ParsedDashboard } from '../../domain/kpi/parse-result';
import { payloadFromHash } from './adhoc-link';
import { openShared } from './open-shared-client';

export type SharedDashboard =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'error'; message: string }
  | { state: 'ready'; parsed: ParsedDashboard; yaml: string; payload: string };

/**
 * The ad-hoc dashboard carried in the location's fragment, unpacked and validated like any dashboard file,
 * in a worker: rendering never parses a link.
 */
export function useSharedDashboard(hash: string): SharedDashboard {
  const payload = payloadFromHash(hash);
  const query = useQuery({
    queryKey: queryKeys.sharedDashboard(payload ?? ''),
    queryFn: ({ signal }) => openShared(payload ?? '', signal),
    enabled: payload !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  if (payload === undefined) return { state: 'missing' };
  if (!query.data) return { state: 'loading' };
  if (!query.data.ok) return { state: 'error', message: query.data.error.message };
  return { state: 'ready', parsed: query.data.parsed, yaml: query.data.yaml, payload };
}
