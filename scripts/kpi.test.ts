import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatConfigError } from '../src/domain/kpi/config-error';
import { parseDashboard } from '../src/domain/kpi/parse-dashboard';
import { buildConfigJsonSchema, CONFIG_SCHEMA_PATH, run, runAsync } from './kpi';

const ROOT = join(import.meta.dirname, '..');
const CHECKOUT = join(ROOT, 'public/dashboards/checkout.yaml');

type Alarm = { Type: string; Properties: Record<string, unknown> };
type Query = {
  Id: string;
  Expression?: string;
  MetricStat?: { Period: number; Metric: { Dimensions: Array<{ Name: string; Value: string }> } };
  ReturnData?: boolean;
  Period?: number;
};

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bellwether-kpi-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const KPI = (id: string, extra = ''): string => `
  - id: ${id}
    title: ${id}
    category: health
    unit: count
    direction: higher-is-better
    query:
      metric: { namespace: Shop/Checkout, name: OrdersPlaced, dimensions: { Environment: '\${env}' }, stat: Sum }
${extra}`;
const DASHBOARD = (kpis: string): string => `id: t
title: T
region: eu-west-1
variables:
  env: { values: [prod, staging], default: prod }
kpis:${kpis}`;

describe('kpi validate', () => {
  test('the shipped dashboards are valid: exit 0 and a summary', () => {
    const result = run(['validate', join(ROOT, 'public/dashboards')]);
    expect(result.code).toBe(0);
    expect(result.out.at(-1)).toMatch(/^3 files checked: \d+ valid KPIs, 0 errors, 0 warnings$/);
  });

  test('a broken KPI fails with exit 1 and exactly the message the app shows on its error tile', () => {
    const broken = DASHBOARD(KPI('orders').replace('stat: Sum', 'stat: p99.9x'));
    const dir = folder({
      'index.yaml': 'dashboards: [broken.yaml, missing.yaml]\n',
      'broken.yaml': broken,
      'stray.yaml': DASHBOARD(KPI('ok')),
    });
    const result = run(['validate', dir]);
    expect(result.code).toBe(1);
    const parsed = parseDashboard('broken.yaml', broken);
    const appMessage =
      parsed.ok && !parsed.dashboard.kpis[0]?.ok ? parsed.dashboard.kpis[0]?.errors[0] : undefined;
    expect(appMessage).toBeDefined();
    expect(result.out).toContain(`error: ${formatConfigError(appMessage!)}`);
    expect(result.out.join('\n')).toContain(
      "kpis[0].query.metric.stat: 'p99.9x' is not a CloudWatch statistic",
    );
    expect(result.out).toContain(
      `error: index.yaml: lists missing.yaml, which is not in ${dir}; add the file or remove the entry`,
    );
    expect(result.out).toContain(
      'warning: stray.yaml: not listed in index.yaml, so the app does not offer it',
    );
    expect(result.out.at(-1)).toBe('3 files checked: 1 valid KPI, 2 errors, 1 warning');
  });

  test('checks config.json too, and says when a path does not exist', () => {
    const dir = folder({ 'config.json': '{"credentials": {"source": "cognito"}}' });
    const result = run(['validate', join(dir, 'config.json'), join(dir, 'nope')]);
    expect(result.code).toBe(1);
    expect(result.out[0]).toContain(
      "config.json line 1, credentials.source: credentials.source is 'cognito'",
    );
    expect(result.out[1]).toContain('no such file or folder');
  });

  test('usage errors exit 2', () => {
    expect(run(['validate']).code).toBe(2);
    expect(run(['frobnicate']).err[0]).toBe("unknown command 'frobnicate'");
  });
});

function exported(args: string[]): { Resources: Record<string, Alarm>; Parameters: Record<string, unknown> } {
  const result = run(['export-alarms', ...args]);
  expect(result.code, result.err.join('\n')).toBe(0);
  return JSON.parse(result.out.join('\n'));
}

