import { type UseQueryResult, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ParsedDashboard, ParsedDashboardIndex } from '../../domain/kpi/parse-result';
import {
  defaultDashboardsBaseUrl,
  loadDashboard,
  loadDashboardIndex,
  SiteUnavailableError,
} from '../dashboards/load-dashboards';
import { queryKeys } from '../query-keys';

/** Every dashboard the site offers, each parsed on its own so one broken file never hides the others. */
export interface Catalog {
  index: ParsedDashboardIndex;
  dashboards: ParsedDashboard[];
  /** Files the site did not serve this time (network, timeout, 5xx): their last good copy is kept when there is one. */
  unavailable: string[];
}

/** Dashboard files are re-read every few minutes, so a wall picks up a reviewed KPI change without a reload. */
const CATALOG_REFRESH_MS = 5 * 60_000;
/** While the site fails to serve a file, it is asked again this often. */
export const CATALOG_RETRY_MS = 15_000;

/**
 * Loads dashboards/index.yaml and every dashboard it lists. A site that cannot be reached is a passing fault,
 * never a verdict on the files: an unreachable index throws (React Query keeps the last good catalog and
 * retries), and an unreachable dashboard file keeps its last good copy from `previous`, or shows the fault
 * until the site answers.
 */
export async function loadCatalog(
  baseUrl: string,
  signal?: AbortSignal,
  previous?: Catalog,
): Promise<Catalog> {
  const fetchFn = (url: string, init: RequestInit): Promise<Response> => fetch(url, init);
  const index = await loadDashboardIndex(baseUrl, fetchFn, signal);
  if (!index.ok) return { index, dashboards: [], unavailable: [] };
  const unavailable: string[] = [];
  const dashboards = await Promise.all(
    index.dashboards.map(async (file): Promise<ParsedDashboard> => {
      try {
        return await loadDashboard(baseUrl, file, fetchFn, signal);
      } catch (error) {
        if (!(error instanceof SiteUnavailableError)) throw error;
        unavailable.push(file);
        const kept = previous?.dashboards.find((d) => d.file === file && d.ok);
        if (kept) return kept;
        const message = `${error.detail}; trying again every ${CATALOG_RETRY_MS / 1000} s`;
        return { ok: false, file, errors: [{ file, path: '', message }] };
      }
    }),
  );
  return { index, dashboards, unavailable };
}

/** The catalog through React Query: cached across screens, refreshed in the background. */
export function useCatalog(): UseQueryResult<Catalog> {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.catalog(),
    queryFn: ({ signal, queryKey }) =>
      loadCatalog(defaultDashboardsBaseUrl(), signal, queryClient.getQueryData<Catalog>(queryKey)),
    staleTime: 60_000,
    // A wall's tab may be hidden behind a kiosk shell; it must keep asking all the same.
    refetchIntervalInBackground: true,
    refetchInterval: (query) =>
      query.state.status === 'error' || (query.state.data?.unavailable.length ?? 0) > 0
        ? CATALOG_RETRY_MS
        : CATALOG_REFRESH_MS,
  });
}

/** A dashboard's id: the one in its YAML, or its file name when the file could not be read. */
export function dashboardIdOf(entry: ParsedDashboard): string {
  return entry.ok ? entry.dashboard.id : (entry.id ?? entry.file.replace(/\.ya?ml$/, ''));
}

/** Finds a dashboard by its id (see dashboardIdOf). */
export function findDashboard(catalog: Catalog, id: string): ParsedDashboard | undefined {
  return catalog.dashboards.find((d) => dashboardIdOf(d) === id);
}
