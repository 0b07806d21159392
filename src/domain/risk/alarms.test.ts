import { describe, expect, test } from 'vitest';
import { type AlarmStateLike, evaluateAlarms } from './alarms';
import { NOW } from './test-fixtures';

const state = (name: string, s: AlarmStateLike['state']): AlarmStateLike => ({
  name,
  state: s,
  reason: `Threshold Crossed: ${name}`,
  updatedAt: NOW - 60_000,
});

describe('evaluateAlarms', () => {
  test.each([
    { alarm: 'OK', status: undefined, message: undefined },
    { alarm: 'ALARM', status: 'breached', message: 'CloudWatch alarm checkout-p99-high is in ALARM' },
    {
      alarm: 'INSUFFICIENT_DATA',
      status: 'no-data',
      message: 'CloudWatch alarm checkout-p99-high has insufficient data',
    },
  ] as const)('$alarm → $status', ({ alarm, status, message }) => {
    const { facts, reasons } = evaluateAlarms(
      ['checkout-p99-high'],
      [state('checkout-p99-high', alarm)],
      'p99',
      NOW,
    );
    expect(facts).toEqual([expect.objectContaining({ name: 'checkout-p99-high', state: alarm })]);
    expect(reasons.map((r) => [r.status, r.message])).toEqual(status ? [[status, message]] : []);
  });

  test('an alarm DescribeAlarms did not return is no-data and says what to check', () => {
    const { facts, reasons } = evaluateAlarms(['checkout-p99-hgh'], [], 'p99 latency', NOW);
    expect(facts).toEqual([{ name: 'checkout-p99-hgh', state: 'NOT_FOUND' }]);
    expect(reasons[0]).toMatchObject({
      status: 'no-data',
      alarmState: 'NOT_FOUND',
      message:
        'CloudWatch alarm checkout-p99-hgh was not found; check its name in the alarms of p99 latency and the region',
    });
  });

  test('alarm states not fetched yet are not assumed OK', () => {
    const { reasons } = evaluateAlarms(['a', 'b'], undefined, 'p99', NOW);
    expect(reasons.map((r) => [r.alarmName, r.status, r.alarmState])).toEqual([
      ['a', 'no-data', 'NOT_LOADED'],
      ['b', 'no-data', 'NOT_LOADED'],
    ]);
  });

  test('keeps the alarm reason CloudWatch gave and lists each name once', () => {
    const { reasons } = evaluateAlarms(['a', 'a'], [state('a', 'ALARM'), state('b', 'ALARM')], 'p99', NOW);
    expect(reasons).toEqual([
      expect.objectContaining({ alarmName: 'a', alarmReason: 'Threshold Crossed: a' }),
    ]);
  });
});
