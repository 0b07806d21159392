/**
 * The client works whatever labels CloudWatch sends. AWS documents no default labels (the API reference
 * says only "If Label is omitted, CloudWatch generates a default"), so the simulated account is made to
 * answer ones the client has never seen, and what the screens are built from must not change.
 */

import { createFakeCloudWatch, type DefaultLabeller } from '@bellwether/fake-cloudwatch';
import { type SetupServerApi, startFakeCloudWatchServer } from '@bellwether/fake-cloudwatch/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { kpiFormat } from '../../domain/format/kpi-format';
import type { KpiQuery, MetricStat } from '../../domain/kpi/query-schema';
import { type Kpi, kpiSchema } from '../../domain/kpi/schema';
import { evaluateFetchedKpi, toBand } from '../kpi-evaluation';
import { buildDashboardRequests } from '../kpi-requests';
import type { FetchReport, SeriesRequest } from '../metrics-source';
import { DEMO_CREDENTIALS } from '../source-config';
import { createCloudWatchSource } from './cloudwatch-source';

const NOW = Date.UTC(2025, 2, 10, 14, 7, 30);
const HOUR = 3_600_000;

const fake = createFakeCloudWatch({ now: () => NOW });
const source = createCloudWatchSource({ credentials: DEMO_CREDENTIALS, now: () => NOW });
let server: SetupServerApi | undefined;

beforeAll(() => {
  server = startFakeCloudWatchServer(fake);
});
afterEach(() => {
  fake.defaultLabel = undefined;
});
afterAll(() => server?.close());

const latency: MetricStat = {
  namespace: 'Shop/Checkout',
  name: 'CheckoutLatency',
  dimensions: { Environment: 'prod' },
  stat: 'p99',
  period: 300,
};
const band: KpiQuery = { kind: 'math', expression: 'ANOMALY_DETECTION_BAND(v, 2)', metrics: { v: latency } };
const FAILED_BY_PROVIDER = `SELECT SUM(PaymentsFailed) FROM SCHEMA("Shop/Checkout", Environment, PaymentProvider) WHERE Environment = 'prod' GROUP BY PaymentProvider ORDER BY SUM() DESC`;
const groups: KpiQuery = { kind: 'insights', sql: FAILED_BY_PROVIDER, period: 300 };
const search: KpiQuery = {
  kind: 'math',
  expression: `SEARCH('{Shop/Checkout,Environment,PaymentProvider} MetricName="PaymentsFailed" Environment="prod"', 'Sum', 300)`,
  metrics: {},
};

function requests(): SeriesRequest[] {
  const window = { start: NOW - 6 * HOUR, end: NOW };
  return [
    { ref: 'band', query: band, region: 'us-east-1', window, period: 300 },
    { ref: 'groups', query: groups, region: 'us-east-1', window, period: 300 },
    { ref: 'search', query: search, region: 'us-east-1', window, period: 300 },
  ];
}

const kpis: Kpi[] = [
  kpiSchema.parse({
    id: 'latency',
    title: 'Checkout latency',
    category: 'health',
    unit: 'milliseconds',
    direction: 'lower-is-better',
    query: { metric: latency },
    threshold: { atRisk: 900, breached: 1200 },
    anomaly: { band: 2 },
  }),
  kpiSchema.parse({
    id: 'failures',
    title: 'Failed payments, worst provider',
    category: 'health',
    unit: 'count',
    direction: 'lower-is-better',
    query: { insights: { sql: FAILED_BY_PROVIDER, period: 300 } },
    threshold: { atRisk: 50, breached: 100 },
  }),
];

/** The risk engine's verdict on each KPI, as the desk, the wall and the drill-down show it. */
async function verdicts(labeller: DefaultLabeller | undefined): Promise<unknown[]> {
  fake.defaultLabel = labeller;
  const window = { start: NOW - 3 * HOUR, end: NOW };
  const requests = buildDashboardRequests(kpis, { region: 'us-east-1', variables: {}, window, now: NOW });
  const report = await source.fetchSeries(requests);
  return kpis.map((kpi) => {
    const e = evaluateFetchedKpi(kpi, {
      report,
      now: NOW,
      variables: {},
      alarms: [],
      format: kpiFormat(kpi),
    });
    return { status: e.status, reasons: e.reasons, latest: e.latest };
  });
}

async function fetchWith(labeller: DefaultLabeller | undefined): Promise<FetchReport> {
  fake.defaultLabel = labeller;
  return source.fetchSeries(requests());
}

const unseen: Array<[string, DefaultLabeller]> = [
  ['the same label for every series', () => 'series'],
  ['labels in another language', (s) => `${['上限', '下限', 'Ausfälle', 'Обработано'][s.index % 4]}`],
  ['empty labels', () => ''],
  [
    'labels that look like the values of other series',
    (s) => ['adyen', 'stripe', 'paypal'][2 - (s.index % 3)]!,
  ],
];

describe.each(unseen)('with %s', (_, labeller) => {
  test('the anomaly band is the same band: both bounds, lower below upper', async () => {
    const own = toBand((await fetchWith(undefined)).results.band);
    const seen = toBand((await fetchWith(labeller)).results.band);
    expect(own?.lower.length).toBeGreaterThan(0);
    expect(seen).toEqual(own);
    seen?.lower.forEach((p, i) => {
      expect(p.v).toBeLessThanOrEqual(seen.upper[i]?.v ?? Number.NaN);
    });
  });

  test('Metrics Insights GROUP BY keeps its documented order, so its first series is the same', async () => {
    const own = (await fetchWith(undefined)).results.groups;
    const seen = (await fetchWith(labeller)).results.groups;
    expect(seen?.series).toHaveLength(own?.series.length ?? -1);
    expect(seen?.series.map((s) => s.points)).toEqual(own?.series.map((s) => s.points));
  });

  test('the risk engine judges every KPI the same: status, reasons and latest value', async () => {
    const own = await verdicts(undefined);
    expect(await verdicts(labeller)).toEqual(own);
  });

  test('every SEARCH result comes back as its own series', async () => {
    const own = (await fetchWith(undefined)).results.search;
    const seen = (await fetchWith(labeller)).results.search;
    expect(seen?.series).toHaveLength(3);
    expect(seen?.series.map((s) => s.points)).toEqual(own?.series.map((s) => s.points));
  });
});
