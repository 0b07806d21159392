/**
 * KPI definitions → CloudWatch alarms as a CloudFormation template, so alerting follows the same reviewed
 * YAML as the wall: one AWS::CloudWatch::Alarm per threshold level (same M of N and TreatMissingData as the
 * risk engine), an anomaly-detection alarm per anomaly rule, and each SLO's multi-window burn-rate rules as
 * metric-math alarms joined by a composite alarm that fires only when both the long and the short window
 * burn (Google SRE Workbook). A forecast rule has no CloudWatch alarm; it is named among the skipped.
 */
import type { KpiQuery, MetricStat } from '../src/domain/kpi/query-schema';
import { type Anomaly, type BurnRateWindow, DEFAULT_BURN_RATE_WINDOWS } from '../src/domain/kpi/rules-schema';
import type { Kpi } from '../src/domain/kpi/schema';
import { substituteMetricStat, substituteQuery, type VariableValues } from '../src/domain/kpi/variables';
import { DEFAULT_SLO_WINDOW_SECONDS } from '../src/domain/risk/slo-plan';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface AlarmExportOptions {
  dashboardId: string;
  dashboardTitle: string;
  region: string;
  variables: VariableValues;
}

export interface AlarmTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Parameters: Record<string, Json>;
  Conditions: Record<string, Json>;
  Resources: Record<string, { Type: string; Properties: Record<string, Json> }>;
  /** KPIs or rules that could not be expressed as alarms, with why; printed by the CLI as warnings. */
  skipped: string[];
}

const STANDARD_STATISTICS = new Set(['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']);
const DEFAULT_PERIOD = 60;
const ONE_DAY = 86_400;
const SEVEN_DAYS = 604_800;

/** CloudFormation logical ids are alphanumeric: "payment-success" + "AtRisk" → "PaymentSuccessAtRisk". */
export function logicalId(...parts: string[]): string {
  return parts
    .flatMap((p) => p.split(/[^A-Za-z0-9]+/))
    .filter((p) => p !== '')
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}

function metricStat(metric: MetricStat, period: number): Json {
  return {
    Metric: {
      Namespace: metric.namespace,
      MetricName: metric.name,
      Dimensions: Object.entries(metric.dimensions).map(([Name, Value]) => ({ Name, Value })),
    },
    Period: metric.period ?? period,
    Stat: metric.stat,
    ...(metric.unit ? { Unit: metric.unit } : {}),
  };
}

/** The alarm's view of a KPI query: the classic single-metric form when possible, else the Metrics array. */
function queryProperties(query: KpiQuery, period: number, label: string): Record<string, Json> {
  if (query.kind === 'metric' && query.metric.accountId === undefined) {
    const m = query.metric;
    return {
      Namespace: m.namespace,
      MetricName: m.name,
      Dimensions: Object.entries(m.dimensions).map(([Name, Value]) => ({ Name, Value })),
      Period: m.period ?? period,
      ...(STANDARD_STATISTICS.has(m.stat) ? { Statistic: m.stat } : { ExtendedStatistic: m.stat }),
      ...(m.unit ? { Unit: m.unit } : {}),
    };
  }
  if (query.kind === 'metric') {
    return {
      Metrics: [
        {
          Id: 'kpi',
          MetricStat: metricStat(query.metric, period),
          AccountId: query.metric.accountId ?? '',
          ReturnData: true,
          Label: label,
        },
      ],
    };
  }
  if (query.kind === 'insights') {
    return {
      Metrics: [
        { Id: 'kpi', Expression: query.sql, Period: query.period ?? period, ReturnData: true, Label: label },
      ],
    };
  }
  const ids = Object.keys(query.metrics);
  const own = ids.includes('kpi') ? `kpi_${ids.length}` : 'kpi';
  return {
    Metrics: [
      ...Object.entries(query.metrics).map(([id, metric]) => ({
        Id: id,
        MetricStat: metricStat(metric, query.period ?? period),
        ReturnData: false,
        ...((metric.accountId ?? query.accountId)
          ? { AccountId: metric.accountId ?? query.accountId ?? '' }
          : {}),
      })),
      { Id: own, Expression: query.expression, ReturnData: true, Label: label },
    ],
  };
}

