import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Point } from '../series';
import { evaluateKpi } from './evaluate';
import type { KpiRiskInput, KpiRules } from './evaluation-types';
import { compareSeverity, RISK_STATUSES } from './status';
import { NOW, seededRandom } from './test-fixtures';

const MINUTE = 60_000;
const end = Math.floor(NOW / MINUTE) * MINUTE;

const anyValue = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) },
);
/** Points on (or off) the minute grid around now, in any order, with gaps, duplicates and junk values. */
const minutesAgo = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: -2, max: 200 }) },
);
const anySeries = fc
  .array(fc.record({ minutesAgo, offset: fc.constantFrom(0, 0, 0, 17_000), v: anyValue }), { maxLength: 120 })
  .map((raw): Point[] => raw.map((r) => ({ t: end - r.minutesAgo * MINUTE + r.offset, v: r.v })));

const mOfN = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 5 }))
  .map(([m, extra]) => ({ datapointsToAlarm: m, evaluationPeriods: m + extra }));
const treatment = fc.constantFrom('missing', 'ignore', 'breaching', 'notBreaching' as const);
const limit = fc.integer({ min: -500, max: 500 });

const anyRules = fc
  .record(
    {
      direction: fc.constantFrom('higher-is-better', 'lower-is-better' as const),
      threshold: fc.record(
        { breached: limit, atRisk: limit, mOfN, treatMissingData: treatment },
        { requiredKeys: ['mOfN', 'treatMissingData'] },
      ),
      forecast: fc.record({ horizon: fc.integer({ min: 60, max: 86_400 }) }),
      anomaly: fc.record({ mOfN, treatMissingData: treatment }),
      alarms: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
      staleAfter: fc.integer({ min: 1, max: 7200 }),
      informational: fc.boolean(),
    },
    { requiredKeys: ['direction'] },
  )
  .map(
    (r): KpiRules => ({
      title: 'KPI',
      direction: r.direction,
      informational: r.informational,
      threshold: r.threshold && {
        breached: r.threshold.breached,
        atRisk: r.threshold.atRisk,
        ...r.threshold.mOfN,
        treatMissingData: r.threshold.treatMissingData,
      },
      forecast: r.forecast,
      anomaly: r.anomaly && { band: 2, ...r.anomaly.mOfN, treatMissingData: r.anomaly.treatMissingData },
      alarms: r.alarms,
      staleAfter: r.staleAfter,
    }),
  );

const anyInput = fc
  .record({
    kpi: anyRules,
    series: anySeries,
    lower: anySeries,
    upper: anySeries,
    period: fc.constantFrom(60, 60, 60, 300, 10, 0, -5, Number.NaN),
    alarmStates: fc.option(
      fc.array(
        fc.record({
          name: fc.constantFrom('a', 'b', 'c'),
          state: fc.constantFrom('OK', 'ALARM', 'INSUFFICIENT_DATA' as const),
        }),
        { maxLength: 3 },
      ),
      { nil: undefined },
    ),
  })
  .map(
    (r): KpiRiskInput => ({
      kpi: r.kpi,
      series: r.series,
      period: r.period,
      now: NOW,
      band: { lower: r.lower, upper: r.upper },
      alarms: r.alarmStates,
    }),
  );

