// Speed, calls and bytes of the data path, measured (never asserted in tests) and written to BENCHMARKS.md.
// Run: npm run bench. Every figure is the median of repeated runs on this machine, next to its floor.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createFakeCloudWatch } from '@bellwether/fake-cloudwatch';
import { startFakeCloudWatchServer } from '@bellwether/fake-cloudwatch/node';
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
const fake = createFakeCloudWatch({ now: () => now });
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
const source = createMetricsSource({ kind: 'demo' }, { now: () => now });

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
server.close();

// 5. Memory of the Node process after the runs above (rough; the wall soak test measures the browser).
const heapMiB = process.memoryUsage().heapUsed / 1024 / 1024;
add('Node heap after the benchmarks', `${heapMiB.toFixed(0)} MiB`, '—');

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const table = [
  '| what | figure | floor | note |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const text = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts) on ${new Date(now).toISOString().slice(0, 10)}; ${machine}.
Times are medians of repeated runs. Figures are measured here and never asserted in tests; compare runs on
the same machine. "Floor" is the least the work can physically take where one exists.

${table}
`;
writeFileSync(join(ROOT, 'BENCHMARKS.md'), text);
console.log('\nwrote BENCHMARKS.md');
