/**
 * `npm run kpi -- cost <dashboard.yaml>`: what a dashboard's refreshes ask of GetMetricData and cost a
 * month, measured by running its refreshes for an hour of simulated time through the app's own planner
 * and series cache against the simulated account (an hour holds every cadence the cache has: 1-minute,
 * 5-minute and hourly series). The same arithmetic as the desk header and /status.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeCloudWatch } from '@bellwether/fake-cloudwatch';
import { createHttpHandler } from '@bellwether/fake-cloudwatch/http';
import { startFakeCloudWatchServer } from '@bellwether/fake-cloudwatch/node';
import { alarmNamesByRegion, buildDashboardRequests } from '../src/data/kpi-requests';
import type { MetricsSource } from '../src/data/metrics-source';
import { createMetricsSource } from '../src/data/source-config';
import { type Cost, DEFAULT_PRICE_PER_1000_METRICS, monthlyCost } from '../src/domain/cost/cost';
import type { LoadedDashboard } from '../src/domain/kpi/parse-result';
import type { Kpi } from '../src/domain/kpi/schema';
import { parseRange, resolveRange } from '../src/domain/time/range';
import { createRelayState, relayOnce } from '../src/relay/relay';

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
  /** Relay mode: one relay refreshes for every screen (measured against the loopback CloudWatch). */
  relay?: FleetFigures;
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
    /** direct (default): every screen calls CloudWatch; relay: one relay for all, which needs the file's text. */
    mode?: CostMode;
    text?: string;
  },
): Promise<CostReport> {
  const relay =
    options.mode === 'relay'
      ? await measureFleet({
          dashboards: [
            { file: 'dashboard.yaml', text: options.text ?? '', dashboard, variables: options.variables },
          ],
          // The account sees the relay alone however many screens read its snapshots: one shows it.
          screens: 1,
          mode: 'relay',
          refreshSeconds: options.refreshSeconds,
          ticks: Math.max(1, Math.round(3600 / options.refreshSeconds)),
          ...(options.pricePer1000 === undefined ? {} : { pricePer1000: options.pricePer1000 }),
        })
      : undefined;
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
    ...(relay ? { relay } : {}),
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
  const { relay } = report;
  if (relay) {
    return [
      `${dashboard.id} (${dashboard.title}), ${dashboard.region}, relayed every ${options.refreshSeconds} s to ${screens}:`,
      `  the relay         ${n.format(relay.steady.getMetricData)} GetMetricData calls, ${n.format(relay.steady.metrics)} metrics a refresh (mean over an hour, for every screen)`,
      `  the screens       0 CloudWatch calls: each reads the dashboard's snapshot from the site (${n.format(relay.snapshotReads / (relay.ticks + 1))} read a refresh each)`,
      `  a month           ${n.format(relay.month.metricsPerMonth)} metrics, ${usd.format(relay.month.dollarsPerMonth)} whatever the number of screens`,
      `  direct instead    ${n.format(report.month.metricsPerMonth)} metrics, ${usd.format(report.month.dollarsPerMonth)} on ${screens} (each browser calling CloudWatch)`,
      `  price             $${DEFAULT_PRICE_PER_1000_METRICS} per 1,000 metrics requested (CloudWatch pricing, most regions; check yours)`,
    ];
  }
  return [
    `${dashboard.id} (${dashboard.title}), ${dashboard.region}, refreshing every ${options.refreshSeconds} s on ${screens}:`,
    `  first load        ${n.format(report.firstLoad.calls)} GetMetricData calls, ${n.format(report.firstLoad.metrics)} metrics`,
    `  steady refresh    ${n.format(report.steady.calls)} calls, ${n.format(report.steady.metrics)} metrics (mean over an hour)`,
    `  without the cache ${n.format(report.uncached.calls)} calls, ${n.format(report.uncached.metrics)} metrics a refresh`,
    `  a month           ${n.format(report.month.metricsPerMonth)} metrics, ${usd.format(report.month.dollarsPerMonth)} (without the cache ${usd.format(report.monthUncached.dollarsPerMonth)})`,
    `  price             $${DEFAULT_PRICE_PER_1000_METRICS} per 1,000 metrics requested (CloudWatch pricing, most regions; check yours)`,
  ];
}

/** How screens get their numbers: each calls CloudWatch itself, or all read one relay's snapshots. */
export type CostMode = 'direct' | 'relay';

export interface FleetFigures {
  mode: CostMode;
  screens: number;
  refreshSeconds: number;
  /** Refreshes measured after the first load, at refreshSeconds apart. */
  ticks: number;
  /** What the account received over the whole run, first load included. */
  total: { getMetricData: number; metrics: number; describeAlarms: number };
  /** Means per refresh tick after the first load, over every screen (or the one relay). */
  steady: { getMetricData: number; metrics: number; describeAlarms: number };
  /** Snapshot reads of the screens (relay mode): from the site, never from CloudWatch. */
  snapshotReads: number;
  month: Cost;
}

interface Counted {
  getMetricData: number;
  metrics: number;
  describeAlarms: number;
}

