import { describe, expect, test } from 'vitest';
import { latency, type Sample, single } from '../scenario/types';
import { computeStatistic, parseStatistic, type Weighted } from './statistic';

/**
 * Every case comes from the User Guide page "CloudWatch statistics definitions"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html): its
 * definitions, its examples (tm90, TM(2%:98%), TM(150:1000), wm98, WM(10%:90%), PR(:300), PR(100:2000),
 * tc90, TC(0.005:0.030), TC(80:500), TC(:0.5), ts90, TS(80%:), IQM) and its Note on bounds, applied to
 * datapoints whose answer can be worked out by hand.
 */
const raw = (values: number[]): Weighted[] => values.map((v) => ({ sample: single(v), weight: 1 }));
const stat = (name: string, items: Weighted[]): number | undefined => {
  const parsed = parseStatistic(name);
  if (!parsed) throw new Error(`${name} does not parse`);
  return computeStatistic(parsed, items);
};
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const total = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

const ONE_TO_100 = raw(range(1, 100));
const ONE_TO_10 = raw(range(1, 10));

describe('statistics over raw datapoints, as the statistics definitions page defines them', () => {
  test.each<[string, string, Weighted[], number]>([
    // "tm90 calculates the average after removing the 10% of data points with the highest values"
    ['tm90', 'the lowest 90 of 1…100', ONE_TO_100, mean(range(1, 90))],
    // "TM(2%:98%) … after removing the 2% lowest data points and the 2% highest data points"
    ['TM(2%:98%)', 'ranks 3…98', ONE_TO_100, mean(range(3, 98))],
    // "tm99 … is the same as TM(:99%)"
    ['TM(:99%)', 'the lowest 99', ONE_TO_100, mean(range(1, 99))],
    // TM(10%:) "disregards the lowest 10%"
    ['TM(10%:)', 'ranks 11…100', ONE_TO_100, mean(range(11, 100))],
    // IQM "is equivalent to TM(25%:75%)"
    ['IQM', 'the middle 50 of 1…100', ONE_TO_100, mean(range(26, 75))],
    // "TM(150:1000) … after removing all data points that are lower than or equal to 150, or higher than 1000"
    ['TM(150:1000)', '150 is out, 1000 is in', raw([100, 150, 151, 500, 1000, 1001]), mean([151, 500, 1000])],
    // "wm98 … treating the 2% of the highest values to be equal to the value at the 98th percentile"
    ['wm98', '99 and 100 count as 98', ONE_TO_100, (total(range(1, 98)) + 2 * 98) / 100],
    // "WM(10%:90%) … the highest 10% … the value of the 90% boundary, … the lowest 10% … the 10% boundary"
    ['WM(10%:90%)', '10 counts as 9 and 1 as 1', ONE_TO_10, (1 + total(range(2, 9)) + 9) / 10],
    // Value bounds for WM follow the Note: the lower one excluded, the upper one included.
    ['WM(2:8)', 'values ≤ 2 count as 2, above 8 as 8', ONE_TO_10, (2 + 2 + total(range(3, 8)) + 8 + 8) / 10],
    // "PR(:300) returns the percentage of data points that have a value of 300 or less"
    ['PR(:300)', '300 is in', raw([100, 200, 300, 400]), 75],
    // "PR(100:2000) … a value between 100 and 2000"; the lower bound exclusive, the upper inclusive
    ['PR(100:2000)', '100 is out, 2000 is in', raw([100, 150, 2000, 2001]), 50],
    ['PR(10:)', 'everything above 10', ONE_TO_100, 90],
    // "tc90 returns the number of data points not including any … in the highest 10% of the values"
    ['tc90', 'the lowest 90', ONE_TO_100, 90],
    // "TC(0.005:0.030) … between 0.005 (exclusive) and 0.030 (inclusive)"
    ['TC(0.005:0.030)', '0.005 is out, 0.030 is in', raw([0.005, 0.01, 0.03, 0.031]), 2],
    // "TC(80:500) uses only the values that are between 80 (exclusive) and 500 (inclusive)"
    ['TC(80:500)', '80 is out, 500 is in', raw([79, 80, 81, 500, 501]), 2],
    // "TC(:0.5) uses only the values that equal 0.5 or are lower"
    ['TC(:0.5)', '0.5 is in', raw([0.1, 0.5, 0.6]), 2],
    // "ts90 returns the sum of the data points not including any … in the highest 10% of the values"
    ['ts90', 'the sum of the lowest 90', ONE_TO_100, total(range(1, 90))],
    // "TS(80%:) … not including any data points with values in the lowest 80%"
    ['TS(80%:)', 'the highest two of 1…10', ONE_TO_10, 9 + 10],
    // "p95 … 95 percent of the data within the period is lower than this value"
    ['p95', 'the 95th of 1…100', ONE_TO_100, 95],
    ['p50', 'the 50th', ONE_TO_100, 50],
    ['p100', 'the highest', ONE_TO_100, 100],
  ])('%s: %s', (name, _why, items, expected) => {
    expect(stat(name, items)).toBeCloseTo(expected, 9);
  });

  test('trimmed sum is trimmed mean times trimmed count ("It is equivalent to (Trimmed Mean) * (Trimmed count)")', () => {
    for (const bounds of ['(10%:90%)', '(:95%)', '(20:70)', '(5.5:)']) {
      const tm = stat(`TM${bounds}`, ONE_TO_100) ?? Number.NaN;
      const tc = stat(`TC${bounds}`, ONE_TO_100) ?? Number.NaN;
      expect(stat(`TS${bounds}`, ONE_TO_100)).toBeCloseTo(tm * tc, 6);
    }
  });

  test('the one-number forms equal their ranges ("tm99 … is the same as TM(:99%)")', () => {
    for (const family of ['tm', 'wm', 'tc', 'ts']) {
      expect(stat(`${family}97`, ONE_TO_100)).toBe(stat(`${family.toUpperCase()}(:97%)`, ONE_TO_100));
    }
  });

  test('a value range with no datapoints in it has no trimmed mean, and a trimmed count of 0', () => {
    expect(stat('TM(500:600)', ONE_TO_100)).toBeUndefined();
    expect(stat('TC(500:600)', ONE_TO_100)).toBe(0);
    expect(stat('PR(500:600)', ONE_TO_100)).toBe(0);
  });
});

