import type { UseQueryResult } from '@tanstack/react-query';
import type { Catalog } from './use-catalog';

/**
 * What a screen showing the dashboard in `file` says while the site fails to serve the dashboard files
 * (a passing fault: it keeps the list and the file as last loaded, and asks again every 15 s), in the
 * wall's words. Empty when the site answers.
 */
export function siteProblems(catalog: UseQueryResult<Catalog>, file: string): string[] {
  return [
    ...(catalog.isError && catalog.data
      ? [`The list of dashboards could not be re-read (${catalog.error.message}); showing it as last loaded`]
      : []),
    ...(catalog.data?.unavailable.includes(file)
      ? [`${file} could not be re-read; showing it as last loaded`]
      : []),
  ];
}