/** The loopback CloudWatch on 127.0.0.1 (the simulated account behind node:http), on a simulated clock. */
async function loopback(clock: { now: number }) {
  const fake = createFakeCloudWatch({ now: () => clock.now });
  const serve = createHttpHandler(fake);
  const server = createServer((req, res) => void serve(req, res));
  // A screen's client keeps its connection between refreshes; the server must not close it meanwhile.
  server.keepAliveTimeout = 0;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** What the account received since the last take, from its own call log (which keeps 1,000). */
  const take = (): Counted => {
    const counted = { getMetricData: 0, metrics: 0, describeAlarms: 0 };
    for (const call of fake.calls) {
      if (call.operation === 'DescribeAlarms') counted.describeAlarms += 1;
      if (call.operation !== 'GetMetricData') continue;
      const body = call.body as { MetricDataQueries?: { MetricStat?: unknown }[] };
      counted.getMetricData += 1;
      counted.metrics += (body.MetricDataQueries ?? []).filter((q) => q.MetricStat).length;
    }
    fake.clearCalls();
    return counted;
  };
  const close = (): Promise<void> =>
    new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return { url, take, close };
}

const add = (a: Counted, b: Counted): Counted => ({
  getMetricData: a.getMetricData + b.getMetricData,
  metrics: a.metrics + b.metrics,
  describeAlarms: a.describeAlarms + b.describeAlarms,
});
const ZERO: Counted = { getMetricData: 0, metrics: 0, describeAlarms: 0 };

/**
 * Runs `screens` wall screens on the given dashboards for `ticks` refreshes after the first load, against
 * the loopback CloudWatch, and counts what the account received. Direct: every screen has its own source
 * and series cache, as every browser does. Relay: one relay (src/relay/relay.ts) refreshes each dashboard
 * once per tick and every screen reads its snapshots through the app's snapshot source.
 */
export async function measureFleet(options: {
  dashboards: { file: string; text: string; dashboard: LoadedDashboard; variables: Record<string, string> }[];
  screens: number;
  mode: CostMode;
  refreshSeconds: number;
  ticks: number;
  pricePer1000?: number;
}): Promise<FleetFigures> {
  const clock = { now: Date.UTC(2026, 0, 14, 12, 7, 30) };
  const account = await loopback(clock);
  const endpoint = account.url;
  const views = options.dashboards.map(({ dashboard, variables }) => {
    const kpis = dashboard.kpis.flatMap((e): Kpi[] => (e.ok ? [e.kpi] : []));
    const parsed = parseRange(dashboard.timeRange);
    const range = parsed.ok ? parsed.range : { kind: 'relative' as const, seconds: 6 * 3600 };
    const alarms = alarmNamesByRegion(kpis, dashboard.region, variables);
    return { dashboard, variables, kpis, range, alarms };
  });
  const screenRefresh = async (source: MetricsSource): Promise<void> => {
    for (const view of views) {
      const context = { dashboardId: view.dashboard.id, variables: view.variables };
      const requests = buildDashboardRequests(view.kpis, {
        region: view.dashboard.region,
        variables: view.variables,
        window: resolveRange(view.range, clock.now),
        now: clock.now,
      });
      await source.fetchSeries(requests, undefined, context);
      for (const [region, names] of view.alarms)
        await source.describeAlarms(region, names, undefined, context);
    }
  };
  let snapshotReads = 0;
  try {
    let tick: () => Promise<void>;
    if (options.mode === 'direct') {
      const screens = Array.from({ length: options.screens }, () =>
        createMetricsSource({ kind: 'custom-endpoint', endpoint }, { now: () => clock.now }),
      );
      tick = async () => {
        for (const screen of screens) await screenRefresh(screen);
      };
    } else {
      const objects = new Map<string, string>();
      const store = {
        put: async (key: string, body: string) => void objects.set(key, body),
        get: async (key: string) => objects.get(key),
      };
      const state = createRelayState();
      const relaySource = createMetricsSource(
        { kind: 'custom-endpoint', endpoint },
        { now: () => clock.now, cache: false },
      );
      const texts = new Map(options.dashboards.map((d) => [d.file, d.text]));
      const screens = Array.from({ length: options.screens }, () =>
        createMetricsSource(
          {
            kind: 'snapshot',
            baseUrl: '/snapshots/',
            fetch: async (url) => {
              snapshotReads += 1;
              const body = objects.get(url.slice('/snapshots/'.length));
              return body === undefined ? new Response('', { status: 404 }) : new Response(body);
            },
          },
          { now: () => clock.now },
        ),
      );
      tick = async () => {
        await relayOnce({
          config: { dashboards: options.dashboards.map((d) => ({ file: d.file, variables: [d.variables] })) },
          loadDashboard: async (file) => texts.get(file) ?? '',
          source: relaySource,
          store,
          state,
          now: () => clock.now,
          intervalSeconds: options.refreshSeconds,
          minIntervalSeconds: 1,
        });
        for (const screen of screens) await screenRefresh(screen);
      };
    }
    await tick();
    let total = account.take();
    let steady = ZERO;
    for (let i = 0; i < options.ticks; i++) {
      clock.now += options.refreshSeconds * 1000;
      await tick();
      const counted = account.take();
      steady = add(steady, counted);
      total = add(total, counted);
    }
    const mean = (n: number): number => n / Math.max(1, options.ticks);
    const perTick = {
      getMetricData: mean(steady.getMetricData),
      metrics: mean(steady.metrics),
      describeAlarms: mean(steady.describeAlarms),
    };
    return {
      mode: options.mode,
      screens: options.screens,
      refreshSeconds: options.refreshSeconds,
      ticks: options.ticks,
      total,
      steady: perTick,
      snapshotReads,
      // Per tick already counts every screen (direct) or the one relay, so the month is one "screen".
      month: monthlyCost({
        metricsPerRefresh: perTick.metrics,
        refreshSeconds: options.refreshSeconds,
        pricePer1000: options.pricePer1000 ?? DEFAULT_PRICE_PER_1000_METRICS,
      }),
    };
  } finally {
    await account.close();
  }
}
