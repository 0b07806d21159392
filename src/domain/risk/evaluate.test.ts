import { describe, expect, test } from 'vitest';
import { kpiSchema, outcomeSchema } from '../kpi/schema';
import { evaluateKpi } from './evaluate';
import type { KpiRiskInput, KpiRules } from './evaluation-types';
import { rollUpOutcome } from './rollup';
import { NOW, periods } from './test-fixtures';

const ordersKpi: KpiRules = {
  title: 'Orders per minute',
  direction: 'higher-is-better',
  threshold: {
    breached: 20,
    atRisk: 30,
    datapointsToAlarm: 3,
    evaluationPeriods: 5,
    treatMissingData: 'missing',
  },
};
const input = (overrides: Partial<KpiRiskInput>): KpiRiskInput => ({
  kpi: ordersKpi,
  series: periods([50, 50, 50, 50, 50, 50, 50]),
  period: 60,
  now: NOW,
  ...overrides,
});

describe('evaluateKpi', () => {
  test('fresh data inside every threshold is ok, with no reasons and the latest value', () => {
    const result = evaluateKpi(input({}));
    expect(result).toMatchObject({
      status: 'ok',
      reasons: [],
      title: 'Orders per minute',
      informational: false,
    });
    expect(result.latest).toEqual({ value: 50, at: NOW - 30_000 - 60_000 });
    expect(result.threshold?.levels.map((l) => l.state)).toEqual(['ok', 'ok']);
  });

  test.each([
    { values: [50, 50, 50, 25, 25, 25, 25], status: 'at-risk', rule: 'threshold' },
    { values: [50, 50, 10, 10, 25, 10, 50], status: 'breached', rule: 'threshold' },
    { values: [50, 50, 50, 50, 10, 10, 50], status: 'ok', rule: undefined },
  ] as const)('threshold levels: $values → $status', ({ values, status, rule }) => {
    const result = evaluateKpi(input({ series: periods(values) }));
    expect(result.status).toBe(status);
    expect(result.reasons[0]?.rule).toBe(rule);
  });

  test('the more severe level leads the reasons', () => {
    const result = evaluateKpi(input({ series: periods([10, 10, 10, 10, 10]) }));
    expect(result.reasons.map((r) => r.status)).toEqual(['breached', 'at-risk']);
  });

  test('stale data is no-data with a stale reason, and the last value stays on screen', () => {
    const series = periods([50, 50, 50, 50, 50], 60, NOW - 25 * 60_000);
    const result = evaluateKpi(input({ series }));
    expect(result.status).toBe('no-data');
    expect(result.reasons.map((r) => r.rule)).toEqual(['stale']);
    expect(result.reasons[0]?.message).toBe('Orders per minute: no data for 26 min (expected every 1 min)');
    expect(result.latest?.value).toBe(50);
  });

  test('staleAfter overrides the default grace', () => {
    const series = periods([50, 50, 50, 50, 50], 60, NOW - 25 * 60_000);
    expect(
      evaluateKpi(input({ series, kpi: { ...ordersKpi, staleAfter: 3600 } })).reasons.map((r) => r.rule),
    ).toEqual(['threshold']);
  });

  test('a metric that only reports when something goes wrong (notBreaching) is ok while silent', () => {
    const kpi: KpiRules = {
      title: 'Payment errors',
      direction: 'lower-is-better',
      threshold: {
        breached: 5,
        datapointsToAlarm: 1,
        evaluationPeriods: 1,
        treatMissingData: 'notBreaching',
      },
    };
    expect(evaluateKpi(input({ kpi, series: [] })).status).toBe('ok');
    expect(evaluateKpi(input({ kpi, series: periods([9], 60, NOW - 3_600_000) })).status).toBe('ok');
    expect(evaluateKpi(input({ kpi, series: periods([9]) })).status).toBe('breached');
    const watched = evaluateKpi(input({ kpi: { ...kpi, staleAfter: 1800 }, series: [] }));
    expect(watched.status).toBe('no-data');
  });

  test('no data at all is no-data with one reason, not a pile of "too few datapoints"', () => {
    const result = evaluateKpi(input({ series: [] }));
    expect(result.status).toBe('no-data');
    expect(result.reasons).toEqual([
      expect.objectContaining({
        rule: 'no-data',
        message: 'Orders per minute: no datapoints returned (expected one every 1 min)',
      }),
    ]);
    expect(result.latest).toBeUndefined();
  });

  test('no data in the judged window but an older datapoint known: says how long there has been none', () => {
    const result = evaluateKpi(input({ series: [], lastKnown: { t: NOW - 40 * 60_000, v: 9 } }));
    expect(result.status).toBe('no-data');
    expect(result.reasons).toEqual([
      expect.objectContaining({
        rule: 'stale',
        message: 'Orders per minute: no data for 39 min (expected every 1 min)',
      }),
    ]);
    expect(result.latest).toBeUndefined();
  });

  test('the period in progress is never the latest value, and never judged', () => {
    const result = evaluateKpi(input({ series: [...periods([50, 50, 50]), { t: NOW - 20_000, v: 3 }] }));
    expect(result.latest?.value).toBe(50);
    expect(result.inProgress).toEqual({ value: 3, at: NOW - 20_000 });
    expect(result.status).toBe('ok');
  });

  test('no data with treatMissingData breaching is breached, as a CloudWatch alarm would be', () => {
    const kpi = {
      ...ordersKpi,
      threshold: { ...ordersKpi.threshold, breached: 20, treatMissingData: 'breaching' },
    } as const;
    const result = evaluateKpi(input({ series: [], kpi }));
    expect(result.status).toBe('breached');
    expect(result.reasons.map((r) => r.rule)).toEqual(['threshold', 'threshold', 'no-data']);
  });

  test('a failed fetch is an error that carries its message and skips the series rules', () => {
    const result = evaluateKpi(
      input({
        series: [],
        error: { message: 'AccessDenied: not authorized to GetMetricData', code: 'AccessDenied' },
      }),
    );
    expect(result.status).toBe('error');
    expect(result.reasons).toEqual([
      expect.objectContaining({
        rule: 'error',
        code: 'AccessDenied',
        message: 'Could not load Orders per minute: AccessDenied: not authorized to GetMetricData',
      }),
    ]);
    expect(result.threshold).toBeUndefined();
  });

  test('a KPI with no rule is unknown, never ok', () => {
    const result = evaluateKpi(input({ kpi: { title: 'Visitors', direction: 'higher-is-better' } }));
    expect(result.status).toBe('unknown');
    expect(result.reasons[0]?.message).toBe(
      'Visitors has no threshold, SLO, forecast, anomaly band or alarm to judge it',
    );
  });

  test('a forecast without enough points yet leaves the judgement to the threshold', () => {
    const kpi: KpiRules = {
      title: 'Orders per minute',
      direction: 'higher-is-better',
      threshold: { breached: 20, datapointsToAlarm: 1, evaluationPeriods: 1, treatMissingData: 'ignore' },
      forecast: { horizon: 3600 },
    };
    const result = evaluateKpi(input({ kpi, series: periods([null, null, null, 50]) }));
    expect(result.status).toBe('ok');
    expect(result.forecast).toMatchObject({ enough: false, points: 1 });
  });

  test('alarms: ALARM is breached and named; INSUFFICIENT_DATA is no-data', () => {
    const kpi: KpiRules = {
      title: 'p99 latency',
      direction: 'lower-is-better',
      alarms: ['checkout-p99-high', 'quiet'],
    };
    const result = evaluateKpi(
      input({
        kpi,
        alarms: [
          { name: 'checkout-p99-high', state: 'ALARM', reason: 'Threshold Crossed', updatedAt: NOW },
          { name: 'quiet', state: 'INSUFFICIENT_DATA', reason: '', updatedAt: NOW },
        ],
      }),
    );
    expect(result.status).toBe('breached');
    expect(result.reasons.map((r) => r.message)).toEqual([
      'CloudWatch alarm checkout-p99-high is in ALARM',
      'CloudWatch alarm quiet has insufficient data',
    ]);
  });

  test('a DescribeAlarms failure is an error', () => {
    const kpi: KpiRules = { title: 'p99 latency', direction: 'lower-is-better', alarms: ['a'] };
    const result = evaluateKpi(input({ kpi, alarmsError: 'Throttling: Rate exceeded' }));
    expect(result.status).toBe('error');
    expect(result.reasons[0]?.message).toBe(
      'Could not load the CloudWatch alarms of p99 latency: Throttling: Rate exceeded',
    );
  });

  test('an anomaly rule without its band says the band is missing', () => {
    const kpi: KpiRules = { ...ordersKpi, threshold: undefined, anomaly: { band: 2 } };
    const result = evaluateKpi(input({ kpi }));
    expect(result.status).toBe('no-data');
    expect(result.reasons[0]).toMatchObject({ rule: 'no-data', source: 'band' });
  });

  test('treatMissingData ignore keeps the state across evaluations through memory', () => {
    const kpi: KpiRules = {
      ...ordersKpi,
      staleAfter: 86_400,
      threshold: { breached: 20, datapointsToAlarm: 1, evaluationPeriods: 1, treatMissingData: 'ignore' },
    };
    const first = evaluateKpi(input({ kpi, series: periods([10]) }));
    expect(first.status).toBe('breached');
    const later = NOW + 10 * 60_000;
    const second = evaluateKpi(input({ kpi, series: periods([10]), now: later, previous: first.memory }));
    expect(second.status).toBe('breached');
    expect(second.reasons[0]).toMatchObject({ kept: true });
    const forgetful = evaluateKpi(input({ kpi, series: periods([10]), now: later }));
    expect(forgetful.status).toBe('no-data');
  });

  test('an invalid now is an error, not an exception', () => {
    expect(evaluateKpi(input({ now: Number.NaN })).status).toBe('error');
  });

  test('informational KPIs are evaluated the same and say so', () => {
    const result = evaluateKpi(
      input({ kpi: { ...ordersKpi, informational: true }, series: periods([10, 10, 10]) }),
    );
    expect(result).toMatchObject({ informational: true, status: 'breached' });
  });

  test('a KPI parsed from the dashboard schema is evaluated as is, and rolls up into its outcome', () => {
    const kpi = kpiSchema.parse({
      id: 'orders',
      title: 'Orders per minute',
      category: 'health',
      unit: 'per-minute',
      direction: 'higher-is-better',
      query: { metric: { namespace: 'Shop', name: 'Orders', stat: 'Sum' } },
      threshold: { breached: 20, datapointsToAlarm: 2, evaluationPeriods: 3 },
      forecast: { horizon: '2h' },
      staleAfter: '10m',
    });
    const result = evaluateKpi({ kpi, series: periods([50, 10, 10]), period: 60, now: NOW });
    expect(result.status).toBe('breached');
    const outcome = outcomeSchema.parse({ title: 'Checkout', kpis: ['orders'] });
    expect(rollUpOutcome(outcome, { orders: result }).reasons[0]?.message).toBe(
      'Orders per minute breached: below 20 in 2 of the last 3 minutes (latest 10)',
    );
  });
});
