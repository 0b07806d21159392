import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluateAlarm } from '../alarms/evaluate';
import { fetchMetric, type Points } from '../query/fetch-metric';
import { parseStatistic } from '../query/statistic';
import { createScenario, type Scenario } from './scenario';
import type { MetricId } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.UTC(2025, 4, 21, 14, 0, 0);

function read(
  s: Scenario,
  id: MetricId,
  stat: string,
  period: number,
  from: number,
  to: number,
  now = to,
): Points {
  const metric = s.find(id);
  if (!metric) throw new Error(`no metric ${JSON.stringify(id)}`);
  return fetchMetric(metric, parseStatistic(stat)!, { start: from, end: to, period, now });
}

const prod = { Environment: 'prod' };
const p99 = (s: Scenario, now: number, env = prod) =>
  read(
    s,
    { namespace: 'Shop/Checkout', name: 'CheckoutLatency', dimensions: env },
    'p99',
    60,
    now - 5 * MINUTE,
    now,
  );
const sum = (p: Points): number => p.v.reduce((a, b) => a + b, 0);

/** Opening the demo at any moment creates the fake then, so the anchor is that moment. */
const openedAt = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) });

describe('the demo always opens on a mix of healthy and at-risk KPIs', () => {
  test('checkout p99 is above 800 ms in at least 3 of the last 5 minutes whenever the demo opens', () => {
    fc.assert(
      fc.property(openedAt, (now) => {
        const s = createScenario(Math.floor(now / (15 * MINUTE)) * 15 * MINUTE);
        expect(p99(s, now).v.filter((v) => v > 800).length).toBeGreaterThanOrEqual(3);
      }),
      { numRuns: 8 },
    );
  });

  test('payments fail at 5–8 % in prod while staging stays healthy', () => {
    const s = createScenario(NOW);
    const rate = (env: Record<string, string>): number => {
      const ok = read(
        s,
        { namespace: 'Shop/Checkout', name: 'PaymentsSucceeded', dimensions: env },
        'Sum',
        3600,
        NOW - HOUR,
        NOW,
      );
      const all = read(
        s,
        { namespace: 'Shop/Checkout', name: 'PaymentsAttempted', dimensions: env },
        'Sum',
        3600,
        NOW - HOUR,
        NOW,
      );
      return 1 - sum(ok) / sum(all);
    };
    expect(rate(prod)).toBeGreaterThan(0.05);
    expect(rate(prod)).toBeLessThan(0.085);
    expect(rate({ Environment: 'staging' })).toBeLessThan(0.01);
    expect(p99(s, NOW, { Environment: 'staging' }).v.every((v) => v < 600)).toBe(true);
  });

  test('the incident is an episode: six hours earlier the same KPIs were healthy for most of the day', () => {
    const s = createScenario(NOW);
    const start = s.timeline.incidentStart(NOW);
    const before = read(
      s,
      { namespace: 'Shop/Checkout', name: 'CheckoutLatency', dimensions: prod },
      'p99',
      300,
      start - 3 * HOUR,
      start,
      NOW,
    );
    expect(before.v.every((v) => v < 600)).toBe(true);
  });

  test('the legacy exporter has published nothing for the last 25 minutes but did before', () => {
    const s = createScenario(NOW);
    const id = {
      namespace: 'Shop/LegacyWorker',
      name: 'JobsProcessed',
      dimensions: { Environment: 'prod', Worker: 'invoice-exporter' },
    };
    const recent = read(s, id, 'Sum', 60, NOW - 25 * MINUTE, NOW);
    const earlier = read(s, id, 'Sum', 60, NOW - 2 * HOUR, NOW - 30 * MINUTE, NOW);
    expect(recent.t).toEqual([]);
    expect(earlier.t.length).toBeGreaterThan(60);
  });

  test('retries are far above what the anomaly detector learned as usual for the time of day', () => {
    const s = createScenario(NOW);
    const id = {
      namespace: 'AWS/SQS',
      name: 'NumberOfMessagesSent',
      dimensions: { QueueName: 'payment-retries' },
    };
    const actual = sum(read(s, id, 'Sum', 3600, NOW - HOUR, NOW));
    const usual = s.training.find(id)!;
    const learned = sum(
      fetchMetric(usual, parseStatistic('Sum')!, {
        start: NOW - 25 * HOUR,
        end: NOW - 24 * HOUR,
        period: 3600,
        now: NOW,
      }),
    );
    expect(actual).toBeGreaterThan(5 * learned);
  });

  test('cost per order creeps up hour after hour and crosses $0.045 within a few hours', () => {
    const s = createScenario(NOW);
    const perOrder = (t: number): number => {
      const charges = read(
        s,
        { namespace: 'AWS/Billing', name: 'EstimatedCharges', dimensions: { Currency: 'USD' } },
        'Maximum',
        3600,
        t - 2 * HOUR,
        t,
        t + 2 * HOUR,
      ).v;
      const orders = read(
        s,
        { namespace: 'Shop/Checkout', name: 'OrdersPlaced', dimensions: prod },
        'Sum',
        3600,
        t - HOUR,
        t,
        t + HOUR,
      ).v;
      return ((charges[1] ?? 0) - (charges[0] ?? 0)) / (orders[0] ?? 1);
    };
    const now = perOrder(NOW);
    expect(now).toBeLessThan(0.042);
    expect(perOrder(NOW - 3 * HOUR)).toBeLessThan(now);
    // Within the KPI's 6-hour forecast horizon, so the forecast flags it hours before the threshold does.
    expect(perOrder(NOW + 6 * HOUR)).toBeGreaterThan(0.045);
  });

  test('alarms: one in ALARM, one in INSUFFICIENT_DATA, the rest OK, with reasons that say why', () => {
    const s = createScenario(NOW);
    const states = Object.fromEntries(s.alarms.map((a) => [a.name, evaluateAlarm(a, s, NOW)]));
    expect(states['checkout-prod-p99-high']?.value).toBe('ALARM');
    expect(states['checkout-prod-p99-high']?.reason).toMatch(
      /^Threshold Crossed: \d out of the last 5 datapoints \[.*\] were greater than the threshold \(800\.0\)/,
    );
    expect(states['checkout-prod-p99-high']?.updatedAt).toBeLessThan(NOW - 20 * MINUTE);
    expect(states['legacy-invoice-exporter-heartbeat']?.value).toBe('INSUFFICIENT_DATA');
    const others = s.alarms.filter(
      (a) => !['checkout-prod-p99-high', 'legacy-invoice-exporter-heartbeat'].includes(a.name),
    );
    expect(others.map((a) => states[a.name]?.value)).toEqual(others.map(() => 'OK'));
  });
});

