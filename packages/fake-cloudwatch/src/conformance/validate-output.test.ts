import { describe, expect, test } from 'vitest';
import { parseApiModel } from './api-model';
import { loadCloudWatchModel } from './load-model';
import { validateOutput } from './validate-output';

const { model } = loadCloudWatchModel();
const rules = { enums: { StatusCode: ['Complete', 'InternalError', 'PartialData', 'Forbidden'] } };
const result = (extra: Record<string, unknown> = {}) => ({
  Id: 'm1',
  Label: 'Orders',
  Timestamps: [1747835940, 1747835880],
  Values: [12, 14.5],
  StatusCode: 'Complete',
  ...extra,
});
const problems = (body: unknown, operation = 'GetMetricData') =>
  validateOutput(model, operation, body, rules).map((p) => `${p.path}: ${p.message}`);

describe('a JSON answer checked against the output shape of the model', () => {
  test('a well-formed GetMetricData answer has no problem', () => {
    expect(problems({ MetricDataResults: [result()], Messages: [], NextToken: 'abc' })).toEqual([]);
    expect(problems({ MetricDataResults: [result({ Values: ['NaN', 'Infinity', 1] })] })).toEqual([]);
  });

  test.each<[string, unknown, string]>([
    ['an unknown member', { MetricDataResults: [result({ Unit: 'Count' })] }, 'MetricDataResults[0].Unit'],
    ['a value that is text', { MetricDataResults: [result({ Values: ['12'] })] }, 'Values[0]: a number'],
    [
      'an ISO timestamp (the JSON protocol writes epoch seconds)',
      { MetricDataResults: [result({ Timestamps: ['2025-05-21T13:59:00Z'] })] },
      'Timestamps[0]: a timestamp in epoch seconds',
    ],
    [
      'a status the model does not have',
      { MetricDataResults: [result({ StatusCode: 'Done' })] },
      'is not one of',
    ],
    ['a list that is an object', { MetricDataResults: { m1: result() } }, 'MetricDataResults: a list'],
    ['a null member', { MetricDataResults: [result({ Label: null })] }, 'Label: null'],
    ['a message that is not a structure', { Messages: ['too many'] }, 'Messages[0]: a structure'],
  ])('%s is found', (_name, body, expected) => {
    expect(problems(body).join('\n')).toContain(expected);
  });

  test('required members, integers and booleans, as DescribeAlarms has them', () => {
    const alarm = { AlarmName: 'a', Period: 60, ActionsEnabled: true, Dimensions: [{ Name: 'TableName' }] };
    expect(problems({ MetricAlarms: [alarm] }, 'DescribeAlarms')).toEqual([
      'MetricAlarms[0].Dimensions[0].Value: required, missing',
    ]);
    expect(problems({ MetricAlarms: [{ Period: 60.5, ActionsEnabled: 'yes' }] }, 'DescribeAlarms')).toEqual([
      'MetricAlarms[0].Period: an integer expected, not number 60.5',
      'MetricAlarms[0].ActionsEnabled: true or false expected, not string "yes"',
    ]);
  });

  test('an operation the model does not have', () => {
    expect(problems({}, 'GetMetricDataFast')).toEqual([
      '(operation): the model has no operation GetMetricDataFast',
    ]);
  });

  test('a model file in another form is refused, not half read', () => {
    expect(() => parseApiModel({ metadata: {}, operations: {} })).toThrow(/metadata, operations and shapes/);
    expect(() =>
      parseApiModel({ metadata: {}, operations: { X: { output: { type: 'tuple' } } }, shapes: {} }),
    ).toThrow(/unknown shape type tuple/);
  });
});
