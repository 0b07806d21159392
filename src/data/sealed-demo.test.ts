/** The demo's client sends a call only while its simulated account answers for the page. */
import { setupFakeCloudWatch } from '@bellwether/fake-cloudwatch/test-support';
import { describe, expect, test } from 'vitest';
import type { SeriesRequest } from './metrics-source';
import { createMetricsSource, DEMO_NOT_IN_CONTROL } from './source-config';

const NOW = Date.UTC(2025, 2, 10, 14, 7, 30);
const fake = setupFakeCloudWatch(() => NOW);

const orders: SeriesRequest = {
  ref: 'orders',
  region: 'us-east-1',
  query: {
    kind: 'metric',
    metric: {
      namespace: 'Shop/Checkout',
      name: 'OrdersPlaced',
      dimensions: { Environment: 'prod' },
      stat: 'Sum',
    },
  },
  window: { start: NOW - 3_600_000, end: NOW },
};

describe('the demo source', () => {
  test('sends nothing while the simulated account does not answer, and does not probe the endpoint', async () => {
    let inControl = false;
    const probes: string[] = [];
    const source = createMetricsSource(
      { kind: 'demo', inControl: () => inControl },
      {
        now: () => NOW,
        cache: false,
        diagnose: (endpoint) => {
          probes.push(endpoint);
          return Promise.resolve('network');
        },
      },
    );
    await expect(source.fetchSeries([orders])).rejects.toMatchObject({
      message: DEMO_NOT_IN_CONTROL,
      retryable: true,
    });
    await expect(source.describeAlarms('us-east-1', ['payments-failing'])).rejects.toMatchObject({
      message: DEMO_NOT_IN_CONTROL,
    });
    expect(fake.calls).toEqual([]);
    expect(probes).toEqual([]);

    inControl = true;
    const report = await source.fetchSeries([orders]);
    expect(report.results.orders?.series[0]?.points.length).toBeGreaterThan(0);
    expect(fake.calls.map((c) => c.operation)).toEqual(['GetMetricData']);
  });
});
