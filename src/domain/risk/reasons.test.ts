import { describe, expect, test } from 'vitest';
import {
  describePeriods,
  describeRoughSpan,
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
    [4, 300, '4 periods of 5 min'],
  ])('%i × %is → %s', (count, period, text) => {
    expect(describePeriods(count, period)).toBe(text);
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
