import { describe, expect, test } from 'vitest';
import { addUnique, describeMessage, remedyFor, toCloudWatchMessage } from './messages';

const ARITHMETIC =
  'One or more data-points have been dropped due to non-numeric values (NaN, -Infinite, +Infinite)';

describe('toCloudWatchMessage', () => {
  test.each([
    ['ArithmeticError', ARITHMETIC, 'result', ARITHMETIC, 'divided by zero'],
    [
      'MaxMetricsExceeded',
      undefined,
      'call',
      'Maximum number of allowed metrics exceeded',
      'narrow the SEARCH',
    ],
    [
      'MaxQueryTimeRangeExceeded',
      'Max time window exceeded',
      'call',
      'Max time window exceeded',
      'two weeks',
    ],
    ['MaxQueryResultsExceeded', null, 'call', 'more than 500 time series', 'ORDER BY'],
    ['MaxMatchingResultsExceeded', '', 'call', 'more than 10,000 metrics', 'FROM SCHEMA'],
    ['InternalError', 'Retry', 'result', 'Retry', 'next refresh'],
    [
      'Forbidden',
      'Authentication too complex to retrieve cross region data',
      'result',
      'cross region',
      'Region',
    ],
    [
      'Forbidden',
      'Account 111122223333 is not linked',
      'result',
      'not linked',
      'cross-account observability',
    ],
  ] as const)('%s (%s) keeps the text and gains a remedy', (code, value, scope, text, remedy) => {
    const message = toCloudWatchMessage(code, value, scope);
    expect(message).toMatchObject({ code, scope });
    expect(message?.text).toContain(text);
    expect(message?.remedy).toContain(remedy);
  });

  test.each([
    ['SomethingNew', 'odd things happened', 'odd things happened'],
    ['SomethingNew', undefined, 'SomethingNew'],
    [undefined, 'a message without a code', 'a message without a code'],
  ] as const)('an unknown code %s keeps its text and has no remedy', (code, value, text) => {
    const message = toCloudWatchMessage(code, value, 'result');
    expect(message).toEqual({ code: code ?? '', text, scope: 'result' });
  });

  test('a message with neither code nor text is nothing', () => {
    expect(toCloudWatchMessage('', null, 'call')).toBeUndefined();
  });

  test('remedies are only for codes spelled as the service spells them', () => {
    expect(remedyFor('MaxQueryTimeRangeExceed', '')).toBeUndefined();
    expect(remedyFor('MaxQueryResults', '')).toBeUndefined();
    expect(remedyFor('toString', '')).toBeUndefined();
  });
});

describe('describeMessage', () => {
  test.each([
    [
      { code: 'ArithmeticError', text: ARITHMETIC, scope: 'result', remedy: 'fix it' },
      `ArithmeticError: ${ARITHMETIC} — fix it`,
    ],
    [{ code: 'Odd', text: 'Odd: already prefixed', scope: 'call' }, 'Odd: already prefixed'],
    [{ code: '', text: 'no code', scope: 'call' }, 'no code'],
  ] as const)('%j', (message, line) => {
    expect(describeMessage(message)).toBe(line);
  });
});

test('addUnique keeps one of each code and text, the first scope winning', () => {
  const list = [{ code: 'A', text: 'x', scope: 'result' as const }];
  addUnique(list, [
    { code: 'A', text: 'x', scope: 'call' },
    { code: 'A', text: 'y', scope: 'call' },
  ]);
  expect(list).toEqual([
    { code: 'A', text: 'x', scope: 'result' },
    { code: 'A', text: 'y', scope: 'call' },
  ]);
});
