import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOW, setupFakeCloudWatch } from '@bellwether/fake-cloudwatch/test-support';
import { describe, expect, test } from 'vitest';
import { evaluateFetchedKpi } from '../data/kpi-evaluation';
import { alarmNamesByRegion, buildDashboardRequests } from '../data/kpi-requests';
import type { FetchContext } from '../data/metrics-source';
import { createMetricsSource } from '../data/source-config';
import { kpiFormat } from '../domain/format/kpi-format';
import { parseDashboard } from '../domain/kpi/parse-dashboard';
import type { Kpi } from '../domain/kpi/schema';
import { resolveRange } from '../domain/time/range';
import { toViewRange } from '../domain/time/view-range';
import { relayOnce } from './relay';
import type { SnapshotStore } from './snapshot-store';

let clock = NOW;
const fake = setupFakeCloudWatch(() => clock);
const file = 'checkout.yaml';
const text = readFileSync(join(import.meta.dirname, '../../public/dashboards', file), 'utf8');
const parsed = parseDashboard(file, text);
if (!parsed.ok) throw new Error(`${file} does not parse`);
const dashboard = parsed.dashboard;
const kpis = dashboard.kpis.flatMap((e): Kpi[] => (e.ok ? [e.kpi] : []));
const variables = { env: 'prod' };
const context: FetchContext = { dashboardId: 'checkout', variables };

/** What a screen's refresh builds at its own instant, as use-dashboard-evaluation does. */
function screenRequests(now: number, range = dashboard.timeRange) {
  const window = resolveRange(toViewRange(undefined, range).range, now);
  return buildDashboardRequests(kpis, { region: dashboard.region, variables, window, now });
}

async function relayed(fallback = false) {
  const objects = new Map<string, string>();
  const store: SnapshotStore = {
    put: async (key, body) => void objects.set(key, body),
    get: async (key) => objects.get(key),
  };
  await relayOnce({
    config: { dashboards: [{ file }] },
    loadDashboard: async () => text,
    source: createMetricsSource({ kind: 'demo' }, { now: () => clock, cache: false }),
    store,
    now: () => clock,
  });
  const gets: string[] = [];
  const screen = createMetricsSource(
    {
      kind: 'snapshot',
      baseUrl: '/snapshots/',
      ...(fallback ? { fallback: { kind: 'demo' as const } } : {}),
      fetch: async (url) => {
        gets.push(url);
        const body = objects.get(url.replace('/snapshots/', ''));
        return body === undefined ? new Response('not found', { status: 404 }) : new Response(body);
      },
    },
    { now: () => clock },
  );
  return { screen, gets };
}

describe('a screen on the relay', () => {
  test('judges every KPI exactly as a screen fetching CloudWatch itself, and calls no CloudWatch API', async () => {
    clock = NOW;
    const { screen, gets } = await relayed();
    const live = createMetricsSource({ kind: 'demo' }, { now: () => clock });
    const liveReport = await live.fetchSeries(screenRequests(NOW));
    const [[region, names]] = [...alarmNamesByRegion(kpis, dashboard.region, variables)] as [
      [string, string[]],
    ];
    const liveAlarms = await live.describeAlarms(region, names);

    // The screen refreshes 20 s after the relay did.
    clock = NOW + 20_000;
    fake.clearCalls();
    const report = await screen.fetchSeries(screenRequests(clock), undefined, context);
    const alarms = await screen.describeAlarms(region, names, undefined, context);
    expect(fake.calls).toEqual([]);
    expect(gets).toEqual(['/snapshots/checkout/env=prod.json']);
    expect(report.calls).toBe(0);
    expect(report.relayed).toEqual({ now: NOW, fetchedAt: NOW });
    expect(report.results).toEqual(liveReport.results);
    expect(alarms).toEqual(liveAlarms);

    for (const kpi of kpis) {
      const judge = (from: typeof report, at: number, states: typeof alarms) =>
        evaluateFetchedKpi(kpi, { report: from, now: at, variables, format: kpiFormat(kpi), alarms: states });
      expect(judge(report, report.relayed?.now ?? clock, alarms)).toEqual(judge(liveReport, NOW, liveAlarms));
    }
  });

  test('another range, other variable values or a drill-down need a direct connection, said plainly', async () => {
    clock = NOW;
    const { screen } = await relayed();
    const needs = /This view needs a direct connection to CloudWatch/;
    await expect(screen.fetchSeries(screenRequests(NOW, 'now-24h'), undefined, context)).rejects.toThrow(
      needs,
    );
    await expect(
      screen.fetchSeries(screenRequests(NOW), undefined, {
        dashboardId: 'checkout',
        variables: { env: 'staging' },
      }),
    ).rejects.toThrow(/no snapshot of checkout for env=staging\. This view needs a direct connection/);
    await expect(screen.fetchSeries(screenRequests(NOW))).rejects.toThrow(needs);
  });

  test('with a direct fallback, what the relay does not publish is fetched from CloudWatch', async () => {
    clock = NOW;
    const { screen } = await relayed(true);
    fake.clearCalls();
    await screen.fetchSeries(screenRequests(NOW), undefined, context);
    expect(fake.calls).toEqual([]);
    const wide = await screen.fetchSeries(screenRequests(NOW, 'now-24h'), undefined, context);
    expect(fake.calls.filter((c) => c.operation === 'GetMetricData').length).toBeGreaterThan(0);
    expect(wide.relayed).toBeDefined();
    expect(wide.results['orders-per-minute']?.series[0]?.points.length).toBeGreaterThan(0);
  });
});
