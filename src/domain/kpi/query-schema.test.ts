import { describe, expect, test } from 'vitest';
import { formatConfigError } from './config-error';
import { parseDashboard } from './parse-dashboard';
import type { KpiEntry } from './parse-result';

/** A dashboard of one KPI whose metric uses `stat` (and optionally `unit`), written as a user would. */
function dashboardWith(stat: string, unit?: string): string {
  return `id: shop
title: Shop
region: eu-west-1
kpis:
  - id: latency
    title: Latency
    category: health
    unit: milliseconds
    direction: lower-is-better
    query:
      metric:
        namespace: AWS/ApplicationELB
        name: TargetResponseTime
        dimensions:
          LoadBalancer: app/shop/50dc6c495c0c9188
        stat: ${stat}
${unit === undefined ? '' : `        unit: ${unit}\n`}`;
}

function onlyKpi(text: string): KpiEntry {
  const parsed = parseDashboard('shop.yaml', text);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatConfigError).join('\n'));
  const entry = parsed.dashboard.kpis[0];
  if (entry === undefined) throw new Error('no KPI');
  return entry;
}

function statOf(entry: KpiEntry): string | undefined {
  return entry.ok && entry.kpi.query.kind === 'metric' ? entry.kpi.query.metric.stat : undefined;
}

describe('a KPI may use every statistic of the User Guide page "CloudWatch statistics definitions"', () => {
  test.each([
    'SampleCount',
    'Sum',
    'Average',
    'Minimum',
    'Maximum',
    'p95',
    'p99',
    'p99.9',
    'p0.0',
    'p100',
    'tm90',
    'tm99',
    'wm98',
    'wm99',
    'tc90',
    'ts90',
    'IQM',
    'TM(2%:98%)',
    'TM(10%:90%)',
    'TM(:95%)',
    'TM(10%:)',
    'TM(150:1000)',
    'TM(100:200)',
    'WM(10%:90%)',
    'TC(0.005:0.030)',
    'TC(80:500)',
    'TC(:0.5)',
    'TS(80%:)',
    'PR(:300)',
    'PR(100:2000)',
    'PR(10:)',
  ])('stat: %s', (stat) => {
    expect(statOf(onlyKpi(dashboardWith(stat)))).toBe(stat);
  });
});

describe('a KPI with a statistic that page does not define fails at its line, saying why', () => {
  test.each([
    ['P99', 'a percentile is written with a lower-case p, as in p99'],
    ['TM99', 'one number is written after lower-case tm, as in tm99'],
    ['tm(10%:90%)', 'a range is written after upper-case TM, as in TM(10%:90%)'],
    ['PR(10%:90%)', 'PR takes values of the metric, not percentages, as in PR(:300) or PR(100:2000)'],
    ['TM(90%:10%)', 'the lower bound (90) must be less than the upper bound (10)'],
    ['TM(10%:500)', 'both bounds are percentages or both are values'],
    ['p101', 'the number after p is between 0 and 100'],
    ['sum', 'statistic names are case-sensitive: write Sum'],
    ['Median', 'use SampleCount, Average, Sum, Minimum, Maximum, a percentile such as p99 or p99.9'],
  ])('stat: %s', (stat, reason) => {
    const text = dashboardWith(stat);
    const entry = onlyKpi(text);
    expect(entry.ok).toBe(false);
    if (entry.ok) return;
    expect(entry.errors).toHaveLength(1);
    const [error] = entry.errors;
    expect(error).toMatchObject({
      line: text.split('\n').findIndex((line) => line.includes('stat:')) + 1,
      path: 'kpis[0].query.metric.stat',
    });
    expect(error?.message.startsWith(`'${stat}' is not a CloudWatch statistic: `)).toBe(true);
    expect(error?.message).toContain(reason);
  });

  test('a very long statistic is quoted cut short', () => {
    const entry = onlyKpi(dashboardWith(`p${'9'.repeat(5000)}`));
    expect(entry.ok ? undefined : entry.errors[0]?.message).toBe(
      `'p${'9'.repeat(38)}…' is not a CloudWatch statistic: a number is too large`,
    );
  });
});

describe("the unit filter is one of the API model's StandardUnit values", () => {
  test.each(['Milliseconds', 'Seconds', 'Count', 'Bytes/Second', 'Count/Second', 'Percent', 'None'])(
    'unit: %s',
    (unit) => {
      const entry = onlyKpi(dashboardWith('p99', unit));
      expect(entry.ok && entry.kpi.query.kind === 'metric' ? entry.kpi.query.metric.unit : undefined).toBe(
        unit,
      );
    },
  );

  test.each([
    ['ms', 'is not one of Seconds, Microseconds, Milliseconds'],
    ['milliseconds', "(did you mean 'Milliseconds'?)"],
    ['Count/Minute', 'is not one of'],
  ])('unit: %s fails', (unit, message) => {
    const entry = onlyKpi(dashboardWith('p99', unit));
    expect(entry.ok ? undefined : entry.errors[0]).toMatchObject({ path: 'kpis[0].query.metric.unit' });
    expect(entry.ok ? '' : entry.errors[0]?.message).toContain(message);
  });
});
