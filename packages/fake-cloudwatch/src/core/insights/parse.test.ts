import { describe, expect, test } from 'vitest';
import { parseInsights } from './parse';

describe('Metrics Insights parsing', () => {
  test('reads every clause of the documented example', () => {
    const q = parseInsights(
      `SELECT SUM(RequestCount) FROM SCHEMA("AWS/ApplicationELB", LoadBalancer, AvailabilityZone) WHERE LoadBalancer = 'app/load-balancer-1' GROUP BY AvailabilityZone ORDER BY MAX() DESC LIMIT 5`,
    );
    expect(q).toEqual({
      func: 'SUM',
      metric: 'RequestCount',
      namespace: 'AWS/ApplicationELB',
      schema: ['LoadBalancer', 'AvailabilityZone'],
      where: [{ key: 'LoadBalancer', op: '=', value: 'app/load-balancer-1' }],
      groupBy: ['AvailabilityZone'],
      orderBy: { func: 'MAX', dir: 'DESC' },
      limit: 5,
    });
  });

  test('keywords are case insensitive and a plain FROM namespace has no schema', () => {
    const q = parseInsights(
      `select avg(CPUUtilization) from "AWS/EC2" where InstanceType != 'c3.4xlarge' and Env = 'prod'`,
    );
    expect(q.func).toBe('AVG');
    expect(q.schema).toBeUndefined();
    expect(q.where).toHaveLength(2);
  });

  test.each([
    ['SELECT MEDIAN(x) FROM ns', /not a Metrics Insights function/],
    [`SELECT SUM(x) FROM ns WHERE a = "b"`, /single quotes/],
    ['SELECT SUM(x) FROM ns LIMIT 501', /LIMIT is a number from 1 to 500/],
    ['SELECT SUM(x)', /expected FROM/],
  ])('%s is refused', (sql, message) => {
    expect(() => parseInsights(sql)).toThrow(message);
  });
});
