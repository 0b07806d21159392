import { describe, expect, test } from 'vitest';
import type { KpiQuery } from '../../domain/kpi/query-schema';
import { type Incrementality, incrementality } from './incremental';

function math(expression: string): KpiQuery {
  return { kind: 'math', expression, metrics: {} };
}

describe('which queries a series cache may fetch by their newest periods', () => {
  test('a metric is pointwise', () => {
    expect(
      incrementality({
        kind: 'metric',
        metric: { namespace: 'AWS/EC2', name: 'CPUUtilization', dimensions: {}, stat: 'Average' },
      }),
    ).toBe('pointwise');
  });

  test.each<[string, Incrementality]>([
    // One series: each period's aggregate over the metrics' datapoints of that period.
    ['SELECT AVG(CPUUtilization) FROM "AWS/EC2"', 'pointwise'],
    ['SELECT SUM(Invocations) FROM SCHEMA("AWS/Lambda", FunctionName)', 'pointwise'],
    [
      'SELECT SUM(Invocations) FROM SCHEMA("AWS/Lambda", FunctionName) WHERE FunctionName = \'limit-orders\'',
      'pointwise',
    ],
    // The series are the groups seen in the window, and a LIMIT ranks them over the whole window.
    ['SELECT SUM(Invocations) FROM SCHEMA("AWS/Lambda", FunctionName) GROUP BY FunctionName', 'whole'],
    ['SELECT MAX(CPUUtilization) FROM "AWS/EC2" GROUP BY InstanceId ORDER BY MAX() DESC LIMIT 10', 'whole'],
    ['select avg(x) from y order by avg() desc', 'whole'],
  ])('Metrics Insights %s is %s', (sql, mode) => {
    expect(incrementality({ kind: 'insights', sql, period: 60 })).toBe(mode);
  });

  test.each<[string, Incrementality]>([
    ['100 * ok / attempts', 'pointwise'],
    ['(errors + 0.5) / (requests - errors)', 'pointwise'],
    ['-errors', 'pointwise'],
    ['IF(requests > 0, errors / requests, 0)', 'pointwise'],
    ['IF(a >= 1 && b != 0, a, b)', 'pointwise'],
    ['IF(a > 1 AND b < 2, a)', 'pointwise'],
    ['FILL(errors, 0) / requests', 'pointwise'],
    ['FILL(a, b)', 'pointwise'],
    ['ABS(a - b)', 'pointwise'],
    ['CEIL(a) + FLOOR(b) + LOG(a) + LOG10(b)', 'pointwise'],
    ['MAX([a, b])', 'pointwise'],
    ['SUM(METRICS())', 'pointwise'],
    ["AVG(METRICS('lat'))", 'pointwise'],
    ['a / PERIOD(a)', 'pointwise'],
    ['ANOMALY_DETECTION_BAND(v, 2)', 'pointwise'],
    ['FIRST([a, b])', 'pointwise'],
    ['HOUR(a)', 'pointwise'],
    ['TIME_SERIES(1)', 'pointwise'],
    // A single series' SUM/MIN/MAX is one number over the whole window.
    ['a - MIN(a)', 'whole'],
    ['a / SUM(a)', 'whole'],
    ['DATAPOINT_COUNT(a)', 'whole'],
    ['FILL(a, REPEAT)', 'whole'],
    ['FILL(a, LINEAR)', 'whole'],
    ['RUNNING_SUM(a)', 'whole'],
    ['REMOVE_EMPTY(METRICS())', 'whole'],
    ['SORT(METRICS(), AVG, DESC, 3)', 'whole'],
    ['SLICE(METRICS(), 0, 2)', 'whole'],
    ["SEARCH('{AWS/EC2,InstanceId} MetricName=\"CPUUtilization\"', 'Average', 300)", 'whole'],
    ['SERVICE_QUOTA(a)', 'whole'],
    ['SOMETHING_NEW(a)', 'whole'],
    // Lookback: the result has a point only where every DIFF/RATE/DIFF_TIME has one.
    ['DIFF(a)', 'lookback'],
    ['RATE(a + b)', 'lookback'],
    ['DIFF_TIME(a)', 'lookback'],
    ['100 * DIFF(a) / 60', 'lookback'],
    ['ABS(DIFF(a))', 'lookback'],
    ['DIFF(METRICS())', 'lookback'],
    ['IF(DIFF(charges) > 0, DIFF(charges) / orders)', 'lookback'],
    ['RATE(a) * 60 - 1', 'lookback'],
    // AND joins two series on the union of their timestamps: neither DIFF is sure to have a point.
    ['IF(DIFF(a) > 0 AND DIFF(b) > 0, DIFF(a) / DIFF(b), 0)', 'whole'],
    ['IF(b > 0, DIFF(a))', 'whole'],
    ['IF(DIFF(a) > 0, DIFF(b))', 'whole'],
    ['DIFF(a) + b', 'whole'],
    ['DIFF(DIFF(a))', 'whole'],
    ['DIFF(a) + TIME_SERIES(0)', 'whole'],
    ['DIFF(a) / DIFF(b)', 'whole'],
    ['FILL(DIFF(a), 0)', 'whole'],
    ['DIFF(RUNNING_SUM(a))', 'whole'],
    ['DIFF(a) / PERIOD(a)', 'whole'],
    // What does not parse is left to CloudWatch to reject, and never cached.
    ['a +', 'whole'],
    ["FILL(a, 'x", 'whole'],
    ['(a', 'whole'],
  ])('%s → %s', (expression, expected) => {
    expect(incrementality(math(expression))).toBe(expected);
  });
});
