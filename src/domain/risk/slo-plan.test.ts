import { describe, expect, test } from 'vitest';
import { planSloFetch, sloPeriodFor, sloWindows } from './slo-plan';
import { NOW } from './test-fixtures';

const goodTotal = {
  good: { namespace: 'Shop', name: 'PaymentsOk', dimensions: {}, stat: 'Sum' },
  total: { namespace: 'Shop', name: 'Payments', dimensions: {}, stat: 'Sum' },
};

describe('sloPeriodFor', () => {
  test.each([
    [300, 60],
    [1800, 60],
    [3600, 60],
    [21_600, 60],
    [86_400, 60],
    [259_200, 300],
    [604_800, 3600],
    [2_592_000, 3600],
    [7_776_000, 21_600],
  ])('a %i s window is measured at %i s periods', (window, period) => {
    expect(sloPeriodFor(window)).toBe(period);
  });

  test.each([300, 3600, 86_400, 259_200, 2_592_000, 31_536_000])(
    'a %i s window never needs more than 1,440 points nor data CloudWatch no longer keeps at that period',
    (window) => {
      const period = sloPeriodFor(window);
      expect(window / period).toBeLessThanOrEqual(1440);
      if (period === 60) expect(window).toBeLessThanOrEqual(15 * 86_400);
      if (period === 300) expect(window).toBeLessThanOrEqual(63 * 86_400);
    },
  );
});

describe('planSloFetch', () => {
  test('the default table fetches 6 h of 1-minute, 3 days of 5-minute and 30 days of 1-hour data', () => {
    const plan = planSloFetch({ ...goodTotal, window: 2_592_000 }, NOW);
    expect(plan.map((f) => [f.key, f.period, (f.window.end - f.window.start) / 1000, f.serves])).toEqual([
      ['slo-60', 60, 21_600, [300, 1800, 3600, 21_600]],
      ['slo-300', 300, 259_200, [259_200]],
      ['slo-3600', 3600, 2_592_000, [2_592_000]],
    ]);
    for (const fetch of plan) {
      expect(fetch.metrics).toEqual(['good', 'total']);
      expect(fetch.window.end % (fetch.period * 1000)).toBe(0);
      expect(fetch.window.end).toBeLessThanOrEqual(NOW);
      expect(NOW - fetch.window.end).toBeLessThan(fetch.period * 1000);
    }
  });

  test('a threshold SLO fetches the value, and custom windows are planned too', () => {
    const plan = planSloFetch(
      {
        threshold: 800,
        window: 604_800,
        burnRates: [{ long: 7200, short: 600, rate: 10, severity: 'breached' }],
      },
      NOW,
    );
    expect(plan.map((f) => [f.period, f.serves, f.metrics])).toEqual([
      [60, [600, 7200], ['value']],
      [3600, [604_800], ['value']],
    ]);
  });

  test('never asks for more than 1,440 points per series', () => {
    for (const fetch of planSloFetch({ ...goodTotal, window: 2_592_000 }, NOW)) {
      expect((fetch.window.end - fetch.window.start) / 1000 / fetch.period).toBeLessThanOrEqual(1440);
    }
  });

  test('lists every window once, shortest first', () => {
    expect(
      sloWindows({ window: 3600, burnRates: [{ long: 3600, short: 300, rate: 2, severity: 'at-risk' }] }),
    ).toEqual([300, 3600]);
  });
});