function kpiPeriod(kpi: Kpi): number {
  const q = kpi.query;
  return (q.kind === 'metric' ? q.metric.period : q.period) ?? DEFAULT_PERIOD;
}

function kpiRegion(kpi: Kpi, dashboardRegion: string): string {
  const q = kpi.query;
  return (q.kind === 'metric' ? q.metric.region : q.region) ?? dashboardRegion;
}

/** Higher-is-better KPIs breach below the limit, lower-is-better above; equality never breaches, as on screen. */
function badSide(kpi: Kpi): 'LessThanThreshold' | 'GreaterThanThreshold' {
  return kpi.direction === 'higher-is-better' ? 'LessThanThreshold' : 'GreaterThanThreshold';
}

function actions(): Record<string, Json> {
  return {
    AlarmActions: { 'Fn::If': ['HasAlarmTopic', [{ Ref: 'AlarmTopicArn' }], { Ref: 'AWS::NoValue' }] },
    OKActions: { 'Fn::If': ['HasAlarmTopic', [{ Ref: 'AlarmTopicArn' }], { Ref: 'AWS::NoValue' }] },
  };
}

function alarmDescription(kpi: Kpi, what: string): string {
  return `${kpi.title}: ${what}.${kpi.runbook ? ` Runbook: ${kpi.runbook}` : ''} Generated by Bellwether from the KPI definition; edit the YAML, not this alarm.`.slice(
    0,
    1024,
  );
}

/** Builds the alarm template for the valid KPIs of one dashboard. */
export function exportAlarms(kpis: readonly Kpi[], options: AlarmExportOptions): AlarmTemplate {
  const resources: AlarmTemplate['Resources'] = {};
  const skipped: string[] = [];
  const name = (...parts: string[]): string =>
    ['bellwether', options.dashboardId, ...parts].join('-').slice(0, 255);

  for (const kpi of kpis) {
    const region = kpiRegion(kpi, options.region);
    if (region !== options.region) {
      skipped.push(
        `${kpi.id}: its query reads ${region}; deploy a second export of this dashboard to that region`,
      );
      continue;
    }
    const query = substituteQuery(kpi.query, options.variables);
    const period = kpiPeriod(kpi);
    if (kpi.threshold) {
      for (const [level, limit] of [
        ['at-risk', kpi.threshold.atRisk],
        ['breached', kpi.threshold.breached],
      ] as const) {
        if (limit === undefined) continue;
        const words = `${level === 'breached' ? 'breached' : 'at risk'} when ${kpi.direction === 'higher-is-better' ? 'below' : 'above'} ${limit} in ${kpi.threshold.datapointsToAlarm} of ${kpi.threshold.evaluationPeriods} periods of ${period} s`;
        resources[logicalId(kpi.id, level)] = {
          Type: 'AWS::CloudWatch::Alarm',
          Properties: {
            AlarmName: name(kpi.id, level),
            AlarmDescription: alarmDescription(kpi, words),
            ...queryProperties(query, period, kpi.title),
            ComparisonOperator: badSide(kpi),
            Threshold: limit,
            EvaluationPeriods: kpi.threshold.evaluationPeriods,
            DatapointsToAlarm: kpi.threshold.datapointsToAlarm,
            TreatMissingData: kpi.threshold.treatMissingData,
            ...actions(),
          },
        };
      }
    }
    if (kpi.anomaly) {
      const made = anomalyAlarm(kpi, kpi.anomaly, query, period, name);
      if (typeof made === 'string') skipped.push(made);
      else resources[logicalId(kpi.id, 'anomaly')] = made;
    }
    if (kpi.forecast) {
      skipped.push(
        `${kpi.id}: its forecast rule (breached within ${span(kpi.forecast.horizon)}) — a CloudWatch alarm judges the data it has, not a trend's future; the rule stays on the dashboards`,
      );
    }
    if (kpi.slo) {
      const windows = kpi.slo.burnRates ?? DEFAULT_BURN_RATE_WINDOWS;
      for (const window of windows) {
        const made = burnRateAlarms(kpi, window, query, options, name);
        if (typeof made === 'string') skipped.push(made);
        else Object.assign(resources, made);
      }
    }
  }

  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `CloudWatch alarms for the Bellwether dashboard "${options.dashboardTitle}" (${options.dashboardId}), generated from its KPI definitions by npm run kpi -- export-alarms.`,
    Parameters: {
      AlarmTopicArn: {
        Type: 'String',
        Default: '',
        Description: 'SNS topic notified when an alarm changes state; empty for none.',
      },
    },
    Conditions: { HasAlarmTopic: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'AlarmTopicArn' }, ''] }] } },
    Resources: resources,
    skipped,
  };
}

