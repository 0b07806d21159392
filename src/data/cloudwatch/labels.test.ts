/**
 * The client works whatever labels CloudWatch sends. AWS documents no default labels (the API reference
 * says only "If Label is omitted, CloudWatch generates a default"), so the simulated account is made to
 * answer ones the client has never seen, and what the screens are built from must not change.
 */

import { createFakeCloudWatch, type DefaultLabeller } from '@bellwether/fake-cloudwatch';
import { type SetupServerApi, startFakeCloudWatchServer } from '@bellwether/fake-cloudwatch/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { KpiQuery, MetricStat } from '../../domain/kpi/query-schema';
import { toBand } from '../kpi-evaluation';
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
const groups: KpiQuery = {
  kind: 'insights',
  sql: `SELECT SUM(PaymentsFailed) FROM SCHEMA("Shop/Checkout", Environment, PaymentProvider) WHERE Environment = 'prod' GROUP BY PaymentProvider ORDER BY SUM() DESC`,
  period: 300,
};
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

  test('every SEARCH result comes back as its own series', async () => {
    const own = (await fetchWith(undefined)).results.search;
    const seen = (await fetchWith(labeller)).results.search;
    expect(seen?.series).toHaveLength(3);
    expect(seen?.series.map((s) => s.points)).toEqual(own?.series.map((s) => s.points));
  });
});
