import { describe, expect, test } from 'vitest';
import type { SeriesResult } from '../../data/metrics-source';
import { kpiSchema } from '../../domain/kpi/schema';
import type { KpiEvaluation } from '../../domain/risk';
import { buildTileModel, referenceLines, sloLine } from './tile-model';

const latency = kpiSchema.parse({
  id: 'p99',
  title: 'Checkout latency (p99)',
  category: 'health',
  unit: 'milliseconds',
  direction: 'lower-is-better',
  query: { metric: { namespace: 'Shop/Checkout', name: 'CheckoutLatency', stat: 'p99' } },
  threshold: { atRisk: 600, breached: 800 },
});

const result: SeriesResult = {
  ref: 'p99',
  series: [
    {
      label: 'p99',
      points: [
        { t: 0, v: 400 },
        { t: 60_000, v: 500 },
      ],
    },
  ],
  components: {},
  period: 60,
  complete: false,
  messages: ['MaxDatapointsExceeded'],
};

function evaluation(overrides: Partial<KpiEvaluation>): KpiEvaluation {
  return {
    title: 'x',
    informational: false,
    status: 'ok',
    reasons: [],
    evaluatedAt: 0,
    memory: {},
    ...overrides,
  };
}

describe('tile model', () => {
  test('draws at-risk and breached lines with their values in words', () => {
    expect(referenceLines(latency)).toEqual([
      { value: 600, kind: 'at-risk', label: 'At risk at 600\u00a0ms' },
      { value: 800, kind: 'breached', label: 'Breached at 800\u00a0ms' },
    ]);
  });

  test('shows the latest value, a change judged by direction, and partial data as a note', () => {
    const model = buildTileModel({ kpi: latency, result, rangeWords: 'last 6 h' });
    expect(model.valueText).toBe('500\u00a0ms');
    expect(model.change).toEqual({ text: '+25\u00a0% over last 6 h', tone: 'bad' });
    expect(model.status).toBe('pending');
    expect(model.note).toBe('Partial data: MaxDatapointsExceeded');
  });

  test('takes status, first reason and latest value from the risk engine once it has judged', () => {
    const judged = evaluation({
      status: 'breached',
      latest: { value: 1320, at: 60_000 },
      reasons: [
        {
          rule: 'alarm',
          status: 'breached',
          message: 'CloudWatch alarm checkout-p99-high is in ALARM',
          evaluatedAt: 0,
        } as KpiEvaluation['reasons'][number],
      ],
    });
    const model = buildTileModel({ kpi: latency, result, evaluation: judged, rangeWords: 'last 6 h' });
    expect(model.status).toBe('breached');
    expect(model.valueText).toBe('1.32\u00a0s');
    expect(model.reason).toBe('CloudWatch alarm checkout-p99-high is in ALARM');
  });

  test.each([
    [0.9975, 0.5, 'SLO 99.5 %: 99.75 % met · 50 % budget left'],
    [0.97, -5.4, 'SLO 99.5 %: 97 % met · budget overspent 540 %'],
  ])('SLO line for attainment %d and budget %d', (attainment, budgetRemaining, text) => {
    const slo = {
      kind: 'events' as const,
      objective: 99.5,
      window: 2_592_000,
      attainment,
      budgetRemaining,
      burnRates: [],
    };
    expect(sloLine(evaluation({ slo }))).toEqual({ slo: { text, budgetRemaining } });
  });

  test('no SLO, no SLO line', () => {
    expect(sloLine(evaluation({}))).toEqual({});
    expect(sloLine(undefined)).toEqual({});
  });
});
