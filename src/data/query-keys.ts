/**
 * One factory for every React Query key, so everything a result depends on is in its key.
 * Relative ranges are keyed by their expression (now-6h): the refresh clock moves "now" inside one
 * cache entry, which keeps the last good data on screen during faults and the cache from growing.
 */
export const queryKeys = {
  catalog: () => ['dashboards', 'catalog'] as const,
  series: (dashboardId: string, range: string, variables: Record<string, string>, kpiIds: string[]) =>
    ['series', dashboardId, range, variables, kpiIds] as const,
  alarms: (region: string, names: string[]) => ['alarms', region, names] as const,
};