/**
 * The anomaly rule as a CloudWatch anomaly-detection alarm: the KPI's metric and ANOMALY_DETECTION_BAND of it,
 * the band's Id as ThresholdMetricId and no Threshold (PutMetricAlarm, ThresholdMetricId: "If this is an alarm
 * based on an anomaly detection model, make this value match the ID of the ANOMALY_DETECTION_BAND function"),
 * on the KPI's bad side only, as on screen, with the rule's M of N and missing data. No
 * AWS::CloudWatch::AnomalyDetector is declared: "If the model does not already exist, the model is generated
 * when you are done creating the alarm", and an alarm recreates a deleted one (User Guide, "Creating a
 * CloudWatch alarm based on anomaly detection").
 */
function anomalyAlarm(
  kpi: Kpi,
  rule: Anomaly,
  query: KpiQuery,
  period: number,
  name: (...parts: string[]) => string,
): { Type: string; Properties: Record<string, Json> } | string {
  if (query.kind !== 'metric') return `${kpi.id}: its anomaly rule needs a single metric`;
  // Same page: "Cross-account or cross-Region alarms based on anomaly detection are not supported", and the
  // period "must be one minute or longer".
  if (query.metric.accountId !== undefined) {
    return `${kpi.id}: its anomaly rule reads account ${query.metric.accountId}; CloudWatch has no cross-account anomaly-detection alarms`;
  }
  const seconds = query.metric.period ?? period;
  if (seconds < 60)
    return `${kpi.id}: its anomaly rule's period of ${seconds} s is under the minute an anomaly-detection alarm needs`;
  const side = kpi.direction === 'higher-is-better' ? 'below' : 'above';
  return {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmName: name(kpi.id, 'anomaly'),
      AlarmDescription: alarmDescription(
        kpi,
        `at risk when ${side} its expected band (${rule.band} standard deviations) in ${rule.datapointsToAlarm} of ${rule.evaluationPeriods} periods of ${seconds} s`,
      ),
      Metrics: [
        { Id: 'kpi', MetricStat: metricStat(query.metric, seconds), ReturnData: true, Label: kpi.title },
        {
          Id: 'band',
          Expression: `ANOMALY_DETECTION_BAND(kpi, ${rule.band})`,
          ReturnData: true,
          Label: `${kpi.title} expected band`,
        },
      ],
      ThresholdMetricId: 'band',
      ComparisonOperator: side === 'below' ? 'LessThanLowerThreshold' : 'GreaterThanUpperThreshold',
      EvaluationPeriods: rule.evaluationPeriods,
      DatapointsToAlarm: rule.datapointsToAlarm,
      TreatMissingData: rule.treatMissingData,
      ...actions(),
    },
  };
}

function span(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  return `${seconds / 60}m`;
}

/**
 * One SLO burn-rate rule: a metric-math alarm per window (the burn rate over the window, compared with the
 * rule's rate) and a composite alarm that is in ALARM only when both are. Returns why not, when CloudWatch
 * cannot evaluate a window that long at the needed resolution.
 */
