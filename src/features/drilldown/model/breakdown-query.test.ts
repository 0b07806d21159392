// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${PROP('…')} is the dynamic label syntax under test
import { describe, expect, test } from 'vitest';
import type { KpiQuery, MetricStat } from '../../../domain/kpi/query-schema';
import { breakdownLabel, breakdownSearch, breakdownUnsupported, queryForValue } from './breakdown-query';

const attempted: MetricStat = {
  namespace: 'Shop/Checkout',
  name: 'PaymentsAttempted',
  dimensions: { Environment: 'prod' },
  stat: 'Sum',
};

describe('breakdown queries', () => {
  test('SEARCH pins every other dimension and adds the one to break down by', () => {
    expect(breakdownSearch(attempted, 'PaymentProvider', 60)).toBe(
      `SEARCH('{Shop/Checkout,Environment,PaymentProvider} MetricName="PaymentsAttempted" Environment="prod"', 'Sum', 60)`,
    );
  });

  test('a dimension already pinned is released, and odd names are quoted', () => {
    const metric = { ...attempted, dimensions: { 'Load Balancer': 'a"b', AvailabilityZone: 'us-east-1a' } };
    expect(breakdownSearch(metric, 'AvailabilityZone', 300)).toBe(
      `SEARCH('{Shop/Checkout,"Load Balancer",AvailabilityZone} MetricName="PaymentsAttempted" "Load Balancer"="a\\"b"', 'Sum', 300)`,
    );
  });

  test('each SEARCH result is named by its value of the dimension, with a dynamic label', () => {
    // User Guide, "Use dynamic labels": ${PROP('Dim.dimension_name')} is "the value of the specified dimension".
    expect(breakdownLabel('PaymentProvider')).toBe("${PROP('Dim.PaymentProvider')}");
  });

  test('a math KPI is asked once per value with each of its metrics filtered', () => {
    const query: KpiQuery = {
      kind: 'math',
      expression: '100 * ok / all',
      metrics: { ok: { ...attempted, name: 'PaymentsSucceeded' }, all: attempted },
    };
    const one = queryForValue(query, 'PaymentProvider', 'adyen');
    expect(one.kind === 'math' && Object.values(one.metrics).map((m) => m.dimensions)).toEqual([
      { Environment: 'prod', PaymentProvider: 'adyen' },
      { Environment: 'prod', PaymentProvider: 'adyen' },
    ]);
  });

  test.each([
    [{ kind: 'insights', sql: 'SELECT SUM(x) FROM y' } as KpiQuery, /GROUP BY/],
    [
      { kind: 'metric', metric: { ...attempted, dimensions: { Environment: "it's" } } } as KpiQuery,
      /single quote/,
    ],
    [{ kind: 'metric', metric: attempted } as KpiQuery, undefined],
  ])('says when a query cannot be broken down (%#)', (query, message) => {
    const reason = breakdownUnsupported(query, 'PaymentProvider');
    if (message) expect(reason).toMatch(message);
    else expect(reason).toBeUndefined();
  });

  test('nor by a dimension whose name holds a single quote', () => {
    expect(breakdownUnsupported({ kind: 'metric', metric: attempted }, "it's")).toMatch(/single quote/);
  });
});
