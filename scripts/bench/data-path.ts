// The data path one refresh takes: planning, parsing, a full fetch through the real SDK, and evaluation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planQueries } from '../../src/data/cloudwatch/planner';
import { evaluateFetchedKpi } from '../../src/data/kpi-evaluation';
import { buildDashboardRequests } from '../../src/data/kpi-requests';
import type { SeriesRequest } from '../../src/data/metrics-source';
import { createMetricsSource } from '../../src/data/source-config';
import { formatValue } from '../../src/domain/format/format-value';
import { parseDashboard } from '../../src/domain/kpi/parse-dashboard';
import {
  type BenchSection,
  figureTable,
  HOUR,
  loadExample,
  markdownTable,
  ROOT,
  startSimulatedAccount,
  timeIt,
  validKpis,
} from './lib';

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

async function run(): Promise<string> {
  const { add, rows } = figureTable();
  const now = Date.now();
  const window = { start: now - 3 * HOUR, end: now };

  // Planner: pure packing of 1,200 distinct queries over 3 hours.
  const many = distinctMetricRequests(1200, window);
  const plan = planQueries(many, { now });
  const planMs = await timeIt(50, () => planQueries(many, { now }));
  add(
    'Plan 1,200 distinct metric queries (3 h, 60 s)',
    `${planMs.toFixed(1)} ms, ${plan.batches.length} calls`,
    'ceil(1200 / 500) = 3 calls',
  );

  // YAML parsing and validation of the Checkout dashboard.
  const checkoutText = readFileSync(join(ROOT, 'public/dashboards/checkout.yaml'), 'utf8');
  const parseMs = await timeIt(100, () => parseDashboard('checkout.yaml', checkoutText));
  add('Parse and validate checkout.yaml', `${parseMs.toFixed(2)} ms`, '—', `${checkoutText.length} bytes`);

  // One full refresh of each example dashboard through the real SDK against the simulated account, without
  // the series cache (the "refresh" section measures the cache).
  const account = startSimulatedAccount(now);
  const source = createMetricsSource({ kind: 'demo' }, { now: () => now, cache: false });
  try {
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
      account.reset();
      const report = await source.fetchSeries(requests);
      const requestBytes = account.fake.calls.reduce((n, c) => n + JSON.stringify(c.body).length, 0);
      const bytes = await account.receivedBytes();
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

      // Risk evaluation of every KPI from what one refresh fetched.
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
  } finally {
    account.close();
  }

  // Memory of the Node process after the runs above (rough; the wall soak test measures the browser).
  const heapMiB = process.memoryUsage().heapUsed / 1024 / 1024;
  add('Node heap after the runs above', `${heapMiB.toFixed(0)} MiB`, '—');
  return markdownTable(['what', 'figure', 'floor', 'note'], rows);
}

const section: BenchSection = { id: 'data-path', title: 'The data path of one refresh', run };
export default section;
