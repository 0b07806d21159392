import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { formatConfigError } from '../src/domain/kpi/config-error';
import { parseDashboard } from '../src/domain/kpi/parse-dashboard';
import { buildConfigJsonSchema, CONFIG_SCHEMA_PATH, run, runAsync } from './kpi';
import { readProblem } from './kpi-files';

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
  const result = run(['export-alarms', ...args, '--out', '-']);
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

  test('every alarm is one CloudWatch accepts: names unique, one returned series (two with a band), limits on queries and evaluation time', () => {
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
        // One returned series, or for an anomaly-detection alarm the metric and its band (ThresholdMetricId).
        const returned = metrics.filter((q) => q.ReturnData);
        if (p.ThresholdMetricId === undefined) expect(returned).toHaveLength(1);
        else {
          expect(returned).toHaveLength(2);
          expect(returned.find((q) => q.Id === p.ThresholdMetricId)?.Expression).toMatch(
            /^ANOMALY_DETECTION_BAND\(/,
          );
          expect(p.Threshold).toBeUndefined();
        }
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

  test('--mode relay: one relay fetches for every screen, so the month does not grow with them', {
    timeout: 120_000,
  }, async () => {
    const argv = ['cost', 'public/dashboards/platform.yaml', '--refresh', '5m'];
    const relayed = await runAsync([...argv, '--mode', 'relay', '--screens', '30']);
    expect(relayed.code).toBe(0);
    const text = relayed.out.join('\n');
    expect(text).toMatch(/^platform \(Platform\), us-east-1, relayed every 300 s to 30 screens:/);
    expect(text).toMatch(/the screens +0 CloudWatch calls/);
    const relay = /the relay +([\d.]+) GetMetricData calls, ([\d.]+) metrics a refresh/.exec(text);
    const month = /a month +([\d,]+) metrics, \$([\d,.]+) whatever the number of screens/.exec(text);
    const direct = /direct instead +([\d,]+) metrics, \$([\d,.]+) on 30 screens/.exec(text);
    const count = (m: RegExpExecArray | null, i: number): number => Number((m?.[i] ?? '').replace(/,/g, ''));
    expect(Number(relay?.[2])).toBeGreaterThan(0);
    // 30 days at 300 s is 8,640 refreshes: the relay's, once, against every screen's own.
    expect(count(month, 1)).toBeCloseTo(Number(relay?.[2]) * 8640, -2);
    expect(count(direct, 1)).toBeCloseTo(count(month, 1) * 30, -3);
  });

  test.each([
    [['cost'], /cost takes one dashboard file/],
    [['cost', 'a.yaml', '--mode', 'cdn'], /--mode 'cdn' is not direct/],
    [['cost', 'a.yaml', '--screens', '0'], /--screens '0'/],
    [['cost', 'a.yaml', '--refresh', 'soon'], /--refresh 'soon'/],
  ])('%j is refused with the reason', async (argv, message) => {
    const result = await runAsync(argv);
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toMatch(message);
  });
});

describe('kpi help and exit codes', () => {
  test.each([[['--help']], [['-h']], [['help']]])('%j prints the tool help on stdout and exits 0', (argv) => {
    const result = run(argv);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([]);
    const text = result.out.join('\n');
    for (const command of ['validate', 'export-alarms', 'config-schema', 'cost'])
      expect(text).toContain(command);
    expect(text).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}3 /);
  });

  test.each([
    ['validate', 'validate <folder or file>'],
    ['export-alarms', '--out -'],
    ['config-schema', 'public/config.schema.json'],
    ['cost', '--screens N'],
  ])('%s has its own help, by --help, -h and help <command>', async (command, says) => {
    for (const argv of [
      [command, '--help'],
      [command, 'x.yaml', '-h'],
      ['help', command],
    ]) {
      const result = await runAsync(argv);
      expect(result.code).toBe(0);
      expect(result.out.join('\n')).toContain(`usage: npm run kpi -- ${command}`);
      expect(result.out.join('\n')).toContain(says);
    }
  });

  test.each([
    [[], 'no command given'],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['--frobnicate'], "unknown option '--frobnicate'"],
    [['help', 'frobnicate'], "no command 'frobnicate'"],
    [['validate', '--strict', 'public/dashboards'], "Unknown option '--strict'"],
    [['export-alarms', CHECKOUT, '--out'], "Option '--out <value>' argument missing"],
    [['export-alarms', CHECKOUT, '--var', 'env'], "--var 'env' is not name=value"],
    [['export-alarms', CHECKOUT, CHECKOUT], 'takes one dashboard file, not 2'],
    [['config-schema', 'extra'], 'config-schema takes no arguments'],
  ])(
    '%j is a usage error: exit 2 with the reason and where to read more, nothing on stdout',
    (argv, says) => {
      const result = run(argv);
      expect(result.code).toBe(2);
      expect(result.out).toEqual([]);
      expect(result.err[0]).toContain(says);
      expect(result.err.join('\n')).toMatch(/npm run kpi -- .*--help/);
    },
  );
});

