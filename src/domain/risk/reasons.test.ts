import { describe, expect, test } from 'vitest';
import {
  describeAllDatapoints,
  describeMofN,
  describeMofNDatapoints,
  describePeriods,
  describeRoughSpan,
  describeSomeOf,
  formatPercent,
  formatRate,
  plainFormat,
  type RiskReason,
  sortReasons,
} from './reasons';

describe('formatRate', () => {
  test.each([
    [14.4, '14.4×'],
    [6, '6×'],
    [1, '1×'],
    [0.25, '0.3×'],
    [123.4, '123×'],
    [Number.POSITIVE_INFINITY, '∞×'],
  ])('%d → %s', (rate, text) => {
    expect(formatRate(rate)).toBe(text);
  });
});

describe('formatPercent', () => {
  test.each([
    [0.999, '99.9%'],
    [0.9995, '99.95%'],
    [0.99999, '99.999%'],
    [1, '100%'],
    [0.62, '62%'],
    [0.055, '5.5%'],
    [0.0012, '0.12%'],
    [-0.8, '−80%'],
    [0, '0%'],
  ])('%d → %s', (fraction, text) => {
    expect(formatPercent(fraction)).toBe(text);
  });
});

describe('describePeriods', () => {
  test.each([
    [5, 60, '5 minutes'],
    [1, 60, '1 minute'],
    [3, 3600, '3 hours'],
    [2, 86_400, '2 days'],
    [10, 1, '10 seconds'],
    [1, 3600, '1 hour'],
    [2, 604_800, '2 weeks'],
    [4, 300, '4 five-minute periods'],
    [1, 300, '1 five-minute period'],
    [3, 900, '3 15-minute periods'],
    [2, 90, '2 90-second periods'],
    [3, 21_600, '3 six-hour periods'],
    [2, 172_800, '2 two-day periods'],
  ])('%i × %is → %s', (count, period, text) => {
    expect(describePeriods(count, period)).toBe(text);
  });
});

describe('describeMofN: grammatical M of N', () => {
  test.each([
    [1, 1, 60, 'in the last minute'],
    [1, 1, 3600, 'in the last hour'],
    [1, 1, 300, 'in the last five-minute period'],
    [3, 5, 60, 'in 3 of the last 5 minutes'],
    [1, 5, 60, 'in 1 of the last 5 minutes'],
    [5, 5, 60, 'for the last 5 minutes'],
    [2, 2, 86_400, 'for the last 2 days'],
    [2, 3, 300, 'in 2 of the last 3 five-minute periods'],
    [3, 3, 300, 'for the last 3 five-minute periods'],
    [1, 3, 900, 'in 1 of the last 3 15-minute periods'],
    [0, 3, 60, 'in none of the last 3 minutes'],
  ])('%i of %i at %is → %s', (m, n, period, text) => {
    expect(describeMofN(m, n, period)).toBe(text);
  });

  test.each([
    [1, 1, 'in its last datapoint'],
    [5, 5, 'in each of its last 5 datapoints'],
    [3, 5, 'in 3 of its last 5 datapoints'],
    [1, 4, 'in 1 of its last 4 datapoints'],
  ])('%i of its last %i datapoints → %s', (m, n, text) => {
    expect(describeMofNDatapoints(m, n)).toBe(text);
  });

  test.each([
    [1, 'the only datapoint'],
    [2, 'both datapoints'],
    [3, 'all 3 datapoints'],
  ])('all of %i datapoints → %s', (count, text) => {
    expect(describeAllDatapoints(count)).toBe(text);
  });

  test.each([
    [0, 7, 60, 'none of the last 7 minutes has'],
    [1, 7, 60, '1 of the last 7 minutes has'],
    [3, 7, 60, '3 of the last 7 minutes have'],
    [2, 5, 300, '2 of the last 5 five-minute periods have'],
  ])('%i of %i periods of %is → %s', (count, total, period, text) => {
    expect(describeSomeOf(count, total, period)).toBe(text);
  });
});

describe('plainFormat', () => {
  test.each([
    [812.3456, '812.3'],
    [20, '20'],
    [0.000123456, '0.0001235'],
    [Number.NaN, 'NaN'],
  ])('%d → %s', (value, text) => {
    expect(plainFormat(value)).toBe(text);
  });
});

describe('sortReasons', () => {
  const reason = (rule: RiskReason['rule'], status: RiskReason['status'], message: string): RiskReason =>
    ({ rule, status, message, evaluatedAt: 0 }) as RiskReason;

  test('puts the most severe first, then a fixed rule order, then input order', () => {
    const sorted = sortReasons([
      reason('stale', 'no-data', 'stale'),
      reason('forecast', 'at-risk', 'forecast'),
      reason('slo-burn', 'breached', 'burn'),
      reason('threshold', 'breached', 'threshold'),
      reason('anomaly', 'at-risk', 'anomaly'),
      reason('error', 'error', 'error'),
      reason('forecast', 'at-risk', 'forecast 2'),
    ]);
    expect(sorted.map((r) => r.message)).toEqual([
      'threshold',
      'burn',
      'error',
      'anomaly',
      'forecast',
      'forecast 2',
      'stale',
    ]);
  });
});

describe('describeRoughSpan', () => {
  test.each([
    [90, '2 min'],
    [6000, '1 h 40 min'],
    [6120, '1 h 40 min'],
    [87_840, '24 h'],
    [180_000, '2 days'],
    [Number.POSITIVE_INFINITY, 'forever'],
  ])('%d s → about %s', (seconds, text) => {
    expect(describeRoughSpan(seconds)).toBe(text);
  });
});
