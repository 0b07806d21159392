import { describe, expect, test } from 'vitest';
import { describeBill, describeCost, formatDollars, monthlyCost } from './cost';

describe('GetMetricData cost', () => {
  test.each([
    // 22 metrics every 60 s for 30 days: 950,400 metrics, $9.50 (issue 12's measured "today").
    [{ metricsPerRefresh: 22, refreshSeconds: 60 }, 950_400, 9.504],
    [{ metricsPerRefresh: 22, refreshSeconds: 60, screens: 50 }, 47_520_000, 475.2],
    [{ metricsPerRefresh: 2, refreshSeconds: 300 }, 17_280, 0.1728],
    [{ metricsPerRefresh: 10, refreshSeconds: 60, pricePer1000: 0.02 }, 432_000, 8.64],
    [{ metricsPerRefresh: 0, refreshSeconds: 60 }, 0, 0],
  ])('%j costs %d metrics, $%d a month', (input, metrics, dollars) => {
    const cost = monthlyCost(input);
    expect(cost.metricsPerMonth).toBeCloseTo(metrics, 6);
    expect(cost.dollarsPerMonth).toBeCloseTo(dollars, 6);
  });

  test('says it in words', () => {
    expect(describeCost({ metricsPerRefresh: 4.25, refreshSeconds: 60 })).toBe(
      '≈ 4.3 metrics a refresh, $1.84 a month at 60 s',
    );
    expect(describeCost({ metricsPerRefresh: 22, refreshSeconds: 60, screens: 30 })).toBe(
      '≈ 22 metrics a refresh, $285.12 a month on 30 screens at 60 s',
    );
  });

  test('the bill of a screen: steady state, what the first load cost, region and price', () => {
    expect(
      describeBill({
        steadyMetrics: 6.47,
        firstLoadMetrics: 12,
        refreshSeconds: 60,
        pricePer1000: 0.01,
        region: 'us-east-1',
      }),
    ).toBe(
      '≈ 6.5 metrics a refresh, $2.80 a month per screen at 60 s; first load 12 metrics ($0.00012); us-east-1 at $0.01 per 1,000 metrics',
    );
    expect(
      describeBill({ steadyMetrics: 8.4, refreshSeconds: 60, pricePer1000: 0.02, region: 'eu-west-1' }),
    ).toBe('≈ 8.4 metrics a refresh, $7.26 a month per screen at 60 s; eu-west-1 at $0.02 per 1,000 metrics');
  });

  test.each([
    [2.794, '$2.79'],
    [0.00012, '$0.00012'],
    [0, '$0.00'],
  ])('%d dollars read %s', (value, text) => {
    expect(formatDollars(value)).toBe(text);
  });
});
