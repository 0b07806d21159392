// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${name} is the dashboard variable syntax under test
import { describe, expect, test } from 'vitest';
import type { KpiQuery, MetricStat } from './query-schema';
import type { Variable } from './schema';
import {
  acceptsVariables,
  findMalformedReferences,
  findVariableNames,
  findVariableReferences,
  resolveVariables,
  substituteQuery,
  substituteText,
} from './variables';

const metric = (dimensions: Record<string, string>): MetricStat => ({
  namespace: 'Shop/${env}',
  name: 'Orders',
  stat: 'Sum',
  dimensions,
});

describe('findVariableNames', () => {
  test.each<[string, string[]]>([
    ['prod', []],
    ['${env}', ['env']],
    ['${env}-${region}-${env}', ['env', 'region']],
    ['$env {env} ${ env } ${1x}', []],
    ['${_private_2}', ['_private_2']],
  ])('%s', (text, expected) => {
    expect(findVariableNames(text)).toEqual(expected);
  });
});

describe('findMalformedReferences', () => {
  test.each<[string, string[]]>([
    ['${env}', []],
    ['${ env }', ['${ env }']],
    ["WHERE a = '${1x}'", ['${1x}']],
    ['${env', ['${env']],
    ['${}', ['${}']],
    ['$env', []],
  ])('%s', (text, expected) => {
    expect(findMalformedReferences(text)).toEqual(expected);
  });
});

describe('substituteText', () => {
  test.each<[string, Record<string, string>, string]>([
    ['${env}', { env: 'prod' }, 'prod'],
    ['svc-${env}-${region}', { env: 'prod', region: 'eu' }, 'svc-prod-eu'],
    ['${missing}', { env: 'prod' }, '${missing}'],
    ['${constructor}', {}, '${constructor}'],
    ['$${env}', { env: 'prod' }, '$prod'],
    ['${env}', { env: '$& and $1' }, '$& and $1'],
  ])('%s with %j', (text, values, expected) => {
    expect(substituteText(text, values)).toBe(expected);
  });
});

describe('substituteQuery', () => {
  const values = { env: 'prod', service: 'checkout' };
  test.each<[string, KpiQuery, KpiQuery]>([
    [
      'metric: dimension values only',
      { kind: 'metric', metric: metric({ Env: '${env}', Service: 'svc-${service}' }) },
      { kind: 'metric', metric: metric({ Env: 'prod', Service: 'svc-checkout' }) },
    ],
    [
      'math: expression and each metric',
      {
        kind: 'math',
        expression: "SEARCH('{Shop,Env} Env=\"${env}\"', 'Sum') / m1",
        metrics: { m1: metric({ Env: '${env}' }) },
        period: 60,
      },
      {
        kind: 'math',
        expression: "SEARCH('{Shop,Env} Env=\"prod\"', 'Sum') / m1",
        metrics: { m1: metric({ Env: 'prod' }) },
        period: 60,
      },
    ],
    [
      'insights: SQL',
      {
        kind: 'insights',
        sql: "SELECT SUM(Orders) FROM Shop WHERE Service = '${service}'",
        region: 'eu-west-1',
      },
      {
        kind: 'insights',
        sql: "SELECT SUM(Orders) FROM Shop WHERE Service = 'checkout'",
        region: 'eu-west-1',
      },
    ],
  ])('%s', (_what, query, expected) => {
    const before = structuredClone(query);
    expect(substituteQuery(query, values)).toEqual(expected);
    expect(query).toEqual(before);
  });
});

describe('findVariableReferences', () => {
  test.each<[string, KpiQuery, string[]]>([
    ['metric', { kind: 'metric', metric: metric({ Env: '${env}', Az: '${az}' }) }, ['env', 'az']],
    [
      'math',
      {
        kind: 'math',
        expression: 'm1 * ${scale}',
        metrics: { m1: metric({ Env: '${env}' }), m2: metric({}) },
      },
      ['scale', 'env'],
    ],
    ['insights', { kind: 'insights', sql: "SELECT 1 FROM a WHERE b = '${b}' AND c = '${b}'" }, ['b']],
    ['namespace is not substituted, so not a reference', { kind: 'metric', metric: metric({}) }, []],
  ])('%s', (_what, query, expected) => {
    expect(findVariableReferences(query)).toEqual(expected);
  });
});

describe('acceptsVariables', () => {
  test.each<[PropertyKey[], boolean]>([
    [['query', 'metric', 'dimensions', 'Env'], true],
    [['query', 'math', 'expression'], true],
    [['query', 'math', 'metrics', 'm1', 'dimensions', 'Env'], true],
    [['query', 'insights', 'sql'], true],
    [['slo', 'good', 'dimensions', 'Env'], true],
    [['query', 'metric', 'namespace'], false],
    [['query', 'metric', 'dimensions'], false],
    [['slo', 'good', 'name'], false],
    [['title'], false],
  ])('%j → %s', (path, expected) => {
    expect(acceptsVariables(path)).toBe(expected);
  });
});

describe('resolveVariables', () => {
  const variables: Record<string, Variable> = {
    env: { values: ['prod', 'staging'], default: 'staging' },
    region: { values: ['eu-west-1', 'us-east-1'] },
  };

  test.each<[string, Record<string, string>, Record<string, string>, string[]]>([
    ['defaults: the default, else the first value', {}, { env: 'staging', region: 'eu-west-1' }, []],
    [
      'allowed choices are kept',
      { env: 'prod', region: 'us-east-1' },
      { env: 'prod', region: 'us-east-1' },
      [],
    ],
    [
      'a value the dashboard does not offer falls back',
      { env: 'dev' },
      { env: 'staging', region: 'eu-west-1' },
      ["env: 'dev' is not one of prod, staging; showing 'staging' instead"],
    ],
    [
      'an undeclared variable is dropped',
      { team: 'payments' },
      { env: 'staging', region: 'eu-west-1' },
      ["team: this dashboard has no variable 'team'"],
    ],
  ])('%s', (_what, chosen, values, dropped) => {
    const resolved = resolveVariables({ variables }, chosen);
    expect(resolved.values).toEqual(values);
    expect(resolved.dropped.map((d) => `${d.name}: ${d.reason}`)).toEqual(dropped);
  });

  test('a variable named like an Object.prototype member resolves to its own default', () => {
    const resolved = resolveVariables({ variables: { constructor: { values: ['a', 'b'] } } }, {});
    expect(resolved).toEqual({ values: { constructor: 'a' }, dropped: [] });
  });
});