describe('kpi export-alarms', () => {
  const checkout = exported([CHECKOUT]);
  const alarms = Object.values(checkout.Resources);
  const parsed = parseDashboard('checkout.yaml', readFileSync(CHECKOUT, 'utf8'));
  const kpis = parsed.ok ? parsed.dashboard.kpis.flatMap((k) => (k.ok ? [k.kpi] : [])) : [];

  test('one alarm per threshold level of every KPI, with the same M of N and missing-data treatment', () => {
    for (const kpi of kpis.filter((k) => k.threshold)) {
      for (const [level, limit] of [
        ['AtRisk', kpi.threshold?.atRisk],
        ['Breached', kpi.threshold?.breached],
      ] as const) {
        const id = `${kpi.id
          .split('-')
          .map((p) => p[0]!.toUpperCase() + p.slice(1))
          .join('')}${level}`;
        const alarm = checkout.Resources[id];
        if (limit === undefined) {
          expect(alarm).toBeUndefined();
          continue;
        }
        expect(alarm?.Properties).toMatchObject({
          Threshold: limit,
          EvaluationPeriods: kpi.threshold?.evaluationPeriods,
          DatapointsToAlarm: kpi.threshold?.datapointsToAlarm,
          TreatMissingData: kpi.threshold?.treatMissingData,
          ComparisonOperator:
            kpi.direction === 'higher-is-better' ? 'LessThanThreshold' : 'GreaterThanThreshold',
        });
      }
    }
  });

  test('percentiles use ExtendedStatistic; a math KPI becomes a metric-math alarm with one returned series', () => {
    const latency = checkout.Resources.CheckoutLatencyP99Breached?.Properties;
    expect(latency).toMatchObject({ ExtendedStatistic: 'p99', Period: 60 });
    expect(latency?.Statistic).toBeUndefined();
    const pay = checkout.Resources.PaymentSuccessRateBreached?.Properties.Metrics as Query[];
    expect(pay.filter((q) => q.ReturnData)).toEqual([
      expect.objectContaining({ Expression: '100 * succeeded / attempted' }),
    ]);
  });

  test('each SLO burn-rate rule is a long and a short metric-math alarm joined by a composite AND', () => {
    const slo = kpis.find((k) => k.slo?.good);
    expect(slo).toBeDefined();
    const composites = alarms.filter((a) => a.Type === 'AWS::CloudWatch::CompositeAlarm');
    expect(composites).toHaveLength(3);
    const names = new Set(alarms.map((a) => a.Properties.AlarmName));
    for (const composite of composites) {
      const rule = String(composite.Properties.AlarmRule);
      const children = [...rule.matchAll(/ALARM\("([^"]+)"\)/g)].map((m) => m[1]);
      expect(rule).toMatch(/^ALARM\("[^"]+-long"\) AND ALARM\("[^"]+-short"\)$/);
      for (const child of children) expect(names.has(child)).toBe(true);
    }
    const long = checkout.Resources.PaymentSuccessRateBurn1h5mLong?.Properties;
    const budget = 1 - (slo?.slo?.objective ?? 0) / 100;
    expect(long).toMatchObject({
      Threshold: 14.4,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
    const metrics = long?.Metrics as Query[];
    expect(metrics.find((q) => q.ReturnData)?.Expression).toBe(
      `(total - good) / total / ${Number(budget.toPrecision(12))}`,
    );
    expect(metrics.filter((q) => q.MetricStat).every((q) => q.MetricStat?.Period === 3600)).toBe(true);
    expect(
      (checkout.Resources.PaymentSuccessRateBurn1h5mShort?.Properties.Metrics as Query[] | undefined)?.[0]
        ?.MetricStat?.Period,
    ).toBe(300);
  });

  test('every alarm is one CloudWatch accepts: names unique, one returned series, limits on queries and evaluation time', () => {
    const names = alarms.map((a) => String(a.Properties.AlarmName));
    expect(new Set(names).size).toBe(names.length);
    for (const alarm of alarms.filter((a) => a.Type === 'AWS::CloudWatch::Alarm')) {
      const p = alarm.Properties;
      expect(String(p.AlarmName).length).toBeLessThanOrEqual(255);
      expect(String(p.AlarmDescription).length).toBeLessThanOrEqual(1024);
      const metrics = p.Metrics as Query[] | undefined;
      let period = Number(p.Period);
      if (metrics) {
        expect(p.Namespace ?? p.MetricName ?? p.Statistic ?? p.Period).toBeUndefined();
        expect(metrics.filter((q) => q.ReturnData)).toHaveLength(1);
        expect(metrics.filter((q) => q.MetricStat).length).toBeLessThanOrEqual(10);
        expect(metrics.filter((q) => q.Expression).length).toBeLessThanOrEqual(10);
        for (const q of metrics) expect(q.Id).toMatch(/^[a-z][A-Za-z0-9_]*$/);
        period = Math.max(...metrics.map((q) => q.MetricStat?.Period ?? q.Period ?? 0));
      }
      const total = period * Number(p.EvaluationPeriods);
      expect(total).toBeLessThanOrEqual(period < 3600 ? 86_400 : 604_800);
      expect(Number(p.DatapointsToAlarm)).toBeLessThanOrEqual(Number(p.EvaluationPeriods));
    }
  });

  test('alarm actions go to an optional SNS topic parameter; nothing in the template grants permissions', () => {
    expect(checkout.Parameters.AlarmTopicArn).toMatchObject({ Type: 'String', Default: '' });
    expect(JSON.stringify(checkout)).not.toMatch(/"Action"|AWS::IAM::/);
  });

  test('variables are substituted, defaulting like the app; an unknown value is refused', () => {
    const dir = folder({
      't.yaml': DASHBOARD(
        KPI(
          'orders',
          '    threshold: { atRisk: 10, datapointsToAlarm: 2, evaluationPeriods: 3, treatMissingData: breaching }',
        ),
      ),
    });
    const prod = exported([join(dir, 't.yaml')]).Resources.OrdersAtRisk?.Properties;
    expect(prod?.Dimensions).toEqual([{ Name: 'Environment', Value: 'prod' }]);
    expect(prod).toMatchObject({ TreatMissingData: 'breaching', DatapointsToAlarm: 2, EvaluationPeriods: 3 });
    const staging = exported([join(dir, 't.yaml'), '--var', 'env=staging']).Resources.OrdersAtRisk
      ?.Properties;
    expect(staging?.Dimensions).toEqual([{ Name: 'Environment', Value: 'staging' }]);
    const refused = run(['export-alarms', join(dir, 't.yaml'), '--var', 'env=qa']);
    expect(refused.code).toBe(2);
    expect(refused.err[0]).toContain("'qa' is not one of prod, staging");
  });

  test('a threshold SLO becomes M-of-N alarms: more bad periods in the window than the burn rate allows', () => {
    const slo = '    slo: { objective: 99, window: 30d, threshold: 5 }';
    const dir = folder({ 't.yaml': DASHBOARD(KPI('orders', slo)) });
    const template = exported([join(dir, 't.yaml')]);
    // 1 h at 14.4× a 1 % budget: more than 0.144 × 60 = 8.64 bad minutes → 9 of 60.
    expect(template.Resources.OrdersBurn1h5mLong?.Properties).toMatchObject({
      Period: 60,
      EvaluationPeriods: 60,
      DatapointsToAlarm: 9,
      Threshold: 5,
      ComparisonOperator: 'LessThanThreshold',
    });
    // 3 days cannot be read at 1-minute periods by an alarm (one day at most below an hour): 72 hourly periods.
    expect(template.Resources.OrdersBurn3d6hLong?.Properties).toMatchObject({
      Period: 3600,
      EvaluationPeriods: 72,
      DatapointsToAlarm: 1,
    });
  });

  test('a dashboard with a broken KPI is not exported', () => {
    const dir = folder({ 't.yaml': DASHBOARD(KPI('orders').replace('stat: Sum', 'stat: nope')) });
    const result = run(['export-alarms', join(dir, 't.yaml')]);
    expect(result.code).toBe(1);
    expect(result.err[0]).toBe('fix these KPIs before exporting alarms:');
  });
});

test('public/config.schema.json is generated from the schema the app validates with', () => {
  expect(JSON.parse(readFileSync(join(ROOT, CONFIG_SCHEMA_PATH), 'utf8'))).toEqual(buildConfigJsonSchema());
});

describe('kpi cost', () => {
  test('measures first load and steady refreshes through the cache, and prices a month', {
    timeout: 60_000,
  }, async () => {
    const result = await runAsync([
      'cost',
      'public/dashboards/platform.yaml',
      '--screens',
      '3',
      '--refresh',
      '5m',
    ]);
    expect(result.code).toBe(0);
    const text = result.out.join('\n');
    expect(text).toMatch(/^platform \(Platform\), us-east-1, refreshing every 300 s on 3 screens:/);
    const steady = /steady refresh +([\d.]+) calls, ([\d.]+) metrics/.exec(text);
    const month = /a month +([\d,]+) metrics, \$([\d,.]+)/.exec(text);
    expect(steady && month).toBeTruthy();
    const metrics = Number(steady?.[2]);
    // 30 days at 300 s is 8,640 refreshes a screen.
    expect(Number((month?.[1] ?? '').replace(/,/g, ''))).toBeCloseTo(metrics * 8640 * 3, -2);
    expect(Number((month?.[2] ?? '').replace(/,/g, ''))).toBeCloseTo((metrics * 8640 * 3 * 0.01) / 1000, 1);
    const uncached = /without the cache +([\d.]+) calls, ([\d.]+) metrics/.exec(text);
    expect(Number(uncached?.[2])).toBeGreaterThanOrEqual(metrics);
  });

  test.each([
    [['cost'], /cost takes one dashboard file/],
    [['cost', 'a.yaml', '--screens', '0'], /--screens '0'/],
    [['cost', 'a.yaml', '--refresh', 'soon'], /--refresh 'soon'/],
  ])('%j is refused with the reason', async (argv, message) => {
    const result = await runAsync(argv);
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toMatch(message);
  });
});
