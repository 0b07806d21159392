/**
 * The call-level messages GetMetricData sends when a quota cut its answer, on an account with more metrics
 * than the scripted scenario has (a fleet of instances), each answer written by the JSON protocol and
 * checked against the pinned API model. The limits: "A graph can display as many as 500 time series"
 * (User Guide, "CloudWatch search expression syntax", Search expression limits); "A single query can
 * process no more than 10,000 metrics" and "A single query can return no more than 500 time series"
 * (User Guide, "Metrics Insights quotas"). The codes are the ones Grafana's CloudWatch data source
 * handles; the API reference (GetMetricData, Messages) gives "Maximum number of allowed metrics exceeded"
 * as an example text.
 */
import * as sdk from '@aws-sdk/client-cloudwatch';
import { describe, expect, test } from 'vitest';
import { createGetMetricData } from '../core/operations/get-metric-data';
import { createScenario, type Scenario } from '../core/scenario/scenario';
import { type CatalogMetric, metricKey, single } from '../core/scenario/types';
import { awsJson } from '../protocols/aws-json/protocol';
import { MINUTE, NOW } from '../test-support';
import { loadCloudWatchModel } from './load-model';
import { validateOutput } from './validate-output';

const { model } = loadCloudWatchModel();

function instance(i: number, group: string): CatalogMetric {
  const id = {
    namespace: 'Fleet',
    name: 'CPUUtilization',
    dimensions: { InstanceId: `i-${i}`, Pool: group },
  };
  return { id, key: metricKey(id), unit: 'Percent', resolution: MINUTE, sample: () => single(i % 100) };
}

/** The scripted scenario plus `count` instances, spread over `groups` groups. */
function withFleet(count: number, groups: number): Scenario {
  const base = createScenario(NOW);
  const fleet = Array.from({ length: count }, (_, i) => instance(i, `g${i % groups}`));
  const metrics = [...base.metrics, ...fleet];
  const byKey = new Map(metrics.map((m) => [m.key, m]));
  const find: Scenario['find'] = (id) => byKey.get(metricKey(id));
  return { ...base, metrics, find, training: { metrics, find } };
}

const small = withFleet(600, 600);
const large = withFleet(10_001, 3);

interface WireAnswer {
  Messages?: { Code?: string; Value?: string }[];
  MetricDataResults?: { Id?: string; StatusCode?: string }[];
}

/** One GetMetricData over the last five minutes, as the JSON protocol writes the answer. */
function call(scenario: Scenario, queries: Record<string, unknown>[]): WireAnswer {
  const output = createGetMetricData(scenario)({
    input: { MetricDataQueries: queries, StartTime: (NOW - 5 * MINUTE) / 1000, EndTime: NOW / 1000 },
    region: 'us-east-1',
    now: NOW,
    partial: false,
  });
  const body: unknown = JSON.parse(awsJson.output(output, 'req-1', 'GetMetricData').body);
  const enums = { StatusCode: Object.values(sdk.StatusCode) };
  expect(validateOutput(model, 'GetMetricData', body, { enums })).toEqual([]);
  return body as WireAnswer;
}

const codes = (answer: WireAnswer): string[] => (answer.Messages ?? []).map((m) => m.Code ?? '');
const search = (id: string, term: string) => ({ Id: id, Expression: `SEARCH('${term}', 'Average', 60)` });
const insights = (sql: string) => ({ Id: 'q', Expression: sql, Period: 60 });

describe('a SEARCH that finds more than 500 metrics', () => {
  test('returns the first 500 and says MaxMetricsExceeded on the call, with the documented text', () => {
    const answer = call(small, [search('s', '{Fleet,InstanceId,Pool} CPUUtilization')]);
    expect(answer.MetricDataResults).toHaveLength(500);
    expect(answer.MetricDataResults?.every((r) => r.StatusCode === 'Complete')).toBe(true);
    expect(answer.Messages).toEqual([
      { Code: 'MaxMetricsExceeded', Value: 'Maximum number of allowed metrics exceeded' },
    ]);
  });

  test('once per call, however many searches were cut', () => {
    const term = '{Fleet,InstanceId,Pool} CPUUtilization';
    expect(codes(call(small, [search('a', term), search('b', term)]))).toEqual(['MaxMetricsExceeded']);
  });

  test('no message when the search finds 500 or fewer, or inside a function of fewer series', () => {
    expect(codes(call(small, [search('s', '{Fleet,InstanceId,Pool} Pool="g7"')]))).toEqual([]);
    expect(codes(call(createScenario(NOW), [search('s', '{Fleet,InstanceId,Pool} CPUUtilization')]))).toEqual(
      [],
    );
  });

  test('a search that only feeds another query still cut the call', () => {
    const answer = call(small, [
      { ...search('s', '{Fleet,InstanceId,Pool} CPUUtilization'), ReturnData: false },
      { Id: 'total', Expression: 'SUM(s)' },
    ]);
    expect(answer.MetricDataResults?.map((r) => r.Id)).toEqual(['total']);
    expect(codes(answer)).toEqual(['MaxMetricsExceeded']);
  });
});

describe('Metrics Insights past its quotas', () => {
  test('more than 500 groups: the first 500 and MaxQueryResultsExceeded', () => {
    const answer = call(small, [insights('SELECT AVG(CPUUtilization) FROM Fleet GROUP BY InstanceId')]);
    expect(answer.MetricDataResults).toHaveLength(500);
    expect(answer.Messages).toEqual([
      {
        Code: 'MaxQueryResultsExceeded',
        Value: 'Only the first 500 time series can be returned by a query.',
      },
    ]);
  });

  test('a LIMIT below 500 asked for the cut, so nothing is said', () => {
    const sql = 'SELECT AVG(CPUUtilization) FROM Fleet GROUP BY InstanceId ORDER BY AVG() DESC LIMIT 10';
    expect(codes(call(small, [insights(sql)]))).toEqual([]);
  });

  test('more than 10,000 matching metrics: MaxMatchingResultsExceeded', () => {
    const answer = call(large, [insights('SELECT COUNT(CPUUtilization) FROM Fleet GROUP BY Pool')]);
    expect(answer.MetricDataResults).toHaveLength(3);
    expect(codes(answer)).toEqual(['MaxMatchingResultsExceeded']);
  });

  test('within both quotas, no message', () => {
    expect(codes(call(small, [insights('SELECT AVG(CPUUtilization) FROM Fleet')]))).toEqual([]);
  });
});
