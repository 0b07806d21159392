import { type AlarmState, createAlarmEvaluator } from '../alarms/evaluate';
import { modeled } from '../errors';
import { optArray, optNumber, optString } from '../input';
import type { Scenario } from '../scenario/scenario';
import type { OperationContext } from './context';
import { decodeToken, encodeToken } from './paging';

const ACCOUNT = '123456789012';
const STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];
const PERCENTILE = /^p\d/;

/** DescribeAlarms over the scenario's metric alarms, with states evaluated from the data at `now`. */
export function createDescribeAlarms(scenario: Scenario): (ctx: OperationContext) => unknown {
  const cache = new Map<string, AlarmState>();
  const evaluate = createAlarmEvaluator(scenario);
  const stateAt = (name: string, now: number): AlarmState => {
    const minute = Math.floor(now / 60_000);
    const key = `${name}@${minute}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const def = scenario.alarms.find((a) => a.name === name)!;
    const state = evaluate(def, now);
    if (cache.size > 500) cache.clear();
    cache.set(key, state);
    return state;
  };

  return ({ input: body, now, region }) => {
    const names = optArray(body, 'AlarmNames')?.map((n) => String(n));
    const prefix = optString(body, 'AlarmNamePrefix');
    const stateValue = optString(body, 'StateValue');
    const maxRecords = optNumber(body, 'MaxRecords') ?? 50;
    const types = optArray(body, 'AlarmTypes')?.map(String);
    if (names && prefix !== undefined) {
      throw modeled.invalidParameterCombination(
        'AlarmNamePrefix and AlarmNames cannot be specified together.',
      );
    }
    if (names && names.length > 100) {
      throw modeled.invalidParameterValue('The collection AlarmNames must not have a size greater than 100.');
    }
    if (stateValue !== undefined && !STATES.includes(stateValue)) {
      throw modeled.validation(
        `1 validation error detected: Value '${stateValue}' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]`,
      );
    }
    if (!Number.isInteger(maxRecords) || maxRecords < 1 || maxRecords > 100) {
      throw modeled.invalidParameterValue(
        `The value ${maxRecords} for parameter MaxRecords is not valid. It must be between 1 and 100.`,
      );
    }
    const wantMetricAlarms = !types || types.includes('MetricAlarm');
    const fingerprint = JSON.stringify([names, prefix, stateValue, types]);
    let offset = 0;
    const token = optString(body, 'NextToken');
    if (token !== undefined) {
      const decoded = decodeToken(token);
      if (decoded.f !== fingerprint || typeof decoded.o !== 'number') {
        throw modeled.invalidNextToken('The NextToken does not match the request it was issued for.');
      }
      offset = decoded.o;
    }
    const matching = wantMetricAlarms
      ? scenario.alarms
          .filter((a) => (names ? names.includes(a.name) : true))
          .filter((a) => (prefix !== undefined ? a.name.startsWith(prefix) : true))
          .map((a) => ({ def: a, state: stateAt(a.name, now) }))
          .filter((a) => (stateValue ? a.state.value === stateValue : true))
      : [];
    const page = matching.slice(offset, offset + maxRecords);
    const next =
      offset + maxRecords < matching.length
        ? encodeToken({ f: fingerprint, o: offset + maxRecords })
        : undefined;
    return {
      MetricAlarms: page.map(({ def, state }) => ({
        AlarmName: def.name,
        AlarmArn: `arn:aws:cloudwatch:${region}:${ACCOUNT}:alarm:${def.name}`,
        AlarmDescription: def.description,
        AlarmConfigurationUpdatedTimestamp: new Date(def.configuredAt),
        ActionsEnabled: true,
        OKActions: [],
        AlarmActions: [`arn:aws:sns:${region}:${ACCOUNT}:shop-oncall`],
        InsufficientDataActions: [],
        StateValue: state.value,
        StateReason: state.reason,
        StateReasonData: state.reasonData,
        StateUpdatedTimestamp: new Date(state.updatedAt),
        StateTransitionedTimestamp: new Date(state.updatedAt),
        MetricName: def.metricName,
        Namespace: def.namespace,
        ...(PERCENTILE.test(def.statistic)
          ? { ExtendedStatistic: def.statistic }
          : { Statistic: def.statistic }),
        Dimensions: Object.entries(def.dimensions).map(([Name, Value]) => ({ Name, Value })),
        Period: def.period,
        ...(def.unit ? { Unit: def.unit } : {}),
        EvaluationPeriods: def.evaluationPeriods,
        DatapointsToAlarm: def.datapointsToAlarm,
        Threshold: def.threshold,
        ComparisonOperator: def.comparisonOperator,
        TreatMissingData: def.treatMissingData,
      })),
      CompositeAlarms: [],
      ...(next ? { NextToken: next } : {}),
    };
  };
}
