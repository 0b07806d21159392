import { describe, expect, test } from 'vitest';
import type { Point } from '../series';
import {
  budgetConsumed,
  budgetLastsSeconds,
  budgetRemaining,
  burnRate,
  evaluateSlo,
  type SloConfig,
  type SloInputs,
} from './slo';
import { planSloFetch } from './slo-plan';
import { NOW } from './test-fixtures';

const DAY = 86_400;
const MONTH = 30 * DAY;
const eventSlo: SloConfig = {
  objective: 99.9,
  window: MONTH,
  good: { namespace: 'Shop', name: 'PaymentsOk', dimensions: {}, stat: 'Sum' },
};
const ctx = { title: 'Payment success rate', direction: 'higher-is-better', now: NOW } as const;

/** Good/total series for every fetch the planner asks for, with errorRate(t) the bad share at time t. */
function eventInputs(errorRate: (t: number) => number, perSecond = 10): SloInputs {
  return {
    series: planSloFetch(eventSlo, NOW).map((fetch) => {
      const good: Point[] = [];
      const total: Point[] = [];
      for (let t = fetch.window.start; t < fetch.window.end; t += fetch.period * 1000) {
        const events = perSecond * fetch.period;
        const bad = (() => {
          // integrate the error rate over the period minute by minute
          let sum = 0;
          const minutes = Math.max(1, fetch.period / 60);
          for (let i = 0; i < minutes; i += 1) sum += errorRate(t + i * 60_000);
          return (sum / minutes) * events;
        })();
        total.push({ t, v: events });
        good.push({ t, v: events - bad });
      }
      return { period: fetch.period, good, total };
    }),
  };
}

const ago = (seconds: number): number => Math.floor(NOW / 60_000) * 60_000 - seconds * 1000;

describe('the SRE Workbook table for a 30-day, 99.9% SLO', () => {
  test.each([
    { rate: 14.4, long: 3600, short: 300, consumed: 0.02, lastsDays: 2.083 },
    { rate: 6, long: 21_600, short: 1800, consumed: 0.05, lastsDays: 5 },
    { rate: 1, long: 259_200, short: 21_600, consumed: 0.1, lastsDays: 30 },
  ])(
    '$rate× over $long s (confirmed over $short s) spends $consumed of the budget',
    ({ rate, long, consumed, lastsDays }) => {
      expect(budgetConsumed(rate, long, MONTH)).toBeCloseTo(consumed, 10);
      expect(budgetLastsSeconds(MONTH, rate) / DAY).toBeCloseTo(lastsDays, 3);
    },
  );

  test.each([
    [0.0144, 14.4],
    [0.006, 6],
    [0.001, 1],
    [0, 0],
  ])('a bad fraction of %d burns a 99.9%% budget at %d×', (bad, rate) => {
    expect(burnRate(bad, 99.9)).toBeCloseTo(rate, 9);
  });

  test.each([
    [0, 1],
    [0.0005, 0.5],
    [0.001, 0],
    [0.002, -1],
  ])('a bad fraction of %d over the window leaves %d of the budget', (bad, left) => {
    expect(budgetRemaining(bad, 99.9)).toBeCloseTo(left, 9);
  });
});

