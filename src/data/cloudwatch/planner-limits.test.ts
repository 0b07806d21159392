import { EXPRESSION_LENGTH } from '@bellwether/cloudwatch-spec';
import { describe, expect, test } from 'vitest';
import type { KpiQuery } from '../../domain/kpi/query-schema';
import type { SeriesRequest } from '../metrics-source';
import { planQueries } from './planner';

const NOW = Date.UTC(2024, 4, 15, 12, 0, 30);
const HOUR = 3_600_000;

/** `a + a + …`, n times: the KPI's own name `a` becomes the call's id `m0`, one character longer each time. */
function sumOf(n: number): KpiQuery {
  return {
    kind: 'math',
    expression: Array.from({ length: n }, () => 'a').join('+'),
    metrics: { a: { namespace: 'Shop', name: 'Orders', dimensions: {}, stat: 'Sum' } },
  };
}

const request = (query: KpiQuery): SeriesRequest => ({
  ref: 'kpi',
  query,
  region: 'eu-west-1',
  window: { start: NOW - 3 * HOUR, end: NOW },
});

// CloudWatch API model, shape MetricExpression: max 2,048 characters, for the expression as sent.
describe('the expression CloudWatch receives stays within MetricExpression (2,048 characters)', () => {
  test('a KPI whose rewritten expression would be too long is refused, naming its expression', () => {
    const query = sumOf(700);
    expect(query.kind === 'math' && query.expression.length).toBeLessThanOrEqual(EXPRESSION_LENGTH.max);
    const plan = planQueries([request(query)], { now: NOW });
    expect(plan.batches).toEqual([]);
    expect(plan.errors.kpi).toEqual({
      code: 'InvalidQuery',
      message: expect.stringMatching(
        /^expression 'a\+a\+a.*' becomes 2099 characters once its metrics are named by the ids of the call, more than the 2048 CloudWatch allows/,
      ),
      retryable: false,
    });
  });

  test('one that fits after rewriting is planned as usual', () => {
    const plan = planQueries([request(sumOf(683))], { now: NOW });
    expect(plan.errors).toEqual({});
    const sent = plan.batches[0]?.queries.find((q) => q.Expression !== undefined)?.Expression ?? '';
    expect(sent.length).toBe(EXPRESSION_LENGTH.max);
  });
});