function burnRateAlarms(
  kpi: Kpi,
  rule: BurnRateWindow,
  query: KpiQuery,
  options: AlarmExportOptions,
  name: (...parts: string[]) => string,
): AlarmTemplate['Resources'] | string {
  const slo = kpi.slo!;
  const budget = 1 - slo.objective / 100;
  const resources: AlarmTemplate['Resources'] = {};
  const ruleName = `burn-${span(rule.long)}-${span(rule.short)}`;
  const children: string[] = [];
  for (const [which, seconds] of [
    ['long', rule.long],
    ['short', rule.short],
  ] as const) {
    const id = logicalId(kpi.id, ruleName, which);
    const alarmName = name(kpi.id, ruleName, which);
    let props: Record<string, Json>;
    if (slo.good && slo.total) {
      // One period as long as the window: the bad share of all events in it, divided by the error budget.
      if (seconds > SEVEN_DAYS || (seconds < 3600 && seconds > ONE_DAY) || seconds % 60 !== 0) {
        return `${kpi.id}: a ${span(seconds)} burn-rate window cannot be one CloudWatch alarm period`;
      }
      props = {
        Metrics: [
          {
            Id: 'good',
            MetricStat: metricStat(substituteMetricStat(slo.good, options.variables), seconds),
            ReturnData: false,
          },
          {
            Id: 'total',
            MetricStat: metricStat(substituteMetricStat(slo.total, options.variables), seconds),
            ReturnData: false,
          },
          {
            Id: 'burn',
            Expression: `(total - good) / total / ${Number(budget.toPrecision(12))}`,
            Label: `${kpi.title} burn rate over ${span(seconds)}`,
            ReturnData: true,
          },
        ],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: rule.rate,
        EvaluationPeriods: 1,
        DatapointsToAlarm: 1,
        // No events in a window spend no budget.
        TreatMissingData: 'notBreaching',
      };
      // The window's metrics are read with their own period, not the KPI's.
      for (const m of props.Metrics as Array<{ MetricStat?: { Period: number } }>)
        if (m.MetricStat) m.MetricStat.Period = seconds;
    } else {
      // Periods meeting the threshold: more bad periods in the window than the rate allows, as M of N.
      const period = [60, 300, 3600].find(
        (p) => seconds % p === 0 && seconds <= (p < 3600 ? ONE_DAY : SEVEN_DAYS),
      );
      if (period === undefined || slo.threshold === undefined) {
        return `${kpi.id}: a ${span(seconds)} burn-rate window cannot be evaluated by a CloudWatch alarm`;
      }
      const n = seconds / period;
      const m = Math.floor(rule.rate * budget * n) + 1;
      if (m > n)
        return `${kpi.id}: burn rate ${rule.rate} over ${span(seconds)} exceeds what ${slo.objective}% allows; no alarm needed`;
      props = {
        ...queryProperties(query, period, kpi.title),
        ComparisonOperator: badSide(kpi),
        Threshold: slo.threshold,
        EvaluationPeriods: n,
        DatapointsToAlarm: m,
        TreatMissingData: 'missing',
      };
    }
    resources[id] = {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmName: alarmName,
        AlarmDescription: alarmDescription(
          kpi,
          `error budget of ${slo.objective}% burning faster than ${rule.rate}× over ${span(seconds)} (${which} window)`,
        ),
        ActionsEnabled: false,
        ...props,
      },
    };
    children.push(alarmName);
  }
  const window = slo.window ?? DEFAULT_SLO_WINDOW_SECONDS;
  resources[logicalId(kpi.id, ruleName)] = {
    Type: 'AWS::CloudWatch::CompositeAlarm',
    Properties: {
      AlarmName: name(kpi.id, ruleName),
      AlarmDescription: alarmDescription(
        kpi,
        `${rule.severity === 'breached' ? 'breached' : 'at risk'}: the ${span(window)} error budget is burning faster than ${rule.rate}× over both ${span(rule.long)} and ${span(rule.short)}`,
      ),
      AlarmRule: children.map((c) => `ALARM("${c}")`).join(' AND '),
      ...actions(),
    },
  };
  return resources;
}
