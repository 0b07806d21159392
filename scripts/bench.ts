// Speed, calls and bytes of the data path, measured (never asserted in tests) and written to BENCHMARKS.md.
// Run: npm run bench. Every figure is the median of repeated runs on this machine, next to its floor.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createFakeCloudWatch } from '@bellwether/fake-cloudwatch';
import { startFakeCloudWatchServer } from '@bellwether/fake-cloudwatch/node';
import { incrementality } from '../src/data/cloudwatch/incremental';
import { planQueries } from '../src/data/cloudwatch/planner';
import { evaluateFetchedKpi } from '../src/data/kpi-evaluation';
import { buildDashboardRequests } from '../src/data/kpi-requests';
import type { SeriesRequest } from '../src/data/metrics-source';
import { createMetricsSource } from '../src/data/source-config';
import { formatValue } from '../src/domain/format/format-value';
import { parseDashboard } from '../src/domain/kpi/parse-dashboard';
import type { LoadedDashboard } from '../src/domain/kpi/parse-result';
import type { Kpi } from '../src/domain/kpi/schema';

const ROOT = join(import.meta.dirname, '..');
const HOUR = 3_600_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timeIt(runs: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(3, runs); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function loadExample(file: string): LoadedDashboard {
  const parsed = parseDashboard(file, readFileSync(join(ROOT, 'public/dashboards', file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not load`);
  return parsed.dashboard;
}

function validKpis(dashboard: LoadedDashboard): Kpi[] {
  return dashboard.kpis.flatMap((entry) => (entry.ok ? [entry.kpi] : []));
}

function distinctMetricRequests(count: number, window: { start: number; end: number }): SeriesRequest[] {
  return Array.from({ length: count }, (_, i) => ({
    ref: `k${i}`,
    query: {
      kind: 'metric' as const,
      metric: { namespace: 'Bench', name: `Metric${i}`, dimensions: {}, stat: 'Sum' },
    },
    region: 'us-east-1',
    window,
    period: 60,
  }));
}

const rows: string[][] = [];
const add = (what: string, figure: string, floor: string, note = ''): void => {
  rows.push([what, figure, floor, note]);
  console.log(`${what}: ${figure} (floor ${floor}) ${note}`);
};

const now = Date.now();
const window = { start: now - 3 * HOUR, end: now };

// 1. Planner: pure packing of 1,200 distinct queries over 3 hours.
const many = distinctMetricRequests(1200, window);
const plan = planQueries(many, { now });
const planMs = await timeIt(50, () => planQueries(many, { now }));
add(
  'Plan 1,200 distinct metric queries (3 h, 60 s)',
  `${planMs.toFixed(1)} ms, ${plan.batches.length} calls`,
  'ceil(1200 / 500) = 3 calls',
);

// 2. YAML parsing and validation of the Checkout dashboard.
const checkoutText = readFileSync(join(ROOT, 'public/dashboards/checkout.yaml'), 'utf8');
const parseMs = await timeIt(100, () => parseDashboard('checkout.yaml', checkoutText));
add('Parse and validate checkout.yaml', `${parseMs.toFixed(2)} ms`, '—', `${checkoutText.length} bytes`);

// 3. One refresh of each example dashboard through the real SDK against the simulated account (msw/node).
// The clock stands still at `now` except in section 6, which steps it to measure refreshes.
let clock = now;
const fake = createFakeCloudWatch({ now: () => clock });
const server = startFakeCloudWatchServer(fake);
let pendingSizes: Promise<number>[] = [];
server.events.on('response:mocked', ({ response }) => {
  pendingSizes.push(
    response
      .clone()
      .arrayBuffer()
      .then((b) => b.byteLength),
  );
});
// Without the series cache: every refresh here is a full one (section 6 measures the cache).
const source = createMetricsSource({ kind: 'demo' }, { now: () => now, cache: false });

for (const file of ['checkout.yaml', 'platform.yaml']) {
  const dashboard = loadExample(file);
  const kpis = validKpis(dashboard);
  const requests = buildDashboardRequests(kpis, {
    region: dashboard.region,
    variables: { env: 'prod' },
    window: { start: now - 6 * HOUR, end: now },
    now,
  });
  const refreshPlan = planQueries(requests, { now });
  const queries = refreshPlan.batches.reduce((n, b) => n + b.queries.length, 0);
  const windows = new Set(refreshPlan.batches.map((b) => `${b.region} ${b.startTime} ${b.endTime}`)).size;
  fake.clearCalls();
  pendingSizes = [];
  const report = await source.fetchSeries(requests);
  const requestBytes = fake.calls.reduce((n, c) => n + JSON.stringify(c.body).length, 0);
  const bytes = (await Promise.all(pendingSizes)).reduce((a, b) => a + b, 0);
  const refreshMs = await timeIt(10, () => source.fetchSeries(requests));
  add(
    `Refresh ${dashboard.title} (${kpis.length} KPIs, 6 h): GetMetricData calls`,
    `${report.calls} calls, ${queries} queries`,
    `${windows} (one call per distinct window and region; ceil(queries / 500) within each)`,
  );
  add(
    `Refresh ${dashboard.title}: bytes on the wire`,
    `${(requestBytes / 1024).toFixed(1)} KiB sent, ${(bytes / 1024).toFixed(1)} KiB received`,
    '—',
  );
  add(
    `Refresh ${dashboard.title}: wall time through SDK + simulated account`,
    `${refreshMs.toFixed(0)} ms`,
    '—',
    'includes generating the synthetic data',
  );

  // 4. Risk evaluation of every KPI from what one refresh fetched.
  const alarms = await source.describeAlarms(
    dashboard.region,
    kpis.flatMap((k) => k.alarms ?? []),
  );
  const evalMs = await timeIt(50, () => {
    for (const kpi of kpis) {
      evaluateFetchedKpi(kpi, { report, now, alarms, format: (v) => formatValue(v, kpi.unit) });
    }
  });
  add(
    `Evaluate all ${kpis.length} KPIs of ${dashboard.title}`,
    `${evalMs.toFixed(2)} ms`,
    '—',
    `${(evalMs / kpis.length).toFixed(2)} ms per KPI`,
  );
}
// 6. Incremental refresh: the same dashboards refreshed every 60 s like a wall, without and with the
// series cache. Requests are rebuilt at each tick from the clock, as the app does.
interface Wire {
  calls: number;
  queries: number;
  metrics: number;
  received: number;
}
const refreshRows: string[][] = [];
const addRefresh = (what: string, figure: string, floor: string, note = ''): void => {
  refreshRows.push([what, figure, floor, note]);
  console.log(`${what}: ${figure} (floor ${floor}) ${note}`);
};
async function overTheWire(run: () => Promise<unknown>): Promise<Wire> {
  fake.clearCalls();
  pendingSizes = [];
  await run();
  const bodies = fake.calls
    .filter((c) => c.operation === 'GetMetricData')
    .map((c) => c.body as { MetricDataQueries: { MetricStat?: unknown }[] });
  return {
    calls: bodies.length,
    queries: bodies.reduce((n, b) => n + b.MetricDataQueries.length, 0),
    metrics: bodies.reduce((n, b) => n + b.MetricDataQueries.filter((q) => q.MetricStat).length, 0),
    received: (await Promise.all(pendingSizes)).reduce((a, b) => a + b, 0),
  };
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
// 7 min 30 s past the hour: the refresh 60 s later is a common one (1-minute series due, no 5-minute or
// hourly period completing), and the 60 refreshes after it cross one hour.
const WALL_START = Math.floor(now / HOUR) * HOUR + 7.5 * 60_000;
/** A wall on one dashboard: the first load, then `ticks` refreshes 60 s apart. */
async function wallRefreshes(dashboard: LoadedDashboard, kpis: Kpi[], cached: boolean, ticks: number) {
  clock = WALL_START;
  const wall = createMetricsSource(
    { kind: 'demo' },
    { now: () => clock, ...(cached ? {} : { cache: false }) },
  );
  const refresh = (): Promise<unknown> =>
    wall.fetchSeries(
      buildDashboardRequests(kpis, {
        region: dashboard.region,
        variables: { env: 'prod' },
        window: { start: clock - 6 * HOUR, end: clock },
        now: clock,
      }),
    );
  const first = await overTheWire(refresh);
  const wires: Wire[] = [];
  const times: number[] = [];
  for (let i = 0; i < ticks; i++) {
    clock += 60_000;
    const start = performance.now();
    wires.push(await overTheWire(refresh));
    times.push(performance.now() - start);
  }
  clock = now;
  return { first, next: wires[0]!, mean: meanWire(wires), ms: median(times) };
}
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
  addRefresh(
    `${name}: first load`,
    `${describeWire(before.first)} → ${describeWire(after.first)}`,
    '—',
    'the cache has nothing yet: the same calls',
  );
  addRefresh(
    `${name}: refresh 60 s later`,
    `${describeWire(before.next)} → ${describeWire(after.next)}`,
    `${Math.ceil(after.next.queries / 500)} call (ceil(queries due / 500)), only the periods that can have changed`,
    rest
      ? `${whole.join(', ')} fetched whole (window-dependent); without it: ${describeWire(rest)}`
      : 'every KPI incremental',
  );
  addRefresh(
    `${name}: mean of ${TICKS} refreshes at 60 s`,
    `${describeWire(before.mean)} → ${describeWire(after.mean)}`,
    'each metric asked when a new period of it can be complete',
    'includes the hourly series asked once an hour',
  );
  addRefresh(
    `${name}: steady-state refresh wall time`,
    `${before.ms.toFixed(0)} ms → ${after.ms.toFixed(0)} ms`,
    '—',
    'median of the refreshes above; SDK + simulated account',
  );
}

server.close();

// 5. Memory of the Node process after the runs above (rough; the wall soak test measures the browser).
const heapMiB = process.memoryUsage().heapUsed / 1024 / 1024;
add('Node heap after the benchmarks', `${heapMiB.toFixed(0)} MiB`, '—');

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
/** A Markdown table with its columns padded to one width, as the file has always been laid out. */
function markdownTable(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, 3, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}
const table = markdownTable(['what', 'figure', 'floor', 'note'], rows);
const refreshTable = markdownTable(
  ['what', 'figure (no cache → series cache)', 'floor', 'note'],
  refreshRows,
);
const text = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts) on ${new Date(now).toISOString().slice(0, 10)}; ${machine}.
Times are medians of repeated runs. Figures are measured here and never asserted in tests; compare runs on
the same machine. "Floor" is the least the work can physically take where one exists.

${table}

## Incremental refresh

The example dashboards refreshed every 60 s against the simulated account, requests rebuilt at each tick
as the app does, without and with the series cache (src/data/cached-source.ts, late-data allowance 5 min).
Calls, queries and metrics are counted from the GetMetricData requests the simulated account received;
bytes are the response bodies msw sent back. "Metrics" are the MetricStat queries, which GetMetricData bills.

${refreshTable}
`;
writeFileSync(join(ROOT, 'BENCHMARKS.md'), text);
console.log('\nwrote BENCHMARKS.md');
