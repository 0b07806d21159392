import { fetchMetric } from '../query/fetch-metric';
import { parseStatistic } from '../query/statistic';
import type { Scenario } from '../scenario/scenario';
import type { AlarmDefinition } from './definitions';

export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface AlarmState {
  value: AlarmStateValue;
  reason: string;
  reasonData: string;
  updatedAt: number;
}

/** How far back the fake looks for the last state change. */
const LOOKBACK_MS = 24 * 3_600_000;

const OPERATOR_WORDS: Record<AlarmDefinition['comparisonOperator'], string> = {
  GreaterThanThreshold: 'greater than',
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

function breaches(def: AlarmDefinition, v: number): boolean {
  switch (def.comparisonOperator) {
    case 'GreaterThanThreshold':
      return v > def.threshold;
    case 'GreaterThanOrEqualToThreshold':
      return v >= def.threshold;
    case 'LessThanThreshold':
      return v < def.threshold;
    case 'LessThanOrEqualToThreshold':
      return v <= def.threshold;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The "(21/05/25 10:31:00)" timestamp format of alarm state reasons, in UTC. */
function reasonTime(t: number): string {
  const d = new Date(t);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function thresholdText(x: number): string {
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}

interface Window {
  /** Datapoints newest first: undefined where the metric had no data. */
  values: (number | undefined)[];
  times: number[];
}

function stateOf(def: AlarmDefinition, w: Window, previous: AlarmStateValue | undefined): AlarmStateValue {
  const present = w.values.filter((v): v is number => v !== undefined);
  if (present.length === 0) {
    if (def.treatMissingData === 'breaching') return 'ALARM';
    if (def.treatMissingData === 'notBreaching') return 'OK';
    if (def.treatMissingData === 'ignore') return previous ?? 'INSUFFICIENT_DATA';
    return 'INSUFFICIENT_DATA';
  }
  const missing = w.values.length - present.length;
  const breaching =
    present.filter((v) => breaches(def, v)).length + (def.treatMissingData === 'breaching' ? missing : 0);
  return breaching >= def.datapointsToAlarm ? 'ALARM' : 'OK';
}

function reasonFor(def: AlarmDefinition, state: AlarmStateValue, w: Window): string {
  const n = def.evaluationPeriods;
  if (state === 'INSUFFICIENT_DATA') {
    return `Insufficient Data: ${n} datapoint${n === 1 ? ' was' : 's were'} unknown.`;
  }
  const words = OPERATOR_WORDS[def.comparisonOperator];
  const pick = w.values
    .map((v, i) => ({ v, t: w.times[i] ?? 0 }))
    .filter(
      (x): x is { v: number; t: number } => x.v !== undefined && breaches(def, x.v) === (state === 'ALARM'),
    );
  const list = pick.map((x) => `${x.v} (${reasonTime(x.t)})`).join(', ');
  if (pick.length === 0) {
    const treated = def.treatMissingData === 'breaching' ? 'Breaching' : 'NonBreaching';
    return `Threshold Crossed: no datapoints were received for ${n} periods and ${n} missing datapoints were treated as [${treated}].`;
  }
  const count = pick.length;
  const verb = count === 1 ? 'was' : 'were';
  if (state === 'ALARM') {
    return `Threshold Crossed: ${count} out of the last ${n} datapoints [${list}] ${verb} ${words} the threshold (${thresholdText(def.threshold)}) (minimum ${def.datapointsToAlarm} datapoint${def.datapointsToAlarm === 1 ? '' : 's'} for OK -> ALARM transition).`;
  }
  return `Threshold Crossed: ${count} out of the last ${n} datapoints [${list}] ${verb} not ${words} the threshold (${thresholdText(def.threshold)}) (minimum 1 datapoint for ALARM -> OK transition).`;
}

/** Datapoints already read for one alarm: complete periods never change, so they are kept. */
interface AlarmCache {
  values: Map<number, number>;
  from: number;
  until: number;
}

/**
 * Evaluates alarms against the scenario's data like CloudWatch does every period, and finds when each
 * last changed state (looking back up to a day). Periods already read are cached, so re-evaluating a
 * minute later reads one new period instead of a day of data.
 */
export function createAlarmEvaluator(scenario: Scenario): (def: AlarmDefinition, now: number) => AlarmState {
  const caches = new Map<string, AlarmCache>();

  const datapoints = (
    def: AlarmDefinition,
    from: number,
    until: number,
    now: number,
  ): Map<number, number> => {
    const stat = parseStatistic(def.statistic);
    const metric = scenario.find({
      namespace: def.namespace,
      name: def.metricName,
      dimensions: def.dimensions,
    });
    let cache = caches.get(def.name);
    if (!cache || from < cache.from || until < cache.until) {
      cache = { values: new Map(), from, until: from };
      caches.set(def.name, cache);
    }
    if (stat && metric && until > cache.until) {
      const points = fetchMetric(
        metric,
        stat,
        { start: cache.until, end: until, period: def.period, now },
        def.unit,
      );
      for (const [i, t] of points.t.entries()) cache.values.set(t, points.v[i] ?? 0);
    }
    cache.until = Math.max(cache.until, until);
    if (cache.values.size > 4 * 1440) {
      for (const t of cache.values.keys()) if (t < from) cache.values.delete(t);
      cache.from = from;
    }
    return cache.values;
  };

  return (def, now) => {
    const step = def.period * 1000;
    const evalEnd = Math.floor(now / step) * step;
    const steps = Math.floor(LOOKBACK_MS / step);
    const start = evalEnd - (steps + def.evaluationPeriods) * step;
    const byTime = datapoints(def, start, evalEnd, now);
    const windowAt = (end: number): Window => {
      const times = Array.from({ length: def.evaluationPeriods }, (_, i) => end - (i + 1) * step);
      return { times, values: times.map((t) => byTime.get(t)) };
    };
    // Walk forward from the oldest evaluation so `ignore` can keep the previous state.
    const states: AlarmStateValue[] = [];
    let previous: AlarmStateValue | undefined;
    for (let k = steps; k >= 0; k--) {
      previous = stateOf(def, windowAt(evalEnd - k * step), previous);
      states.push(previous);
    }
    const current = states[states.length - 1] ?? 'INSUFFICIENT_DATA';
    let since = states.length - 1;
    while (since > 0 && states[since - 1] === current) since--;
    const updatedAt = evalEnd - (states.length - 1 - since) * step;
    const w = windowAt(evalEnd);
    const iso = (t: number): string => new Date(t).toISOString().replace('Z', '+0000');
    const reasonData = JSON.stringify({
      version: '1.0',
      queryDate: iso(now),
      startDate: iso(evalEnd - def.evaluationPeriods * step),
      statistic: def.statistic,
      period: def.period,
      recentDatapoints: [...w.values].reverse().filter((v) => v !== undefined),
      threshold: def.threshold,
      evaluatedDatapoints: w.values
        .map((v, i) => ({ timestamp: iso(w.times[i] ?? 0), value: v }))
        .filter((d) => d.value !== undefined),
    });
    return { value: current, reason: reasonFor(def, current, w), reasonData, updatedAt };
  };
}

/** Evaluates one alarm at `now` without a cache (tests and one-off checks). */
export function evaluateAlarm(def: AlarmDefinition, scenario: Scenario, now: number): AlarmState {
  return createAlarmEvaluator(scenario)(def, now);
}
