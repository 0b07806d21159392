import { describe, expect, test } from 'vitest';
import { kpiSchema } from './schema';

const base = {
  id: 'cost',
  title: 'Cost per order',
  category: 'cost',
  unit: 'count',
  direction: 'lower-is-better',
};
const metric = { metric: { namespace: 'Shop', name: 'Orders', stat: 'Sum' } };
const math = { math: { expression: 'a / b', metrics: { a: metric.metric, b: metric.metric } } };

function messages(input: unknown): string[] {
  const result = kpiSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('rules that span KPI fields', () => {
  test.each([
    ['anomaly on a single metric', { ...base, query: metric, anomaly: { band: 2 } }, []],
    [
      'anomaly on metric math',
      { ...base, query: math, anomaly: { band: 2 } },
      [
        'anomaly: an anomaly band is computed for a single metric: use query.metric, or drop anomaly for this KPI',
      ],
    ],
    [
      'forecast without a breach threshold',
      { ...base, query: metric, forecast: { horizon: '6h' } },
      ['forecast: a forecast needs threshold.breached to aim at'],
    ],
    [
      'forecast with a breach threshold',
      { ...base, query: metric, threshold: { breached: 5 }, forecast: { horizon: '6h' } },
      [],
    ],
  ])('%s', (_name, input, expected) => {
    expect(messages(input)).toEqual(expected);
  });
});