describe('the data is a deterministic function of identity and time', () => {
  test('two scenarios with the same anchor agree; the data moves with the clock', () => {
    const a = createScenario(NOW);
    const b = createScenario(NOW);
    const id = { namespace: 'Shop/Checkout', name: 'OrdersPlaced', dimensions: prod };
    const first = read(a, id, 'Sum', 60, NOW - HOUR, NOW + MINUTE, NOW);
    expect(read(b, id, 'Sum', 60, NOW - HOUR, NOW + MINUTE, NOW)).toEqual(first);
    const later = read(a, id, 'Sum', 60, NOW - HOUR, NOW + MINUTE, NOW + MINUTE);
    expect(later.t.at(-1)).toBe(NOW);
    expect(later.v.slice(0, -1)).toEqual(first.v);
  });

  test('nothing is published for minutes that have not finished', () => {
    const s = createScenario(NOW);
    const points = read(
      s,
      { namespace: 'Shop/Checkout', name: 'OrdersPlaced', dimensions: prod },
      'Sum',
      60,
      NOW - 5 * MINUTE,
      NOW + HOUR,
      NOW + 30_000,
    );
    expect(points.t.at(-1)).toBe(NOW - MINUTE);
  });

  test('a year of hourly data for one metric is read without touching every minute', () => {
    const s = createScenario(NOW);
    let samples = 0;
    const metric = s.find({ namespace: 'Shop/Checkout', name: 'OrdersPlaced', dimensions: prod })!;
    const counting = {
      ...metric,
      sample: (t: number) => {
        samples++;
        return metric.sample(t);
      },
    };
    const points = fetchMetric(counting, parseStatistic('Sum')!, {
      start: NOW - 365 * 24 * HOUR,
      end: NOW,
      period: 3600,
      now: NOW,
    });
    expect(points.t.length).toBe(365 * 24);
    expect(samples).toBeLessThan((365 * 24 * 60) / 2);
  });
});

test.each(['prod', 'staging'])(
  'orders in %s stay well above the at-risk level of 2 a minute even at night on a weekend',
  (env) => {
    const s = createScenario(NOW);
    const saturdayNight = Date.UTC(2025, 4, 24, 3, 0, 0);
    const id = { namespace: 'Shop/Checkout', name: 'OrdersPlaced', dimensions: { Environment: env } };
    const perMinute = read(
      s,
      id,
      'Sum',
      300,
      saturdayNight - HOUR,
      saturdayNight + HOUR,
      saturdayNight + 2 * HOUR,
    ).v.map((v) => v / 5);
    expect(Math.min(...perMinute)).toBeGreaterThan(2.5);
  },
);
