import { describe, expect, test } from 'vitest';
import type { Point } from '../series';
import { type AnomalyConfig, evaluateAnomaly } from './anomaly';
import { plainFormat } from './reasons';
import { NOW, periods } from './test-fixtures';

const orders = {
  title: 'Orders per minute',
  direction: 'higher-is-better',
  format: plainFormat,
  period: 60,
  now: NOW,
} as const;
const latency = { ...orders, title: 'p99 latency', direction: 'lower-is-better' } as const;
const band = (count: number, lower: number, upper: number): { lower: Point[]; upper: Point[] } => ({
  lower: periods(new Array(count).fill(lower)),
  upper: periods(new Array(count).fill(upper)),
});
const twoOfThree = {
  band: 2,
  datapointsToAlarm: 2,
  evaluationPeriods: 3,
  treatMissingData: 'missing',
} as const;

describe('evaluateAnomaly', () => {
  test.each([
    { direction: 'higher-is-better', values: [100, 100, 40, 100, 40], state: 'alarm', side: 'below' },
    { direction: 'higher-is-better', values: [100, 100, 400, 100, 400], state: 'ok', side: 'below' },
    { direction: 'lower-is-better', values: [100, 100, 400, 100, 400], state: 'alarm', side: 'above' },
    { direction: 'lower-is-better', values: [100, 100, 40, 100, 40], state: 'ok', side: 'above' },
    { direction: 'higher-is-better', values: [100, 40, 40, 100, 100], state: 'ok', side: 'below' },
  ] as const)(
    '$direction $values against band 50..200 → $state ($side counts)',
    ({ direction, values, state, side }) => {
      const { facts, reasons } = evaluateAnomaly(periods(values), band(5, 50, 200), twoOfThree, {
        ...orders,
        direction,
      });
      expect(facts.side).toBe(side);
      expect(facts.state).toBe(state);
      expect(reasons.map((r) => r.status)).toEqual(state === 'alarm' ? ['at-risk'] : []);
    },
  );

  test('the reason names the band, the count and the latest numbers', () => {
    const { reasons } = evaluateAnomaly(periods([100, 40, 40]), band(3, 50, 200), twoOfThree, orders);
    expect(reasons[0]).toMatchObject({
      rule: 'anomaly',
      status: 'at-risk',
      side: 'below',
      outsideDatapoints: 2,
      observed: 40,
      threshold: 50,
      message:
        'Orders per minute below its expected band (2 standard deviations) in 2 of the last 3 minutes (latest 40, band edge 50)',
    });
  });

  test.each<[string, number[], AnomalyConfig, number, string]>([
    [
      '1 of 1',
      [100, 40],
      { ...twoOfThree, datapointsToAlarm: 1, evaluationPeriods: 1 },
      60,
      'in the last minute',
    ],
    ['3 of 3', [40, 40, 40], { ...twoOfThree, datapointsToAlarm: 3 }, 60, 'for the last 3 minutes'],
    ['2 of 3 at five minutes', [100, 40, 40], twoOfThree, 300, 'in 2 of the last 3 five-minute periods'],
  ])('the count reads grammatically: %s', (_, values, config, period, words) => {
    const count = values.length;
    const edges = {
      lower: periods(new Array(count).fill(50), period),
      upper: periods(new Array(count).fill(200), period),
    };
    const { reasons } = evaluateAnomaly(periods(values, period), edges, config, { ...orders, period });
    expect(reasons[0]?.message).toBe(
      `Orders per minute below its expected band (2 standard deviations) ${words} (latest 40, band edge 50)`,
    );
  });

  test('a period without a band edge is missing data', () => {
    const gappyBand = { lower: periods([50, null, null]), upper: periods([200, 200, 200]) };
    const { facts } = evaluateAnomaly(periods([100, 40, 40]), gappyBand, twoOfThree, orders);
    expect(facts.periods.slice(-3)).toEqual(['not-breaching', 'missing', 'missing']);
    expect(facts.state).toBe('ok');
  });

  test('lists every bad-side breach of the series for chart markers, matched by timestamp', () => {
    const { facts } = evaluateAnomaly(periods([10, 100, 500, 30]), band(4, 50, 200), twoOfThree, orders);
    const points = periods([10, 100, 500, 30]);
    expect(facts.breaches).toEqual([
      { t: points[0]?.t, value: 10, bound: 50 },
      { t: points[3]?.t, value: 30, bound: 50 },
    ]);
  });

  test('ignore keeps a previous anomaly while data is missing', () => {
    const { facts, reasons } = evaluateAnomaly(
      [],
      band(5, 50, 200),
      { ...twoOfThree, treatMissingData: 'ignore' },
      {
        ...latency,
        previous: 'alarm',
      },
    );
    expect(facts.state).toBe('alarm');
    expect(reasons[0]).toMatchObject({ status: 'at-risk', kept: true });
  });
});
