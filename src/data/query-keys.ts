import type { Kpi } from '../domain/kpi/schema';
import type { VariableValues } from '../domain/kpi/variables';

/** Everything a dashboard's series depend on: which dashboard and how it is defined, where, and which view. */
export interface SeriesKeyInput {
  dashboardId: string;
  region: string;
  /** Canonical range text (now-6h, or <ISO>/<ISO>): a relative range keys by its expression, see below. */
  range: string;
  variables: VariableValues;
  /** The KPI definitions themselves, so two dashboards reusing an id (an ad-hoc link) never share data. */
  kpis: readonly Kpi[];
}

/**
 * One factory for every React Query key, so everything a result depends on is in its key.
 * Relative ranges are keyed by their expression (now-6h): the refresh clock moves "now" inside one
 * cache entry, which keeps the last good data on screen during faults and the cache from growing. The
 * account is not in the key because the query client is made anew when the connection changes.
 */
export const queryKeys = {
  catalog: () => ['dashboards', 'catalog'] as const,
  series: (input: SeriesKeyInput) =>
    ['series', input.dashboardId, input.region, input.range, { ...input.variables }, input.kpis] as const,
  /** The drill-down's own fetch: one KPI's definition, where, which view, the comparison and the breakdown. */
  drilldown: (input: {
    dashboardId: string;
    region: string;
    kpi: Kpi;
    range: string;
    variables: VariableValues;
    compare?: string;
    by?: string;
  }) =>
    [
      'drilldown',
      input.dashboardId,
      input.region,
      input.kpi,
      input.range,
      { ...input.variables },
      input.compare ?? null,
      input.by ?? null,
    ] as const,
  /** A dashboard that arrived in a link: keyed by the payload it was decoded from. */
  sharedDashboard: (payload: string) => ['shared-dashboard', payload] as const,
  alarms: (byRegion: ReadonlyMap<string, readonly string[]>) =>
    ['alarms', [...byRegion.entries()].sort(([a], [b]) => a.localeCompare(b))] as const,
};