describe('kpi export-alarms output and the rules it cannot export', () => {
  const initCwd = process.env.INIT_CWD;
  afterEach(() => {
    if (initCwd === undefined) delete process.env.INIT_CWD;
    else process.env.INIT_CWD = initCwd;
  });

  test('by default the template goes to <dashboard id>-alarms.json where the command was typed; stdout stays empty', () => {
    const here = folder({});
    process.env.INIT_CWD = here;
    const result = run(['export-alarms', CHECKOUT]);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([]);
    expect(result.err.at(-1)).toBe('written to checkout-alarms.json');
    const written = JSON.parse(readFileSync(join(here, 'checkout-alarms.json'), 'utf8'));
    expect(written).toEqual(exported([CHECKOUT]));
    expect(run(['export-alarms', CHECKOUT, '--out', 'sub/../named.json']).err.at(-1)).toBe(
      'written to sub/../named.json',
    );
  });

  test('--out - puts the template alone on stdout, the summary on stderr', () => {
    const result = run(['export-alarms', CHECKOUT, '--out', '-']);
    expect(() => JSON.parse(result.out.join('\n'))).not.toThrow();
    expect(result.err.at(-1)).toMatch(/^\d+ alarms and 3 composite alarms for checkout in us-east-1$/);
  });

  test('an anomaly rule becomes an anomaly-detection alarm on the KPI’s bad side, with its M of N', () => {
    const template = exported([CHECKOUT]);
    const alarm = template.Resources.OrdersPerMinuteAnomaly;
    expect(alarm?.Type).toBe('AWS::CloudWatch::Alarm');
    const p = alarm?.Properties ?? {};
    expect(p).toMatchObject({
      ThresholdMetricId: 'band',
      ComparisonOperator: 'LessThanLowerThreshold',
      DatapointsToAlarm: 3,
      EvaluationPeriods: 5,
      TreatMissingData: 'missing',
      AlarmName: 'bellwether-checkout-orders-per-minute-anomaly',
    });
    // ThresholdMetricId replaces Threshold; the band and the metric are both returned.
    expect(p.Threshold).toBeUndefined();
    const metrics = p.Metrics as Query[];
    expect(metrics).toEqual([
      expect.objectContaining({
        Id: 'kpi',
        ReturnData: true,
        MetricStat: expect.objectContaining({ Period: 60 }),
      }),
      {
        Id: 'band',
        Expression: 'ANOMALY_DETECTION_BAND(kpi, 3)',
        ReturnData: true,
        Label: 'Orders per minute expected band',
      },
    ]);
    expect(JSON.stringify(template)).not.toContain('AWS::CloudWatch::AnomalyDetector');
  });

  test('a lower-is-better anomaly rule alarms above the band', () => {
    const kpi = KPI('queue', '    anomaly: { band: 2 }').replace('higher-is-better', 'lower-is-better');
    const dir = folder({ 't.yaml': DASHBOARD(kpi) });
    const alarm = exported([join(dir, 't.yaml')]).Resources.QueueAnomaly?.Properties;
    expect(alarm).toMatchObject({ ComparisonOperator: 'GreaterThanUpperThreshold', EvaluationPeriods: 1 });
  });

  test('each rule it cannot export is named on stderr: forecasts, and anomaly rules across accounts', () => {
    const result = run(['export-alarms', CHECKOUT, '--out', '-']);
    const skipped = result.err.filter((l) => l.startsWith('not exported: '));
    expect(skipped).toEqual([
      expect.stringMatching(/^not exported: orders-per-minute: its forecast rule \(breached within 1h\)/),
      expect.stringMatching(/^not exported: cost-per-order: its forecast rule/),
    ]);
    const other = KPI('orders', '    anomaly: { band: 2 }').replace(
      'stat: Sum }',
      'stat: Sum, accountId: "210987654321" }',
    );
    const dir = folder({ 't.yaml': DASHBOARD(other) });
    const cross = run(['export-alarms', join(dir, 't.yaml'), '--out', '-']);
    expect(cross.err).toContain(
      'not exported: orders: its anomaly rule reads account 210987654321; CloudWatch has no cross-account anomaly-detection alarms',
    );
  });
});

