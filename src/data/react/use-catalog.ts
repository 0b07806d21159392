import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { ParsedDashboard, ParsedDashboardIndex } from '../../domain/kpi/parse-result';
import { defaultDashboardsBaseUrl, loadDashboard, loadDashboardIndex } from '../dashboards/load-dashboards';
import { queryKeys } from '../query-keys';

/** Every dashboard the site offers, each parsed on its own so one broken file never hides the others. */
export interface Catalog {
  index: ParsedDashboardIndex;
  dashboards: ParsedDashboard[];
}

/** Dashboard files are re-read every few minutes, so a wall picks up a reviewed KPI change without a reload. */
const CATALOG_REFRESH_MS = 5 * 60_000;

/** Loads dashboards/index.yaml and every dashboard it lists. */
export async function loadCatalog(baseUrl: string, signal?: AbortSignal): Promise<Catalog> {
  const fetchFn = (url: string, init: RequestInit): Promise<Response> => fetch(url, init);
  const index = await loadDashboardIndex(baseUrl, fetchFn, signal);
  if (!index.ok) return { index, dashboards: [] };
  const dashboards = await Promise.all(
    index.dashboards.map((file) => loadDashboard(baseUrl, file, fetchFn, signal)),
  );
  return { index, dashboards };
}

/** The catalog through React Query: cached across screens, refreshed in the background. */
export function useCatalog(): UseQueryResult<Catalog> {
  return useQuery({
    queryKey: queryKeys.catalog(),
    queryFn: ({ signal }) => loadCatalog(defaultDashboardsBaseUrl(), signal),
    staleTime: 60_000,
    refetchInterval: CATALOG_REFRESH_MS,
  });
}

/** Finds a dashboard by the id in its YAML, or by its file name when the file could not be read. */
export function findDashboard(catalog: Catalog, id: string): ParsedDashboard | undefined {
  return catalog.dashboards.find((d) =>
    d.ok ? d.dashboard.id === id : (d.id ?? d.file.replace(/\.ya?ml$/, '')) === id,
  );
}
