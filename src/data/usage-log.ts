import type { Kpi } from '../domain/kpi/schema';
import type { VariableValues } from '../domain/kpi/variables';
import { resolveRange, type TimeRange } from '../domain/time/range';
import { CloudWatchError } from './cloudwatch/errors';
import { buildDashboardRequests } from './kpi-requests';
import type { FetchReport } from './metrics-source';
import { forecastRefreshes, type RefreshForecast } from './refresh-forecast';

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
  /** Bytes of CloudWatch's answers (their Content-Length), when the source counts them. */
  bytes?: number;
  /** Set when the refresh failed: the error's code and message. */
  error?: { code: string; message: string };
  /** It asked for KPIs the screen had not fetched (a long page scrolled): in the totals, not the steady mean. */
  widened?: boolean;
}

export interface UsageSummary {
  refreshes: number;
  calls: number;
  queries: number;
  metrics: number;
  bytes: number;
  /** The first successful refresh: the cache had nothing yet. */
  firstLoad?: { calls: number; metrics: number; bytes: number };
  /** Metrics a steady-state refresh asks for: the mean after the first load (the first alone until then). */
  metricsPerRefresh: number;
  p50Ms?: number;
  p95Ms?: number;
  throttles: number;
  errors: number;
  lastError?: { at: number; code: string; message: string };
}

/** What a dashboard's refreshes are built from, so its bill can be worked out before they have run. */
export interface UsageView {
  kpis: readonly Kpi[];
  region: string;
  variables: VariableValues;
  range: TimeRange;
  refreshSeconds: number;
}

export interface UsageLog {
  record(dashboardId: string, entry: UsageEntry): void;
  summary(dashboardId: string): UsageSummary;
  dashboards(): string[];
  /** Says which view the dashboard's last refresh was for. */
  describe(dashboardId: string, view: UsageView): void;
  /**
   * What a screen of the dashboard's last view asks of GetMetricData at its first load and, in the long
   * run, per refresh (src/data/refresh-forecast.ts): worked out once per view, on first asking.
   */
  forecast(dashboardId: string, now: number): Promise<RefreshForecast> | undefined;
  /** Which described view `forecast` would work out: a number that changes with the view, cheap to ask. */
  viewVersion(dashboardId: string): number | undefined;
}

/** The usage id of a KPI's drill-down: a row of its own on /status, apart from its dashboard's refreshes. */
export function drilldownUsageId(dashboardId: string, kpiId: string): string {
  return `${dashboardId}/k/${kpiId}`;
}

/** The dashboard, and the KPI of a drill-down, a usage id stands for (ids never hold a slash). */
export function parseUsageId(id: string): { dashboardId: string; kpiId?: string } {
  const at = id.indexOf('/k/');
  return at < 0 ? { dashboardId: id } : { dashboardId: id.slice(0, at), kpiId: id.slice(at + 3) };
}

/** One refresh that answered, from the reports of its calls (a drill-down may make two rounds). */
export function answeredEntry(
  started: number,
  finished: number,
  reports: readonly FetchReport[],
): UsageEntry {
  const sum = (pick: (r: FetchReport) => number | undefined): number =>
    reports.reduce((n, r) => n + (pick(r) ?? 0), 0);
  const counted = reports.some((r) => r.bytes !== undefined);
  return {
    at: started,
    durationMs: finished - started,
    calls: sum((r) => r.calls),
    queries: sum((r) => r.queries),
    metrics: sum((r) => r.metrics),
    ...(counted ? { bytes: sum((r) => r.bytes) } : {}),
  };
}

/** One refresh that failed: the error's code (Unknown when it is not CloudWatch's) and message. */
export function failedEntry(started: number, finished: number, error: unknown): UsageEntry {
  const code = error instanceof CloudWatchError ? error.code : 'Unknown';
  const message = error instanceof Error ? error.message : String(error);
  return {
    at: started,
    durationMs: finished - started,
    calls: 0,
    queries: 0,
    metrics: 0,
    error: { code, message },
  };
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
  const views = new Map<
    string,
    { view: UsageView; key: string; version: number; forecast?: Promise<RefreshForecast> }
  >();
  let versions = 0;
  return {
    describe(dashboardId, view) {
      const key = JSON.stringify([view.region, view.variables, view.range, view.refreshSeconds]);
      const known = views.get(dashboardId);
      // The same definitions, even in a new array (a long page's fetched KPIs): the forecast holds.
      const same =
        known?.view.kpis.length === view.kpis.length &&
        known.view.kpis.every((kpi, i) => kpi === view.kpis[i]);
      if (known && known.key === key && same) return;
      views.set(dashboardId, { view, key, version: ++versions });
    },
    viewVersion(dashboardId) {
      return views.get(dashboardId)?.version;
    },
    forecast(dashboardId, now) {
      const known = views.get(dashboardId);
      if (!known) return undefined;
      const { view } = known;
      known.forecast ??= forecastRefreshes(
        (at) =>
          buildDashboardRequests(view.kpis, {
            region: view.region,
            variables: view.variables,
            window: resolveRange(view.range, at),
            now: at,
          }),
        { now, refreshSeconds: view.refreshSeconds },
      );
      return known.forecast;
    },
    record(dashboardId, entry) {
      const state = byDashboard.get(dashboardId) ?? {
        recent: [],
        totals: { refreshes: 0, calls: 0, queries: 0, metrics: 0, bytes: 0, throttles: 0, errors: 0 },
      };
      state.recent.push(entry);
      if (state.recent.length > HISTORY) state.recent.splice(0, state.recent.length - HISTORY);
      const t = state.totals;
      t.refreshes += 1;
      t.calls += entry.calls;
      t.queries += entry.queries;
      t.metrics += entry.metrics;
      t.bytes += entry.bytes ?? 0;
      if (!entry.error && !t.firstLoad) {
        t.firstLoad = { calls: entry.calls, metrics: entry.metrics, bytes: entry.bytes ?? 0 };
      }
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
          bytes: 0,
          metricsPerRefresh: 0,
          throttles: 0,
          errors: 0,
        };
      }
      const ok = state.recent.filter((e) => !e.error);
      const after = ok.slice(1).filter((e) => !e.widened);
      const steady = after.length > 0 ? after : ok.slice(0, 1);
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
