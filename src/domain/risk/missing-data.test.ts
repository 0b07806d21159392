import { describe, expect, test } from 'vitest';
import {
  type DatapointClass,
  evaluateMofN,
  evaluationRangeSize,
  type MofNOutcome,
  resolveOutcome,
} from './missing-data';

/*
 * The worked examples of "How alarm state is evaluated when data is missing", Amazon CloudWatch User Guide:
 *   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-evaluating-missing-data
 *   (today at https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html)
 * copied verbatim from the guide's source, github.com/awsdocs/amazon-cloudwatch-user-guide,
 * doc_source/AlarmThatSendsEmail.md at commit 05fd32f63861ca6646c8aa5c94334fd6e0dfdbf5.
 * "0 is a non-breaching data point, X is a breaching data point, and - is a missing data point",
 * oldest first; CloudWatch retrieves the 5 most recent data points.
 */
const THREE_OF_THREE = `
| Data points | # of missing data points | MISSING | IGNORE | BREACHING | NOT BREACHING |
|  0 - X - X  |  2  |  OK  |  OK  |  OK  |  OK  |
|  0 - - - -  |  4  |  OK  |  OK  |  OK  |  OK  |
|  - - - - -  |  5  |  Insufficient data  |  Retain current state  |  ALARM  |  OK  |
|  0 X X - X  |  1  |  ALARM  |  ALARM  |  ALARM  |  ALARM  |
|  - - - - X  |  4  |  Insufficient data  |  Retain current state  |  ALARM  |  OK  |
|  X - - - -  |  4  |  ALARM  |  Retain current state  |  ALARM  |  OK  |
`;

/* "the Period is again set to 5 minutes, and Datapoints to Alarm is only 2 while Evaluation Periods is 3" */
const TWO_OF_THREE = `
| Data points | # of missing data points | MISSING | IGNORE | BREACHING | NOT BREACHING |
|  0 - X - X  |  2  |  ALARM  |  ALARM  |  ALARM  |  ALARM  |
|  0 0 X 0 X  |  0  |  ALARM  |  ALARM  |  ALARM  |  ALARM  |
|  0 - X - -  |  3  |  OK  |  OK  |  ALARM  |  OK  |
|  - - - - 0  |  4  |  OK  |  OK  |  ALARM  |  OK  |
|  - - - - X  |  4  |  Insufficient data  |  Retain current state  |  ALARM  |  OK  |
`;

const DOC_STATES: Record<string, MofNOutcome> = {
  OK: 'ok',
  ALARM: 'alarm',
  'Insufficient data': 'insufficient-data',
  'Retain current state': 'keep',
};
const SYMBOLS: Record<string, DatapointClass> = { '0': 'not-breaching', X: 'breaching', '-': 'missing' };
const TREATMENTS = ['missing', 'ignore', 'breaching', 'notBreaching'] as const;

function parseTable(table: string, m: number, n: number) {
  return table
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .flatMap(([, points = '', missing = '', ...states]) =>
      TREATMENTS.map((treatment, i) => ({
        points,
        missing: Number(missing),
        treatment,
        m,
        n,
        expected: DOC_STATES[states[i] ?? ''],
      })),
    );
}

const toClasses = (points: string): DatapointClass[] =>
  points.split(' ').map((symbol) => SYMBOLS[symbol] ?? 'missing');

