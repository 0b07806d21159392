import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../data/query-keys';
import { parseDashboard } from '../../domain/kpi/parse-dashboard';
import type { ParsedDashboard } from '../../domain/kpi/parse-result';
import { decodeAdhocDashboard, payloadFromHash } from './adhoc-link';

export type SharedDashboard =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'error'; message: string }
  | { state: 'ready'; parsed: ParsedDashboard; yaml: string; payload: string };

/** The ad-hoc dashboard carried in the location's fragment, unpacked and validated like any dashboard file. */
export function useSharedDashboard(hash: string): SharedDashboard {
  const payload = payloadFromHash(hash);
  const query = useQuery({
    queryKey: queryKeys.sharedDashboard(payload ?? ''),
    queryFn: async () => decodeAdhocDashboard(payload ?? ''),
    enabled: payload !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  if (payload === undefined) return { state: 'missing' };
  if (!query.data) return { state: 'loading' };
  if (!query.data.ok) return { state: 'error', message: query.data.error.message };
  return {
    state: 'ready',
    parsed: parseDashboard('shared-link.yaml', query.data.yaml),
    yaml: query.data.yaml,
    payload,
  };
}
