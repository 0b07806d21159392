import { describe, expect, test } from 'vitest';
import { type ConfigError, formatConfigError, formatPath } from './config-error';

describe('formatPath', () => {
  test.each<[PropertyKey[], string]>([
    [[], ''],
    [['region'], 'region'],
    [['kpis', 2, 'query', 'metric', 'stat'], 'kpis[2].query.metric.stat'],
    [['variables', 'my-var'], 'variables.my-var'],
    [
      ['kpis', 0, 'query', 'metric', 'dimensions', 'Service Name'],
      'kpis[0].query.metric.dimensions["Service Name"]',
    ],
    [['dimensions', '200'], 'dimensions["200"]'],
  ])('%j reads %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

describe('formatConfigError', () => {
  test.each<[ConfigError, string]>([
    [
      {
        file: 'checkout.yaml',
        line: 14,
        column: 15,
        path: 'kpis[2].query.metric.stat',
        message: "'p99.9x' is not a CloudWatch statistic",
      },
      "checkout.yaml line 14, kpis[2].query.metric.stat: 'p99.9x' is not a CloudWatch statistic",
    ],
    [
      {
        file: 'checkout.yaml',
        line: 3,
        path: '',
        message: 'YAML syntax error: Tabs are not allowed as indentation',
      },
      'checkout.yaml line 3: YAML syntax error: Tabs are not allowed as indentation',
    ],
    [
      { file: 'checkout.yaml', path: '', message: 'not found at /dashboards/checkout.yaml (HTTP 404)' },
      'checkout.yaml: not found at /dashboards/checkout.yaml (HTTP 404)',
    ],
  ])('%j', (error, expected) => {
    expect(formatConfigError(error)).toBe(expected);
  });
});
