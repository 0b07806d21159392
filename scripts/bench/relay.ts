// Direct and relayed: what 1, 30 and 100 wall screens ask of CloudWatch, and what it costs a month, counted
// from the requests the loopback CloudWatch received (scripts/kpi-cost.ts, measureFleet).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDashboard } from '../../src/domain/kpi/parse-dashboard';
import { type FleetFigures, measureFleet } from '../kpi-cost';
import { type BenchSection, markdownTable, ROOT } from './lib';

/** An hour of refreshes at 60 s: every cadence the series cache has (1-minute, 5-minute, hourly). */
const TICKS = 60;
const SCREENS = [1, 30, 100];

const n = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

function dashboards() {
  return ['checkout.yaml', 'platform.yaml'].map((file) => {
    const text = readFileSync(join(ROOT, 'public/dashboards', file), 'utf8');
    const parsed = parseDashboard(file, text);
    if (!parsed.ok) throw new Error(`${file} does not load`);
    const variables: Record<string, string> = file === 'checkout.yaml' ? { env: 'prod' } : {};
    return { file, text, dashboard: parsed.dashboard, variables };
  });
}

async function run(): Promise<string> {
  const rows: string[][] = [];
  const measured: FleetFigures[] = [];
  for (const mode of ['direct', 'relay'] as const) {
    for (const screens of SCREENS) {
      const started = performance.now();
      const f = await measureFleet({
        dashboards: dashboards(),
        screens,
        mode,
        refreshSeconds: 60,
        ticks: TICKS,
      });
      measured.push(f);
      const row = [
        mode === 'direct' ? 'direct (each browser)' : 'relayed (one relay)',
        String(screens),
        `${n.format(f.total.getMetricData)} / ${n.format(f.total.metrics)}`,
        `${n.format(f.steady.getMetricData)} / ${n.format(f.steady.metrics)}`,
        n.format(f.total.describeAlarms),
        n.format(f.snapshotReads),
        usd.format(f.month.dollarsPerMonth),
      ];
      rows.push(row);
      console.log(`  ${row.join(' | ')}  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  const direct100 = measured.find((f) => f.mode === 'direct' && f.screens === 100);
  const relay100 = measured.find((f) => f.mode === 'relay' && f.screens === 100);
  const ratio =
    direct100 && relay100 && relay100.month.dollarsPerMonth > 0
      ? ` At 100 screens the relay asks ${n.format(direct100.month.dollarsPerMonth / relay100.month.dollarsPerMonth)}× less.`
      : '';
  return `The two example dashboards (Checkout at env=prod and Platform, 13 KPIs, 6 h range) on 1, 30 and 100 wall screens
for an hour of simulated time at a 60 s refresh (first load, then ${TICKS} refreshes), against the loopback
CloudWatch (the simulated account over node:http). **Direct**: every screen has its own source and series
cache, as every browser does. **Relayed**: one relay (src/relay/relay.ts, the app's planner, executor and
series cache) refreshes each dashboard once a tick and every screen reads its snapshots through the app's
snapshot source. Calls and metrics are counted from the requests the account received (metrics = MetricStat
queries, what GetMetricData bills); "$ / month" prices the steady refresh at $0.01 per 1,000 metrics over a
30-day month. DescribeAlarms is billed as an ordinary API request and not priced here; snapshot reads go to
the site (S3 behind CloudFront), never to CloudWatch.

${markdownTable(
  [
    'mode',
    'screens',
    'GetMetricData calls / metrics in the hour',
    'per refresh tick (steady)',
    'DescribeAlarms',
    'snapshot reads',
    '$ / month',
  ],
  rows,
)}

Direct, the bill and the load on the account's quotas grow with every screen; relayed, they are one screen's
whatever the number of screens.${ratio}
The relay's own AWS bill (a Lambda run a minute, its S3 writes, CloudFront requests from the screens) is
outside these figures: docs/aws.md, "What the relay's own AWS services cost".`;
}

export default { id: 'relay', title: 'Relay: direct and relayed screens', run } satisfies BenchSection;