describe('the data these statistics need ("Requirements to use percentiles, trimmed mean, and some other statistics")', () => {
  const set = (sample: Sample): Weighted[] => [{ sample, weight: 1 }];
  test('a statistic set qualifies when SampleCount is 1, or Min = Max and Sum = Min × SampleCount', () => {
    expect(stat('p90', set({ count: 4, sum: 20, min: 5, max: 5 }))).toBe(5);
    expect(stat('TC(4:)', set({ count: 4, sum: 20, min: 5, max: 5 }))).toBe(4);
  });

  test('any other statistic set has no percentile-based value, though its basic statistics stay', () => {
    const mixed = set({ count: 4, sum: 10, min: 1, max: 4 });
    for (const name of ['p90', 'tm90', 'WM(10%:90%)', 'TS(80%:)', 'TC(:2)', 'PR(:2)', 'IQM']) {
      expect(stat(name, mixed)).toBeUndefined();
    }
    expect(stat('Sum', mixed)).toBe(10);
    expect(stat('Maximum', mixed)).toBe(4);
  });

  test('"not available for metrics when any of the metric values are negative numbers"', () => {
    const items = raw([-1, 2, 3]);
    expect(stat('p50', items)).toBeUndefined();
    expect(stat('TM(10%:90%)', items)).toBeUndefined();
    expect(stat('Average', items)).toBeCloseTo(4 / 3, 9);
  });
});

describe('statistics over latencies the scenario spreads log-normally', () => {
  const dist = { median: 200, sigma: 0.5 };
  const items: Weighted[] = [{ sample: latency(1000, dist)!, weight: 3 }];
  const N = 3000;
  test('whole ranges give back the basic statistics', () => {
    expect(stat('TS(0%:100%)', items)).toBeCloseTo(stat('Sum', items) ?? 0, 6);
    expect(stat('TM(0%:100%)', items)).toBeCloseTo(stat('Average', items) ?? 0, 6);
    expect(stat('TC(0%:100%)', items)).toBe(N);
  });

  test('percentile rank at the median is 50 %, and p50 is the median', () => {
    expect(stat('p50', items)).toBeCloseTo(200, 3);
    expect(stat('PR(:200)', items)).toBeCloseTo(50, 4);
    expect(stat('PR(200:)', items)).toBeCloseTo(50, 4);
  });

  test('trimmed statistics are ordered as their definitions imply', () => {
    const p90 = stat('p90', items) ?? 0;
    const tm90 = stat('tm90', items) ?? 0;
    const wm90 = stat('wm90', items) ?? 0;
    const avg = stat('Average', items) ?? 0;
    expect(tm90).toBeLessThan(p90);
    expect(tm90).toBeLessThan(wm90);
    expect(wm90).toBeLessThan(avg);
    expect(stat('tc90', items)).toBeCloseTo(0.9 * N, 6);
    expect(stat('IQM', items)).toBeGreaterThan(stat('p25', items) ?? 0);
    expect(stat('IQM', items)).toBeLessThan(stat('p75', items) ?? 0);
    expect(stat('TC(:200)', items)).toBeCloseTo(N / 2, 2);
  });
});
