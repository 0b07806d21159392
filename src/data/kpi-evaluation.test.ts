// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${env} is the dashboard variable syntax under test
/**
 * What one refresh turns into per KPI, against the simulated account through the real SDK: the requests a
 * KPI makes, the answer, and the risk engine's verdict on it.
 */

import { setupFakeCloudWatch } from '@bellwether/fake-cloudwatch/test-support';
import { describe, expect, test } from 'vitest';
import { kpiFormat } from '../domain/format/kpi-format';
import { type Kpi, kpiSchema } from '../domain/kpi/schema';
import { evaluateFetchedKpi } from './kpi-evaluation';
import { alarmNamesByRegion, buildDashboardRequests } from './kpi-requests';
import { createMetricsSource } from './source-config';

const NOW = Date.UTC(2025, 4, 21, 14, 0, 30);
setupFakeCloudWatch(() => NOW);
const source = createMetricsSource({ kind: 'demo' }, { now: () => NOW });

function latencyKpi(stat: string, extra: Record<string, unknown> = {}): Kpi {
  return kpiSchema.parse({
    id: 'latency',
    title: 'Checkout latency',
    category: 'health',
    unit: 'milliseconds',
    direction: 'lower-is-better',
    query: {
      metric: {
        namespace: 'Shop/Checkout',
        name: 'CheckoutLatency',
        dimensions: { Environment: '${env}' },
        stat,
        period: 60,
      },
    },
    ...extra,
  });
}

async function evaluate(kpi: Kpi, variables: Record<string, string> = { env: 'prod' }) {
  const window = { start: NOW - 3 * 3_600_000, end: NOW };
  const requests = buildDashboardRequests([kpi], { region: 'us-east-1', variables, window, now: NOW });
  const report = await source.fetchSeries(requests);
  const byRegion = alarmNamesByRegion([kpi], 'us-east-1', variables);
  const alarms = (
    await Promise.all([...byRegion].map(([region, names]) => source.describeAlarms(region, names)))
  ).flat();
  return evaluateFetchedKpi(kpi, { report, now: NOW, variables, alarms, format: kpiFormat(kpi) });
}

describe('evaluating a fetched KPI', () => {
  test('one mistake gives one message: a refused statistic is not also a missing anomaly band', async () => {
    const kpi = latencyKpi('p99', { anomaly: { band: 2 } });
    const bad = {
      ...kpi,
      query: { ...kpi.query, metric: { ...(kpi.query as { metric: object }).metric, stat: 'tm(abc)' } },
    } as Kpi;
    const evaluation = await evaluate(bad);
    expect(evaluation.status).toBe('error');
    expect(evaluation.reasons).toHaveLength(1);
    expect(evaluation.reasons[0]?.message).toMatch(/^Could not load Checkout latency: /);
  });

  test('alarm names take variables: staging is judged by its own alarm, never by production’s', async () => {
    const kpi = latencyKpi('p99', { alarms: ['checkout-${env}-p99-high'] });
    const prod = await evaluate(kpi, { env: 'prod' });
    const staging = await evaluate(kpi, { env: 'staging' });
    expect(prod.alarms?.map((a) => a.name)).toEqual(['checkout-prod-p99-high']);
    expect(staging.alarms?.map((a) => a.name)).toEqual(['checkout-staging-p99-high']);
    expect(staging.reasons.map((r) => r.message).join(' ')).not.toContain('checkout-prod-p99-high');
  });
});