describe('kpi never prints a stack trace for bad input', () => {
  const deep = `id: deep\ntitle: Deep\nregion: us-east-1\nkpis: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
  const dir = folder({ 'deep.yaml': deep, 'ok.yaml': DASHBOARD(KPI('ok')) });
  mkdirSync(join(dir, 'folder.yaml'));
  symlinkSync(join(dir, 'loop.yaml'), join(dir, 'loop.yaml'));

  test.each([
    ['a folder named x.yaml', 'folder.yaml', 'is a folder, not a file'],
    ['a file that does not exist', 'missing.yaml', 'no such file or folder'],
    ['a link to itself', 'loop.yaml', 'is a symbolic link that loops'],
    ['a device', '/dev/null', 'is not a regular file'],
  ])('export-alarms of %s says what is wrong and exits 1', (_what, name, says) => {
    const path = name.startsWith('/') ? name : join(dir, name);
    const result = run(['export-alarms', path, '--out', '-']);
    expect(result).toEqual({ code: 1, out: [], err: [`error: ${path}: ${says}`] });
  });

  test('cost of a folder, or of deeply nested YAML, is an error on that file too', async () => {
    expect(await runAsync(['cost', join(dir, 'folder.yaml')])).toEqual({
      code: 1,
      out: [],
      err: [`error: ${join(dir, 'folder.yaml')}: is a folder, not a file`],
    });
    const deepCost = await runAsync(['cost', join(dir, 'deep.yaml')]);
    expect(deepCost.code).toBe(1);
    expect(deepCost.err.join('\n')).toMatch(/deep\.yaml/);
  });

  test('deeply nested YAML is an error on that file, however the parser copes with it', () => {
    const result = run(['export-alarms', join(dir, 'deep.yaml'), '--out', '-']);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err.join('\n')).toMatch(/deep\.yaml/);
  });

  test('validate reports each unreadable entry of a folder and checks the rest', () => {
    const result = run(['validate', dir]);
    expect(result.code).toBe(1);
    const text = result.out.join('\n');
    expect(text).toContain(`error: ${join(dir, 'folder.yaml')}: is a folder, not a file`);
    expect(text).toContain(`error: ${join(dir, 'loop.yaml')}: is a symbolic link that loops`);
    expect(text).toMatch(/deep\.yaml/);
    expect(result.out.at(-1)).toMatch(/^\d+ files checked: 1 valid KPI, [3-9] errors/);
  });

  test.each([
    ['EACCES', 'cannot be read: permission denied'],
    ['EPERM', 'cannot be read: permission denied'],
    ['ENOENT', 'no such file or folder'],
    ['ENOTDIR', 'no such file or folder'],
    ['EISDIR', 'is a folder, not a file'],
  ])('a file system error %s is said in words (tests run as root, which reads any file)', (code, words) => {
    expect(readProblem(Object.assign(new Error(`${code}: raw`), { code }))).toBe(words);
  });

  test('a write that fails is an error, not a crash', () => {
    const result = run(['export-alarms', CHECKOUT, '--out', join(dir, 'folder.yaml')]);
    expect(result.code).toBe(1);
    expect(result.err.at(-1)).toContain('cannot be written');
  });
});

describe('kpi as a process', () => {
  const exec = promisify(execFile);
  const cli = (...args: string[]) =>
    exec(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/kpi.ts'), ...args], { cwd: ROOT }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
      }),
    );

  test('npm run kpi -- --help works', { timeout: 60_000 }, async () => {
    const result = await exec('npm', ['run', '--silent', 'kpi', '--', '--help'], { cwd: ROOT });
    expect(result.stdout).toMatch(/^usage: npm run kpi -- <command>/);
  });

  test('stdout carries the artefact only, and bad input gives a message and an exit code, no stack', {
    timeout: 60_000,
  }, async () => {
    const json = await cli('export-alarms', CHECKOUT, '--out', '-');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(json.stderr).toMatch(/alarms .* for checkout/);
    const bad = await cli('export-alarms', join(ROOT, 'public'));
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toBe(`error: ${join(ROOT, 'public')}: is a folder, not a file\n`);
    const usage = await cli('validate', '--nope');
    expect(usage.code).toBe(2);
    expect(usage.stderr).not.toMatch(/^\s+at /m);
  });
});