describe('CloudWatch missing-data worked examples', () => {
  test.each([...parseTable(THREE_OF_THREE, 3, 3), ...parseTable(TWO_OF_THREE, 2, 3)])(
    '$m of $n, $points, treatMissingData $treatment → $expected',
    ({ points, missing, treatment, m, n, expected }) => {
      const classes = toClasses(points);
      expect(classes).toHaveLength(evaluationRangeSize(n));
      expect(classes.filter((c) => c === 'missing')).toHaveLength(missing);
      const verdict = evaluateMofN(classes, {
        datapointsToAlarm: m,
        evaluationPeriods: n,
        treatMissingData: treatment,
      });
      expect(verdict.outcome).toBe(expected);
    },
  );

  test('the tables cover every cell (6 + 5 rows × 4 treatments)', () => {
    expect(parseTable(THREE_OF_THREE, 3, 3).length + parseTable(TWO_OF_THREE, 2, 3).length).toBe(44);
    expect(
      [...parseTable(THREE_OF_THREE, 3, 3), ...parseTable(TWO_OF_THREE, 2, 3)].every((r) => r.expected),
    ).toBe(true);
  });

  test('the second row turns to ALARM once its one good datapoint leaves the range (as the guide explains)', () => {
    const config = { datapointsToAlarm: 3, evaluationPeriods: 3, treatMissingData: 'breaching' } as const;
    expect(evaluateMofN(toClasses('0 - - - -'), config).outcome).toBe('ok');
    expect(evaluateMofN(toClasses('- - - - -'), config).outcome).toBe('alarm');
  });
});

describe('M out of N without missing data', () => {
  test.each([
    { points: 'X X X', m: 3, n: 3, outcome: 'alarm', breaching: 3 },
    { points: 'X X 0', m: 3, n: 3, outcome: 'ok', breaching: 2 },
    { points: 'X 0 X 0 X', m: 3, n: 5, outcome: 'alarm', breaching: 3 },
    { points: 'X 0 X 0 0', m: 3, n: 5, outcome: 'ok', breaching: 2 },
    { points: '0 0 0 0 X', m: 1, n: 1, outcome: 'alarm', breaching: 1 },
    { points: 'X X X X 0', m: 1, n: 1, outcome: 'ok', breaching: 0 },
    { points: 'X X 0 0 0 0 0', m: 2, n: 5, outcome: 'ok', breaching: 0 },
    { points: '0 0 X X 0 0 0', m: 2, n: 5, outcome: 'alarm', breaching: 2 },
  ])('$m of $n over $points → $outcome', ({ points, m, n, outcome, breaching }) => {
    for (const treatment of TREATMENTS) {
      const verdict = evaluateMofN(toClasses(points), {
        datapointsToAlarm: m,
        evaluationPeriods: n,
        treatMissingData: treatment,
      });
      expect(verdict).toMatchObject({ outcome, breaching, evaluated: n, filled: 0 });
    }
  });

  test('the most recent N real datapoints decide, however far back they are', () => {
    const verdict = evaluateMofN(toClasses('X - X - X - 0'), {
      datapointsToAlarm: 3,
      evaluationPeriods: 3,
      treatMissingData: 'breaching',
    });
    expect(verdict).toMatchObject({ outcome: 'ok', breaching: 2, filled: 0 });
  });

  test('fills only as many missing datapoints as needed', () => {
    const verdict = evaluateMofN(toClasses('- - - 0 X'), {
      datapointsToAlarm: 2,
      evaluationPeriods: 4,
      treatMissingData: 'breaching',
    });
    expect(verdict).toMatchObject({ outcome: 'alarm', breaching: 3, evaluated: 4, filled: 2 });
  });
});

describe('resolveOutcome', () => {
  test.each([
    ['keep', 'alarm', 'alarm'],
    ['keep', 'ok', 'ok'],
    ['keep', undefined, 'insufficient-data'],
    ['alarm', 'ok', 'alarm'],
    ['ok', 'alarm', 'ok'],
  ] as const)('%s after %s → %s', (outcome, previous, expected) => {
    expect(resolveOutcome(outcome, previous)).toBe(expected);
  });
});

describe('evaluationRangeSize', () => {
  test.each([
    [1, 3],
    [3, 5],
    [5, 7],
    [10, 14],
  ])('%i evaluation periods look back %i periods', (n, size) => {
    expect(evaluationRangeSize(n)).toBe(size);
  });
});