describe('evaluateSlo (event-based)', () => {
  test('a quiet month is ok, with attainment, budget and burn rates for display', () => {
    const { facts, reasons, judged } = evaluateSlo(
      eventSlo,
      eventInputs(() => 0.0005),
      ctx,
    );
    expect(reasons).toEqual([]);
    expect(judged).toBe(true);
    expect(facts.kind).toBe('events');
    expect(facts.attainment).toBeCloseTo(0.9995, 9);
    expect(facts.budgetRemaining).toBeCloseTo(0.5, 6);
    for (const b of facts.burnRates) {
      expect(b.longBurnRate).toBeCloseTo(0.5, 6);
      expect(b.shortBurnRate).toBeCloseTo(0.5, 6);
      expect(b.firing).toBe(false);
    }
  });

  test('a fast burn in both the last hour and the last 5 minutes is breached and says how long the budget lasts', () => {
    const inputs = eventInputs((t) => (t >= ago(3600) ? 0.02 : 0.0005));
    const { facts, reasons } = evaluateSlo(eventSlo, inputs, ctx);
    expect(facts.burnRates.map((b) => b.firing)).toEqual([true, false, false]);
    expect(reasons).toEqual([
      expect.objectContaining({
        rule: 'slo-burn',
        status: 'breached',
        rate: 14.4,
        longWindow: 3600,
        shortWindow: 300,
        message:
          'Payment success rate: error budget burning 20× over the last hour (20× over the last 5 minutes) — a 30-day budget gone in about 36 h',
      }),
    ]);
    expect(reasons[0]?.observed).toBeCloseTo(20, 6);
    expect((reasons[0] as { budgetLastsSeconds: number }).budgetLastsSeconds).toBeCloseTo(MONTH / 20, 0);
  });

  test('once the short window recovers, the long window alone does not fire', () => {
    const inputs = eventInputs((t) => (t >= ago(3600) && t < ago(600) ? 0.02 : 0.0005));
    const { facts, reasons } = evaluateSlo(eventSlo, inputs, ctx);
    const fast = facts.burnRates[0];
    expect(fast?.longBurnRate).toBeGreaterThan(14.4);
    expect(fast?.shortBurnRate).toBeLessThan(1);
    expect(reasons).toEqual([]);
  });

  test('a slow burn over 3 days confirmed over 6 h is at-risk', () => {
    const { facts, reasons } = evaluateSlo(
      eventSlo,
      eventInputs((t) => (t >= ago(3 * DAY) ? 0.0012 : 0.0005)),
      ctx,
    );
    expect(facts.burnRates.map((b) => b.firing)).toEqual([false, false, true]);
    expect(reasons.map((r) => [r.rule, r.status])).toEqual([['slo-burn', 'at-risk']]);
  });

  test('an exhausted budget is breached, with the attainment in the sentence', () => {
    const { facts, reasons } = evaluateSlo(
      eventSlo,
      eventInputs(() => 0.002),
      ctx,
    );
    expect(facts.budgetRemaining).toBeCloseTo(-1, 6);
    expect(reasons.find((r) => r.rule === 'slo-budget')).toMatchObject({
      status: 'breached',
      message:
        'Payment success rate: error budget for 99.9% over 30 days is used up — 99.8% met, budget overspent by 100%',
    });
  });

  test('no events at all is no data, not ok', () => {
    const { reasons, judged } = evaluateSlo(eventSlo, { series: [] }, ctx);
    expect(judged).toBe(false);
    expect(reasons).toEqual([
      expect.objectContaining({
        rule: 'no-data',
        status: 'no-data',
        message: 'Payment success rate: no SLO events in the last 30 days to measure the SLO',
      }),
    ]);
  });

  test('SLO data not loaded is no data', () => {
    const { reasons } = evaluateSlo(eventSlo, undefined, ctx);
    expect(reasons.map((r) => [r.rule, r.status])).toEqual([['no-data', 'no-data']]);
  });

  test('a failed SLO fetch is an error that says which series', () => {
    const { reasons } = evaluateSlo(
      eventSlo,
      { series: [{ period: 3600, error: 'Throttled by CloudWatch' }] },
      ctx,
    );
    expect(reasons).toEqual([
      expect.objectContaining({
        rule: 'error',
        status: 'error',
        message: 'Could not load SLO data for Payment success rate at 1 h periods: Throttled by CloudWatch',
      }),
    ]);
  });

  test('more good than total never counts as negative errors', () => {
    const inputs: SloInputs = {
      series: planSloFetch(eventSlo, NOW).map((f) => ({
        period: f.period,
        good: [{ t: f.window.end - f.period * 1000, v: 20 }],
        total: [{ t: f.window.end - f.period * 1000, v: 10 }],
      })),
    };
    const { facts } = evaluateSlo(eventSlo, inputs, ctx);
    expect(facts.attainment).toBe(1);
    expect(facts.budgetRemaining).toBe(1);
  });
});

describe('evaluateSlo (threshold-based)', () => {
  const latencySlo: SloConfig = { objective: 99, window: MONTH, threshold: 800 };
  const latencyCtx = { title: 'p99 latency', direction: 'lower-is-better', now: NOW } as const;

  function valueInputs(value: (t: number) => number): SloInputs {
    return {
      series: planSloFetch(latencySlo, NOW).map((fetch) => {
        const values: Point[] = [];
        for (let t = fetch.window.start; t < fetch.window.end; t += fetch.period * 1000)
          values.push({ t, v: value(t) });
        return { period: fetch.period, values };
      }),
    };
  }

  test('counts the share of periods meeting the threshold in the good direction (equality meets it)', () => {
    const { facts, reasons } = evaluateSlo(
      latencySlo,
      valueInputs(() => 800),
      latencyCtx,
    );
    expect(facts.kind).toBe('periods');
    expect(facts.attainment).toBe(1);
    expect(reasons).toEqual([]);
  });

  test('periods above the threshold burn the budget', () => {
    const { facts, reasons } = evaluateSlo(
      latencySlo,
      valueInputs((t) => (t >= ago(3600) ? 1200 : 300)),
      latencyCtx,
    );
    expect(facts.burnRates[0]?.longBurnRate).toBeCloseTo(100, 6);
    expect(facts.burnRates[0]?.firing).toBe(true);
    expect(reasons[0]).toMatchObject({ rule: 'slo-burn', status: 'breached' });
  });
});
