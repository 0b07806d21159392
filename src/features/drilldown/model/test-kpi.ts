import { type Kpi, kpiSchema } from '../../../domain/kpi/schema';

/** A valid KPI for model tests: a metric with thresholds, overridden per test. */
export function testKpi(overrides: Record<string, unknown> = {}): Kpi {
  return kpiSchema.parse({
    id: 'payment-success-rate',
    title: 'Payment success rate',
    category: 'reliability',
    unit: 'percent',
    direction: 'higher-is-better',
    query: {
      metric: {
        namespace: 'Shop/Checkout',
        name: 'PaymentSuccess',
        dimensions: { Environment: 'prod' },
        stat: 'Average',
        period: 60,
      },
    },
    threshold: { atRisk: 99, breached: 97 },
    ...overrides,
  });
}
