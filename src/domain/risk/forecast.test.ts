import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Point } from '../series';
import { evaluateForecast, FORECAST_MIN_POINTS } from './forecast';
import { plainFormat } from './reasons';
import { NOW, periods, seededRandom } from './test-fixtures';

const orders = {
  title: 'Orders per minute',
  direction: 'higher-is-better',
  format: plainFormat,
  period: 60,
  now: NOW,
} as const;
const latency = { ...orders, title: 'p99 latency', direction: 'lower-is-better' } as const;

/** `count` complete minutes of a line through `valueNow` at `now` with `perMinute` change, plus optional noise. */
function line(
  count: number,
  valueNow: number,
  perMinute: number,
  noise: (i: number) => number = () => 0,
): Point[] {
  const points = periods(new Array(count).fill(0));
  return points.map((p, i) => ({ t: p.t, v: valueNow + (perMinute * (p.t - NOW)) / 60_000 + noise(i) }));
}

describe('evaluateForecast', () => {
  test('a falling series flags at-risk with when and how sure', () => {
    const { facts, reasons } = evaluateForecast(line(180, 70, -0.5), 20, { horizon: 7200 }, orders);
    expect(facts).toMatchObject({ trend: 'towards-bad', confidence: 'high', flagged: true, points: 180 });
    expect(facts.inSeconds).toBeCloseTo(6000, 3);
    expect(facts.crossingAt).toBeCloseTo(NOW + 6_000_000, 0);
    expect(reasons).toEqual([
      expect.objectContaining({
        rule: 'forecast',
        status: 'at-risk',
        message: 'At this trend, Orders per minute falls below 20 in about 1 h 40 min (confidence: high)',
        threshold: 20,
        window: 10_800,
        confidence: 'high',
      }),
    ]);
  });

  test('a crossing beyond the horizon is reported but does not flag', () => {
    const { facts, reasons } = evaluateForecast(line(180, 70, -0.5), 20, { horizon: 3600 }, orders);
    expect(facts.flagged).toBe(false);
    expect(facts.inSeconds).toBeCloseTo(6000, 3);
    expect(reasons).toEqual([]);
  });

  test('a lower-is-better KPI rising towards its limit says "rises above"', () => {
    const { reasons } = evaluateForecast(
      line(60, 500, 5),
      800,
      { horizon: 7200 },
      { ...latency, format: (v) => `${v} ms` },
    );
    expect(reasons[0]?.message).toBe(
      'At this trend, p99 latency rises above 800 ms in about 1 h (confidence: high)',
    );
  });

  test('a trend towards the good side never flags', () => {
    const { facts, reasons } = evaluateForecast(line(60, 500, -5), 800, { horizon: 7200 }, latency);
    expect(facts.trend).toBe('towards-good');
    expect(reasons).toEqual([]);
  });

  test('a line already past the limit says so', () => {
    const { reasons } = evaluateForecast(line(60, 15, -0.5), 20, { horizon: 600 }, orders);
    expect(reasons[0]?.message).toBe(
      'At this trend, Orders per minute is already at or below 20 (confidence: high)',
    );
    expect(reasons[0]?.inSeconds).toBe(0);
  });

  test('a perfectly flat series has no trend', () => {
    const { facts } = evaluateForecast(line(60, 25, 0), 20, { horizon: 86_400 }, orders);
    expect(facts).toMatchObject({ trend: 'none', flagged: false, pValue: 1 });
  });

  test(`fewer than ${FORECAST_MIN_POINTS} points is never a trend`, () => {
    const { facts, reasons } = evaluateForecast(
      line(FORECAST_MIN_POINTS - 1, 70, -10),
      20,
      { horizon: 86_400 },
      orders,
    );
    expect(facts).toMatchObject({ enough: false, trend: 'unknown', flagged: false });
    expect(reasons).toEqual([]);
  });

  test('only the lookback is fitted: an old fall followed by a flat hour does not flag', () => {
    const recent = line(60, 80, 0).map((p, i) => ({ ...p, v: p.v + (i % 2 === 0 ? 0.5 : -0.5) }));
    const old = line(240, 200, -1).filter((p) => p.t < (recent[0]?.t ?? 0));
    const { facts } = evaluateForecast([...old, ...recent], 20, { horizon: 86_400, lookback: 3600 }, orders);
    expect(facts.points).toBe(60);
    expect(facts.flagged).toBe(false);
  });

  test('a few wild outliers do not move the Theil–Sen slope', () => {
    const spiky = line(120, 70, -0.5).map((p, i) => (i % 30 === 7 ? { ...p, v: p.v + 5000 } : p));
    const { facts } = evaluateForecast(spiky, 20, { horizon: 7200 }, orders);
    expect(facts.slope).toBeCloseTo(-0.5 / 60, 6);
    expect(facts.flagged).toBe(true);
  });

  test('a weak, noisy trend is flagged with less confidence than a clean one', () => {
    const random = seededRandom(7);
    const noisy = line(40, 30, -0.1, () => (random() - 0.5) * 6);
    const { facts, reasons } = evaluateForecast(noisy, 20, { horizon: 86_400 }, orders);
    expect(facts.trend).toBe('towards-bad');
    expect(facts.pValue).toBeGreaterThan(0.001);
    expect(facts.confidence).toBe('medium');
    expect(reasons[0]?.message).toMatch(/\(confidence: medium\)$/);
  });
});

describe('forecast properties', () => {
  test('a flat series with seeded random noise never flags', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: FORECAST_MIN_POINTS, max: 360 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.constantFrom('higher-is-better', 'lower-is-better'),
        (seed, count, amplitude, level, direction) => {
          const random = seededRandom(seed);
          const points = line(count, level, 0, () => (random() * 2 - 1) * amplitude);
          const target = direction === 'higher-is-better' ? level - 10 * amplitude : level + 10 * amplitude;
          const { facts } = evaluateForecast(
            points,
            target,
            { horizon: count * 60 },
            { ...orders, direction },
          );
          expect(facts.flagged).toBe(false);
        },
      ),
    );
  });

  test('no noise bounded by a, however arranged, flags a limit 20a away within the span it was fitted on', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
          minLength: FORECAST_MIN_POINTS,
          maxLength: 200,
        }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (noise, amplitude) => {
          const points = line(noise.length, 500, 0, (i) => (noise[i] ?? 0) * amplitude);
          const { facts } = evaluateForecast(
            points,
            500 - 20 * amplitude,
            { horizon: noise.length * 60 },
            orders,
          );
          expect(facts.flagged).toBe(false);
        },
      ),
    );
  });

  test('a clean ramp towards the limit always flags, with high confidence, at the right time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: FORECAST_MIN_POINTS, max: 200 }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.integer({ min: 60, max: 86_400 }),
        fc.constantFrom('higher-is-better', 'lower-is-better'),
        (count, distance, crossingIn, direction) => {
          const sign = direction === 'higher-is-better' ? -1 : 1;
          const perMinute = (sign * distance * 60) / crossingIn;
          const points = line(count, 100, perMinute);
          const target = 100 + sign * distance;
          const { facts } = evaluateForecast(
            points,
            target,
            { horizon: crossingIn + 60 },
            { ...orders, direction },
          );
          expect(facts.flagged).toBe(true);
          expect(facts.confidence).toBe('high');
          expect(facts.inSeconds).toBeCloseTo(crossingIn, 0);
        },
      ),
    );
  });
});
