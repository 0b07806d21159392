import type { AlarmReason } from './reasons';

/**
 * The state of one CloudWatch alarm as DescribeAlarms reports it. Structurally the same as the data
 * layer's AlarmState (reason and updatedAt optional), so domain code need not import from src/data.
 */
export interface AlarmStateLike {
  name: string;
  state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  reason?: string;
  updatedAt?: number;
}

export interface AlarmFact {
  name: string;
  state: AlarmStateLike['state'] | 'NOT_FOUND' | 'NOT_LOADED';
  reason?: string;
  updatedAt?: number;
}

/**
 * Maps the KPI's named alarms to reasons: ALARM is breached, INSUFFICIENT_DATA is no-data, OK adds
 * nothing. A name DescribeAlarms did not return is no-data too (the wall cannot see that signal, and the
 * fix is usually a typo in the KPI file); `states` undefined means they were not fetched.
 */
export function evaluateAlarms(
  names: readonly string[],
  states: readonly AlarmStateLike[] | undefined,
  title: string,
  now: number,
): { facts: AlarmFact[]; reasons: AlarmReason[] } {
  const byName = new Map((states ?? []).map((s) => [s.name, s]));
  const facts: AlarmFact[] = [];
  const reasons: AlarmReason[] = [];
  for (const name of new Set(names)) {
    const found = byName.get(name);
    if (states === undefined) {
      facts.push({ name, state: 'NOT_LOADED' });
      reasons.push(
        alarmReason(name, 'NOT_LOADED', `The state of CloudWatch alarm ${name} is not loaded yet`, now),
      );
      continue;
    }
    if (!found) {
      facts.push({ name, state: 'NOT_FOUND' });
      reasons.push(
        alarmReason(
          name,
          'NOT_FOUND',
          `CloudWatch alarm ${name} was not found; check its name in the alarms of ${title} and the region`,
          now,
        ),
      );
      continue;
    }
    facts.push({ name, state: found.state, reason: found.reason, updatedAt: found.updatedAt });
    if (found.state === 'ALARM') {
      reasons.push({
        ...alarmReason(name, 'ALARM', `CloudWatch alarm ${name} is in ALARM`, now),
        status: 'breached',
        alarmReason: found.reason,
      });
    } else if (found.state === 'INSUFFICIENT_DATA') {
      reasons.push({
        ...alarmReason(name, 'INSUFFICIENT_DATA', `CloudWatch alarm ${name} has insufficient data`, now),
        alarmReason: found.reason,
      });
    }
  }
  return { facts, reasons };
}

function alarmReason(
  alarmName: string,
  alarmState: AlarmReason['alarmState'],
  message: string,
  now: number,
): AlarmReason {
  return { rule: 'alarm', status: 'no-data', message, evaluatedAt: now, alarmName, alarmState };
}