/** Threshold and anomaly rules over the last few minutes, with values and limits close enough to cross. */
const focusedInput = fc
  .record({
    direction: fc.constantFrom('higher-is-better', 'lower-is-better' as const),
    breached: fc.integer({ min: 0, max: 100 }),
    atRisk: fc.integer({ min: 0, max: 100 }),
    mOfN,
    treatMissingData: treatment,
    values: fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), { maxLength: 15 }),
    lower: fc.integer({ min: 0, max: 100 }),
    width: fc.integer({ min: 0, max: 50 }),
    rules: fc.constantFrom('threshold', 'anomaly', 'both'),
  })
  .map(
    (r): KpiRiskInput => ({
      kpi: {
        title: 'KPI',
        direction: r.direction,
        threshold:
          r.rules === 'anomaly'
            ? undefined
            : { breached: r.breached, atRisk: r.atRisk, ...r.mOfN, treatMissingData: r.treatMissingData },
        anomaly:
          r.rules === 'threshold' ? undefined : { band: 2, ...r.mOfN, treatMissingData: r.treatMissingData },
      },
      series: r.values.flatMap((v, i) =>
        v === null ? [] : [{ t: end - (r.values.length - i) * MINUTE, v }],
      ),
      period: 60,
      now: NOW,
      band: {
        lower: r.values.map((_, i) => ({ t: end - (r.values.length - i) * MINUTE, v: r.lower })),
        upper: r.values.map((_, i) => ({ t: end - (r.values.length - i) * MINUTE, v: r.lower + r.width })),
      },
    }),
  );

const better = (v: number, delta: number, kpi: KpiRules): number =>
  kpi.direction === 'higher-is-better' ? v + delta : v - delta;

describe('evaluateKpi properties', () => {
  test('never throws on NaN, Infinity, empty, unsorted or off-grid series, and always explains a non-ok status', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = evaluateKpi(input);
        expect(RISK_STATUSES).toContain(result.status);
        expect(result.reasons.length === 0).toBe(result.status === 'ok');
        if (result.reasons[0]) expect(result.reasons[0].status).toBe(result.status);
        for (const reason of result.reasons) expect(reason.message.length).toBeGreaterThan(0);
      }),
    );
  });

  test('is deterministic and does not depend on the order of the points', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const again = evaluateKpi({ ...input, series: [...input.series] });
        expect(evaluateKpi(input)).toEqual(again);
        const unique = [...new Map(input.series.map((p) => [p.t, p])).values()];
        expect(evaluateKpi({ ...input, series: [...unique].reverse() })).toEqual(
          evaluateKpi({ ...input, series: unique }),
        );
      }),
    );
  });

  test.each([
    ['any input', anyInput],
    ['threshold/anomaly input', focusedInput],
  ])(
    'improving any values in the good direction never makes the status worse (%s, no forecast)',
    (_, inputs) => {
      fc.assert(
        fc.property(
          inputs,
          fc.integer(),
          fc.double({ min: 0, max: 100, noNaN: true }),
          (input, seed, scale) => {
            const kpi = { ...input.kpi, forecast: undefined };
            const before = evaluateKpi({ ...input, kpi });
            const random = seededRandom(seed);
            const series = input.series.map((p) => ({
              t: p.t,
              v: better(p.v, random() < 0.3 ? 0 : random() * scale, kpi),
            }));
            const after = evaluateKpi({ ...input, kpi, series });
            expect(compareSeverity(after.status, before.status)).toBeLessThanOrEqual(0);
          },
        ),
      );
    },
  );

  const integerSeries = fc
    .array(fc.record({ minutesAgo, v: fc.integer({ min: -1000, max: 1000 }) }), { maxLength: 120 })
    .map((raw): Point[] => raw.map((r) => ({ t: end - r.minutesAgo * MINUTE, v: r.v })));

  test.each([
    ['any input', fc.tuple(anyInput, integerSeries).map(([input, series]) => ({ ...input, series }))],
    ['threshold/anomaly input', focusedInput],
  ])(
    'shifting every value in the good direction never makes the status worse (%s, forecast included)',
    (_, inputs) => {
      fc.assert(
        fc.property(inputs, fc.integer({ min: 0, max: 100 }), (input, delta) => {
          const before = evaluateKpi(input);
          const shifted = input.series.map((p) => ({ t: p.t, v: better(p.v, delta, input.kpi) }));
          const after = evaluateKpi({ ...input, series: shifted });
          expect(compareSeverity(after.status, before.status)).toBeLessThanOrEqual(0);
        }),
      );
    },
  );
});
