// Incremental refresh: the example dashboards refreshed every 60 s like a wall, without and with the series
// cache. Requests are rebuilt at each tick from the clock, as the app does.
import { performance } from 'node:perf_hooks';
import { incrementality } from '../../src/data/cloudwatch/incremental';
import { buildDashboardRequests } from '../../src/data/kpi-requests';
import { createMetricsSource } from '../../src/data/source-config';
import type { LoadedDashboard } from '../../src/domain/kpi/parse-result';
import type { Kpi } from '../../src/domain/kpi/schema';
import {
  type BenchSection,
  figureTable,
  HOUR,
  loadExample,
  markdownTable,
  median,
  startSimulatedAccount,
  validKpis,
} from './lib';

interface Wire {
  calls: number;
  queries: number;
  metrics: number;
  received: number;
}

const describeWire = (w: Wire): string =>
  `${w.calls} ${w.calls === 1 ? 'call' : 'calls'}, ${w.queries} queries, ${w.metrics} metrics, ${(w.received / 1024).toFixed(1)} KiB received`;

const meanWire = (ws: Wire[]): Wire => {
  const mean = (f: (w: Wire) => number): number => ws.reduce((n, w) => n + f(w), 0) / ws.length;
  return {
    calls: Math.round(mean((w) => w.calls) * 10) / 10,
    queries: Math.round(mean((w) => w.queries) * 10) / 10,
    metrics: Math.round(mean((w) => w.metrics) * 10) / 10,
    received: mean((w) => w.received),
  };
};

const TICKS = 60;

async function run(): Promise<string> {
  const { add, rows } = figureTable();
  const now = Date.now();
  const account = startSimulatedAccount(now);

  async function overTheWire(refresh: () => Promise<unknown>): Promise<Wire> {
    account.reset();
    await refresh();
    const bodies = account.fake.calls
      .filter((c) => c.operation === 'GetMetricData')
      .map((c) => c.body as { MetricDataQueries: { MetricStat?: unknown }[] });
    return {
      calls: bodies.length,
      queries: bodies.reduce((n, b) => n + b.MetricDataQueries.length, 0),
      metrics: bodies.reduce((n, b) => n + b.MetricDataQueries.filter((q) => q.MetricStat).length, 0),
      received: await account.receivedBytes(),
    };
  }

  // 7 min 30 s past the hour: the refresh 60 s later is a common one (1-minute series due, no 5-minute or
  // hourly period completing), and the 60 refreshes after it cross one hour.
  const wallStart = Math.floor(now / HOUR) * HOUR + 7.5 * 60_000;
  /** A wall on one dashboard: the first load, then `ticks` refreshes 60 s apart. */
  async function wallRefreshes(dashboard: LoadedDashboard, kpis: Kpi[], cached: boolean, ticks: number) {
    account.clock.now = wallStart;
    const wall = createMetricsSource(
      { kind: 'demo' },
      { now: () => account.clock.now, ...(cached ? {} : { cache: false }) },
    );
    const refresh = (): Promise<unknown> =>
      wall.fetchSeries(
        buildDashboardRequests(kpis, {
          region: dashboard.region,
          variables: { env: 'prod' },
          window: { start: account.clock.now - 6 * HOUR, end: account.clock.now },
          now: account.clock.now,
        }),
      );
    const first = await overTheWire(refresh);
    const wires: Wire[] = [];
    const times: number[] = [];
    for (let i = 0; i < ticks; i++) {
      account.clock.now += 60_000;
      const start = performance.now();
      wires.push(await overTheWire(refresh));
      times.push(performance.now() - start);
    }
    return { first, next: wires[0]!, mean: meanWire(wires), ms: median(times) };
  }

  try {
    for (const file of ['checkout.yaml', 'platform.yaml']) {
      const dashboard = loadExample(file);
      const kpis = validKpis(dashboard);
      const before = await wallRefreshes(dashboard, kpis, false, TICKS);
      const after = await wallRefreshes(dashboard, kpis, true, TICKS);
      // KPIs whose query depends on the whole window are fetched whole at every refresh, and the planner
      // may stretch the other requests' short tails over their call: what the rest costs on its own.
      const incremental = kpis.filter((k) => incrementality(k.query) !== 'whole');
      const whole = kpis.filter((k) => !incremental.includes(k)).map((k) => k.id);
      const rest = whole.length ? (await wallRefreshes(dashboard, incremental, true, 1)).next : undefined;
      const name = `${dashboard.title} (${kpis.length} KPIs, 6 h)`;
      add(
        `${name}: first load`,
        `${describeWire(before.first)} → ${describeWire(after.first)}`,
        '—',
        'the cache has nothing yet: the same calls',
      );
      add(
        `${name}: refresh 60 s later`,
        `${describeWire(before.next)} → ${describeWire(after.next)}`,
        `${Math.ceil(after.next.queries / 500)} call (ceil(queries due / 500)), only the periods that can have changed`,
        rest
          ? `${whole.join(', ')} fetched whole (window-dependent); without it: ${describeWire(rest)}`
          : 'every KPI incremental',
      );
      add(
        `${name}: mean of ${TICKS} refreshes at 60 s`,
        `${describeWire(before.mean)} → ${describeWire(after.mean)}`,
        'each metric asked when a new period of it can be complete',
        'includes the hourly series asked once an hour',
      );
      add(
        `${name}: steady-state refresh wall time`,
        `${before.ms.toFixed(0)} ms → ${after.ms.toFixed(0)} ms`,
        '—',
        'median of the refreshes above; SDK + simulated account',
      );
    }
  } finally {
    account.close();
  }

  return `The example dashboards refreshed every 60 s against the simulated account, requests rebuilt at each tick
as the app does, without and with the series cache (src/data/cached-source.ts, late-data allowance 5 min).
Calls, queries and metrics are counted from the GetMetricData requests the simulated account received;
bytes are the response bodies msw sent back. "Metrics" are the MetricStat queries, which GetMetricData bills.

${markdownTable(['what', 'figure (no cache → series cache)', 'floor', 'note'], rows)}`;
}

const section: BenchSection = { id: 'refresh', title: 'Incremental refresh', run };
export default section;
