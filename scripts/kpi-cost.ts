/**
 * `npm run kpi -- cost <dashboard.yaml>`: what a dashboard's refreshes ask of GetMetricData and cost a
 * month, measured by running its refreshes for an hour of simulated time through the app's own planner
 * and series cache against the simulated account (an hour holds every cadence the cache has: 1-minute,
 * 5-minute and hourly series). The same arithmetic as the desk header and /status.
 */
import { createFakeCloudWatch } from '@bellwether/fake-cloudwatch';
import { startFakeCloudWatchServer } from '@bellwether/fake-cloudwatch/node';
import { buildDashboardRequests } from '../src/data/kpi-requests';
import { createMetricsSource } from '../src/data/source-config';
import { type Cost, DEFAULT_PRICE_PER_1000_METRICS, monthlyCost } from '../src/domain/cost/cost';
import type { LoadedDashboard } from '../src/domain/kpi/parse-result';
import type { Kpi } from '../src/domain/kpi/schema';
import { parseRange, resolveRange } from '../src/domain/time/range';

export interface RefreshFigures {
  calls: number;
  metrics: number;
}

export interface CostReport {
  firstLoad: RefreshFigures;
  /** Means over the refreshes after the first. */
  steady: RefreshFigures;
  /** The same refreshes with the series cache off: every refresh repeats the first load. */
  uncached: RefreshFigures;
  month: Cost;
  monthUncached: Cost;
}

async function measure(
  dashboard: LoadedDashboard,
  variables: Record<string, string>,
  refreshSeconds: number,
  cache: boolean,
): Promise<{ first: RefreshFigures; steady: RefreshFigures }> {
  let clock = Date.UTC(2026, 0, 14, 12, 0, 30);
  const fake = createFakeCloudWatch({ now: () => clock });
  const server = startFakeCloudWatchServer(fake);
  try {
    const source = createMetricsSource(
      { kind: 'demo' },
      { now: () => clock, ...(cache ? {} : { cache: false as const }) },
    );
    const kpis = dashboard.kpis.flatMap((e): Kpi[] => (e.ok ? [e.kpi] : []));
    const parsed = parseRange(dashboard.timeRange);
    const range = parsed.ok ? parsed.range : { kind: 'relative' as const, seconds: 6 * 3600 };
    const refreshes = Math.max(2, Math.round(3600 / refreshSeconds) + 1);
    const figures: RefreshFigures[] = [];
    for (let i = 0; i < refreshes; i++) {
      const requests = buildDashboardRequests(kpis, {
        region: dashboard.region,
        variables,
        window: resolveRange(range, clock),
        now: clock,
      });
      const report = await source.fetchSeries(requests);
      figures.push({ calls: report.calls, metrics: report.metrics ?? 0 });
      clock += refreshSeconds * 1000;
    }
    const rest = figures.slice(1);
    const mean = (pick: (f: RefreshFigures) => number): number =>
      rest.reduce((n, f) => n + pick(f), 0) / rest.length;
    return {
      first: figures[0] ?? { calls: 0, metrics: 0 },
      steady: { calls: mean((f) => f.calls), metrics: mean((f) => f.metrics) },
    };
  } finally {
    server.close();
  }
}

/** Measures a dashboard's GetMetricData use with and without the series cache, and prices it. */
export async function costOf(
  dashboard: LoadedDashboard,
  options: {
    variables: Record<string, string>;
    refreshSeconds: number;
    screens: number;
    pricePer1000?: number;
  },
): Promise<CostReport> {
  const cached = await measure(dashboard, options.variables, options.refreshSeconds, true);
  const uncached = await measure(dashboard, options.variables, options.refreshSeconds, false);
  const price = options.pricePer1000 ?? DEFAULT_PRICE_PER_1000_METRICS;
  const priced = (metrics: number): Cost =>
    monthlyCost({
      metricsPerRefresh: metrics,
      refreshSeconds: options.refreshSeconds,
      screens: options.screens,
      pricePer1000: price,
    });
  return {
    firstLoad: cached.first,
    steady: cached.steady,
    uncached: uncached.steady,
    month: priced(cached.steady.metrics),
    monthUncached: priced(uncached.steady.metrics),
  };
}

const n = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** The report as lines for a terminal or a CI log. */
export function describeCostReport(
  dashboard: LoadedDashboard,
  report: CostReport,
  options: { refreshSeconds: number; screens: number },
): string[] {
  const screens = options.screens === 1 ? '1 screen' : `${options.screens} screens`;
  return [
    `${dashboard.id} (${dashboard.title}), ${dashboard.region}, refreshing every ${options.refreshSeconds} s on ${screens}:`,
    `  first load        ${n.format(report.firstLoad.calls)} GetMetricData calls, ${n.format(report.firstLoad.metrics)} metrics`,
    `  steady refresh    ${n.format(report.steady.calls)} calls, ${n.format(report.steady.metrics)} metrics (mean over an hour)`,
    `  without the cache ${n.format(report.uncached.calls)} calls, ${n.format(report.uncached.metrics)} metrics a refresh`,
    `  a month           ${n.format(report.month.metricsPerMonth)} metrics, ${usd.format(report.month.dollarsPerMonth)} (without the cache ${usd.format(report.monthUncached.dollarsPerMonth)})`,
    `  price             $${DEFAULT_PRICE_PER_1000_METRICS} per 1,000 metrics requested (CloudWatch pricing, most regions; check yours)`,
  ];
}
