/**
 * The app's own use of CloudWatch, per dashboard, since the page loaded: what each refresh asked for,
 * how long it took and how it ended. Plain data with a bounded history, so a wall running for weeks keeps
 * a fixed size; the status page and the cost line read it.
 */

/** One refresh of one dashboard. */
export interface UsageEntry {
  at: number;
  durationMs: number;
  calls: number;
  queries: number;
  /** MetricStat queries: what GetMetricData bills. */
  metrics: number;
  /** Set when the refresh failed: the error's code and message. */
  error?: { code: string; message: string };
}

export interface UsageSummary {
  refreshes: number;
  calls: number;
  queries: number;
  metrics: number;
  /** Metrics a steady-state refresh asks for: the mean after the first load (the first alone until then). */
  metricsPerRefresh: number;
  p50Ms?: number;
  p95Ms?: number;
  throttles: number;
  errors: number;
  lastError?: { at: number; code: string; message: string };
}

export interface UsageLog {
  record(dashboardId: string, entry: UsageEntry): void;
  summary(dashboardId: string): UsageSummary;
  dashboards(): string[];
}

/** Refreshes kept per dashboard for latencies and the steady-state mean; totals count every one. */
const HISTORY = 500;
const THROTTLING = new Set(['Throttling']);

function percentile(sorted: number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function createUsageLog(): UsageLog {
  const byDashboard = new Map<
    string,
    { recent: UsageEntry[]; totals: Omit<UsageSummary, 'metricsPerRefresh' | 'p50Ms' | 'p95Ms'> }
  >();
  return {
    record(dashboardId, entry) {
      const state = byDashboard.get(dashboardId) ?? {
        recent: [],
        totals: { refreshes: 0, calls: 0, queries: 0, metrics: 0, throttles: 0, errors: 0 },
      };
      state.recent.push(entry);
      if (state.recent.length > HISTORY) state.recent.splice(0, state.recent.length - HISTORY);
      const t = state.totals;
      t.refreshes += 1;
      t.calls += entry.calls;
      t.queries += entry.queries;
      t.metrics += entry.metrics;
      if (entry.error) {
        t.errors += 1;
        if (THROTTLING.has(entry.error.code)) t.throttles += 1;
        t.lastError = { at: entry.at, ...entry.error };
      }
      byDashboard.set(dashboardId, state);
    },
    summary(dashboardId) {
      const state = byDashboard.get(dashboardId);
      if (!state) {
        return {
          refreshes: 0,
          calls: 0,
          queries: 0,
          metrics: 0,
          metricsPerRefresh: 0,
          throttles: 0,
          errors: 0,
        };
      }
      const ok = state.recent.filter((e) => !e.error);
      const steady = ok.length > 1 ? ok.slice(1) : ok;
      const metricsPerRefresh = steady.length ? steady.reduce((n, e) => n + e.metrics, 0) / steady.length : 0;
      const latencies = state.recent.map((e) => e.durationMs).sort((a, b) => a - b);
      const p50 = percentile(latencies, 50);
      const p95 = percentile(latencies, 95);
      return {
        ...state.totals,
        metricsPerRefresh,
        ...(p50 === undefined ? {} : { p50Ms: p50 }),
        ...(p95 === undefined ? {} : { p95Ms: p95 }),
      };
    },
    dashboards: () => [...byDashboard.keys()],
  };
}
