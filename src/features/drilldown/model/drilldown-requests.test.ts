import { describe, expect, test } from 'vitest';
import type { SeriesResult } from '../../../data/metrics-source';
import { pointCount } from '../../../domain/time/period';
import {
  breakdownValues,
  chartPeriod,
  DRILLDOWN_MAX_POINTS,
  planBreakdownValues,
  planDrilldown,
} from './drilldown-requests';
import { testKpi } from './test-kpi';

const now = Date.UTC(2026, 10, 27, 12);
const HOUR = 3_600_000;

/** A dashboard variable reference as written in YAML. */
const ENV_REF = ['$', '{env}'].join('');
/** The dynamic label of a breakdown by PaymentProvider (User Guide, "Use dynamic labels"). */
const PROVIDER_LABEL = ['$', "{PROP('Dim.PaymentProvider')}"].join('');

const mathKpi = testKpi({
  query: {
    math: {
      expression: '100 * ok / all',
      metrics: {
        ok: {
          namespace: 'Shop/Checkout',
          name: 'PaymentsSucceeded',
          dimensions: { Environment: ENV_REF },
          stat: 'Sum',
        },
        all: {
          namespace: 'Shop/Checkout',
          name: 'PaymentsAttempted',
          dimensions: { Environment: ENV_REF },
          stat: 'Sum',
        },
      },
    },
  },
});

describe('planDrilldown', () => {
  test.each([
    [6 * HOUR, 60, 360],
    [24 * HOUR, 60, 1440],
    [3 * 24 * HOUR, 120, 2160],
    [7 * 24 * HOUR, 300, 2016],
    [14 * 24 * HOUR, 600, 2016],
    [30 * 24 * HOUR, 1800, 1440],
    [90 * 24 * HOUR, 3600, 2160],
    [400 * 24 * HOUR, 21_600, 1600],
  ])(
    'a %i ms window is fetched at %i s: %i datapoints, no more than the chart draws',
    (span, period, points) => {
      const plan = planDrilldown({
        kpi: testKpi(),
        region: 'us-east-1',
        variables: {},
        window: { start: now - span, end: now },
        now,
      });
      expect(plan.period).toBe(period);
      expect(pointCount(plan.window, plan.period)).toBeLessThanOrEqual(DRILLDOWN_MAX_POINTS);
      expect(Math.round(span / 1000 / plan.period)).toBe(points);
    },
  );

  test.each([
    // 20 days back: 1-minute data is gone, so the period is a multiple of 5 minutes.
    [20 * 24 * HOUR, 900],
    // 200 days back: only hourly data is kept.
    [200 * 24 * HOUR, 7200],
  ])('a %i ms window keeps to what CloudWatch retains: %i s', (span, period) => {
    expect(chartPeriod({ start: now - span, end: now }, now)).toBe(period);
  });

  test('a week of a per-minute Sum is asked at 5 minutes and read per minute; its band and comparison too', () => {
    const kpi = testKpi({
      anomaly: { band: 2 },
      query: { metric: { namespace: 'Shop/Checkout', name: 'OrdersPlaced', stat: 'Sum', period: 60 } },
    });
    const plan = planDrilldown({
      kpi,
      region: 'us-east-1',
      variables: {},
      window: { start: now - 7 * 24 * HOUR, end: now },
      now,
      compare: '1w',
    });
    expect(plan.period).toBe(300);
    expect(plan.valueScale).toBe(0.2);
    for (const request of plan.requests) {
      const q = request.query;
      const metric = q.kind === 'metric' ? q.metric : q.kind === 'math' ? q.metrics.v : undefined;
      expect(metric?.period).toBe(300);
    }
  });

  test('a math KPI asks for its components; compare shifts the window; by adds a SEARCH on the first metric', () => {
    const plan = planDrilldown({
      kpi: mathKpi,
      region: 'us-east-1',
      variables: { env: 'prod' },
      window: { start: now - 6 * HOUR, end: now },
      now,
      compare: '1d',
      by: 'PaymentProvider',
    });
    const [value, compare, search] = plan.requests;
    expect(value?.includeComponents).toBe(true);
    expect(compare?.window.end).toBe(plan.window.end - 24 * HOUR);
    expect(search?.query.kind === 'math' && search.query.expression).toBe(
      `SEARCH('{Shop/Checkout,Environment,PaymentProvider} MetricName="PaymentsSucceeded" Environment="prod"', 'Sum', 60)`,
    );
    // Each result is told apart by the dimension's value, never by its default label.
    expect(search?.query.kind === 'math' && search.query.label).toBe(PROVIDER_LABEL);
    const second = planBreakdownValues(
      {
        kpi: mathKpi,
        region: 'us-east-1',
        variables: { env: 'prod' },
        window: plan.window,
        now,
        by: 'PaymentProvider',
      },
      plan,
      ['adyen', 'stripe'],
    );
    expect(second.map((r) => r.ref)).toEqual(['breakdown:adyen', 'breakdown:stripe']);
  });

  test('an Insights KPI says why it has no breakdown', () => {
    const kpi = testKpi({ query: { insights: { sql: 'SELECT SUM(x) FROM y', period: 60 } } });
    const plan = planDrilldown({
      kpi,
      region: 'us-east-1',
      variables: {},
      window: { start: now - HOUR, end: now },
      now,
      by: 'X',
    });
    expect(plan.breakdownNote).toMatch(/GROUP BY/);
    expect(plan.requests).toHaveLength(1);
  });
});

describe('breakdownValues', () => {
  const result = (labels: string[]): SeriesResult => ({
    ref: 'breakdown',
    series: labels.map((label) => ({ label, points: [] })),
    components: {},
    period: 60,
    complete: true,
    messages: [],
  });

  test.each([
    [
      ['stripe', 'adyen', 'paypal'],
      ['stripe', 'adyen', 'paypal'],
    ],
    [
      ['Zahlungsanbieter Ä', 'プロバイダー'],
      ['Zahlungsanbieter Ä', 'プロバイダー'],
    ],
    [
      ['adyen', '', 'adyen', 'stripe'],
      ['adyen', 'stripe'],
    ],
    [[], []],
  ])('the labels %j give the values %j: each once, none empty', (labels, values) => {
    expect(breakdownValues(result(labels))).toEqual(values);
  });
});
