import { describe, expect, test } from 'vitest';
import { plainFormat } from './reasons';
import { NOW, periods } from './test-fixtures';
import { breachesLimit, evaluateThreshold, type ThresholdConfig } from './threshold';

const orders = {
  title: 'Orders per minute',
  direction: 'higher-is-better',
  format: plainFormat,
  period: 60,
  now: NOW,
} as const;
const latency = {
  title: 'p99 latency',
  direction: 'lower-is-better',
  format: (v: number) => `${v} ms`,
  period: 60,
  now: NOW,
} as const;
const threeOfFive = { datapointsToAlarm: 3, evaluationPeriods: 5, treatMissingData: 'missing' } as const;

describe('breachesLimit (CloudWatch LessThanThreshold / GreaterThanThreshold)', () => {
  test.each([
    [19, 20, 'higher-is-better', true],
    [20, 20, 'higher-is-better', false],
    [21, 20, 'higher-is-better', false],
    [801, 800, 'lower-is-better', true],
    [800, 800, 'lower-is-better', false],
    [799, 800, 'lower-is-better', false],
  ] as const)('%d against %d, %s → %s', (value, limit, direction, breaches) => {
    expect(breachesLimit(value, limit, direction)).toBe(breaches);
  });
});

describe('evaluateThreshold', () => {
  test('a lower-is-better KPI above its limit in 3 of 5 minutes is breached', () => {
    const { facts, reasons } = evaluateThreshold(
      periods([500, 500, 900, 700, 950, 500, 900]),
      { breached: 800, ...threeOfFive },
      latency,
    );
    expect(facts.comparison).toBe('GreaterThanThreshold');
    expect(facts.levels[0]).toMatchObject({ level: 'breached', state: 'alarm' });
    expect(reasons).toEqual([
      expect.objectContaining({
        rule: 'threshold',
        status: 'breached',
        message: 'p99 latency above 800 ms in 3 of the last 5 minutes (latest 900 ms)',
        observed: 900,
        threshold: 800,
        window: 300,
        breachingDatapoints: 3,
        evaluatedAt: NOW,
      }),
    ]);
  });

  test.each([
    { values: [50, 50, 50, 50, 50], states: ['ok', 'ok'] },
    { values: [50, 50, 25, 25, 25], states: ['ok', 'alarm'] },
    { values: [50, 10, 10, 10, 10], states: ['alarm', 'alarm'] },
    { values: [10, 10, 25, 10, 10], states: ['ok', 'alarm'] },
    { values: [30, 30, 20, 20, 20], states: ['ok', 'alarm'] },
    { values: [10, 10, 10, 50, 50], states: ['ok', 'ok'] },
  ])('higher-is-better $values → breached $states.0, at-risk $states.1', ({ values, states }) => {
    const { facts } = evaluateThreshold(
      periods(values),
      { breached: 20, atRisk: 30, datapointsToAlarm: 3, evaluationPeriods: 3 },
      orders,
    );
    expect(facts.levels.map((l) => [l.level, l.state])).toEqual([
      ['breached', states[0]],
      ['at-risk', states[1]],
    ]);
  });

  test.each<[string, ReadonlyArray<number | null>, ThresholdConfig, number, string]>([
    ['1 of 1', [50, 25], { atRisk: 30 }, 60, 'Orders per minute below 30 in the last minute (latest 25)'],
    [
      '3 of 5',
      [25, 50, 25, 50, 25],
      { atRisk: 30, datapointsToAlarm: 3, evaluationPeriods: 5 },
      60,
      'Orders per minute below 30 in 3 of the last 5 minutes (latest 25)',
    ],
    [
      'M = N',
      [50, 25, 25, 25, 25, 25],
      { atRisk: 30, datapointsToAlarm: 5, evaluationPeriods: 5 },
      60,
      'Orders per minute below 30 for the last 5 minutes (latest 25)',
    ],
    [
      'all 3 of 5',
      [50, 25, 25, 25, 50, 50],
      { atRisk: 30, datapointsToAlarm: 3, evaluationPeriods: 5 },
      60,
      'Orders per minute below 30 in 3 of the last 5 minutes (latest 50)',
    ],
    [
      '1 of 1 at five minutes',
      [50, 25],
      { atRisk: 30 },
      300,
      'Orders per minute below 30 in the last five-minute period (latest 25)',
    ],
    [
      '2 of 3 at five minutes',
      [25, 50, 25],
      { atRisk: 30, datapointsToAlarm: 2, evaluationPeriods: 3 },
      300,
      'Orders per minute below 30 in 2 of the last 3 five-minute periods (latest 25)',
    ],
    [
      '1 of 1 at an hour',
      [25],
      { atRisk: 30 },
      3600,
      'Orders per minute below 30 in the last hour (latest 25)',
    ],
    [
      'the newest period missing, 1 of 1',
      [25, null],
      { atRisk: 30, treatMissingData: 'breaching' },
      60,
      'Orders per minute below 30 in its last datapoint (latest 25)',
    ],
  ])('the reason reads grammatically: %s', (_, values, config, period, message) => {
    const { reasons } = evaluateThreshold(periods(values, period), config, { ...orders, period });
    expect(reasons.map((r) => r.message)).toEqual([message]);
  });

  test('at-risk alone reports an at-risk reason', () => {
    const { reasons } = evaluateThreshold(periods([25, 25, 25]), { breached: 20, atRisk: 30 }, orders);
    expect(reasons.map((r) => [r.level, r.status])).toEqual([['at-risk', 'at-risk']]);
    expect(reasons[0]?.message).toBe('Orders per minute below 30 in the last minute (latest 25)');
  });

  test('the period in progress is never judged', () => {
    const points = [...periods([50, 50, 50]), { t: NOW - 30_000, v: 1 }];
    const { facts } = evaluateThreshold(points, { breached: 20 }, orders);
    expect(facts.levels[0]?.state).toBe('ok');
  });

  test('points off the period grid land in their period', () => {
    const points = periods([5, 5, 5]).map((p) => ({ t: p.t + 17_000, v: p.v }));
    const { facts } = evaluateThreshold(
      points,
      { breached: 20, datapointsToAlarm: 3, evaluationPeriods: 3 },
      orders,
    );
    expect(facts.levels[0]?.periods).toEqual(['missing', 'missing', 'breaching', 'breaching', 'breaching']);
    expect(facts.levels[0]?.state).toBe('alarm');
  });

  test('treatMissingData breaching turns an empty series into a breach and says so', () => {
    const { reasons } = evaluateThreshold(
      [],
      { breached: 20, ...threeOfFive, treatMissingData: 'breaching' },
      orders,
    );
    expect(reasons[0]).toMatchObject({ status: 'breached', filledDatapoints: 5, breachingDatapoints: 5 });
    expect(reasons[0]?.message).toBe(
      'Orders per minute below 20 in each of its last 5 datapoints, counting 5 missing as breaching',
    );
  });

  test.each([
    ['alarm', 'breached'],
    ['ok', undefined],
    [undefined, 'no-data'],
  ] as const)('treatMissingData ignore keeps the previous state %s', (previous, status) => {
    const config: ThresholdConfig = { breached: 20, ...threeOfFive, treatMissingData: 'ignore' };
    const { facts, reasons } = evaluateThreshold([], config, { ...orders, previous: { breached: previous } });
    expect(facts.levels[0]?.verdict.outcome).toBe('keep');
    expect(reasons[0]?.status).toBe(status);
    if (previous === 'alarm') {
      expect(reasons[0]).toMatchObject({ kept: true });
      expect(reasons[0]?.message).toContain('stays flagged while its data is missing');
    }
  });

  test('too few datapoints is a no-data reason that says how many it has', () => {
    const { reasons } = evaluateThreshold(
      periods([null, null, null, null, 5]),
      { breached: 20, ...threeOfFive },
      orders,
    );
    expect(reasons).toEqual([
      expect.objectContaining({
        status: 'no-data',
        message:
          'Too few datapoints to judge Orders per minute against 20: 1 of the last 7 minutes has data, 5 needed',
      }),
    ]);
  });

  test('both levels short of data give one reason, not two', () => {
    const { reasons } = evaluateThreshold(
      periods([null, null, null, null, 5]),
      { breached: 20, atRisk: 30, ...threeOfFive },
      orders,
    );
    expect(reasons).toHaveLength(1);
  });

  test('the premature-transition rule names the datapoints it saw', () => {
    const { reasons } = evaluateThreshold(
      periods([5, 5, null, null, null]),
      { breached: 20, ...threeOfFive },
      orders,
    );
    expect(reasons[0]).toMatchObject({ status: 'breached' });
    expect(reasons[0]?.message).toBe(
      'Orders per minute below 20 in both datapoints of the last 7 minutes, the rest missing (latest 5)',
    );
  });
});
