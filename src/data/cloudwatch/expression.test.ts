import { describe, expect, test } from 'vitest';
import { rewriteExpression, tokenize } from './expression';

describe('tokenize', () => {
  test('keeps every character, so joining the tokens gives the expression back', () => {
    const text = `SUM(METRICS('4xx')) * 100 / (requests + 1e-3) - SEARCH('{AWS/EC2,InstanceId} MetricName="CPU"', 'Average', 300)`;
    const tokenized = tokenize(text);
    expect(tokenized.ok).toBe(true);
    if (tokenized.ok) expect(tokenized.tokens.map((t) => t.text).join('')).toBe(text);
  });

  test('reads string literals with both quotes and escapes as single tokens', () => {
    const tokenized = tokenize(`SEARCH('a \\' b', "c")`);
    expect(tokenized.ok && tokenized.tokens.filter((t) => t.kind === 'string').map((t) => t.text)).toEqual([
      `'a \\' b'`,
      '"c"',
    ]);
  });

  test('reports an unterminated string', () => {
    expect(tokenize(`m1 + SEARCH("{AWS/EC2} cpu, 300)`)).toEqual({
      ok: false,
      error: 'the string starting at character 13 is never closed with "',
    });
  });
});

describe('rewriteExpression', () => {
  const ids = { errors: 'm3', errors5xx: 'm7', requests: 'm1', e: 'm9' };

  test.each([
    ['plain names', 'errors / requests * 100', 'm3 / m1 * 100'],
    ['names that are prefixes of each other', 'errors + errors5xx', 'm3 + m7'],
    ['a one-letter name inside longer words and numbers', 'e * 1e3 + LOG10(e)', 'm9 * 1e3 + LOG10(m9)'],
    ['function names stay as they are', 'FILL(errors, 0) / RATE(requests)', 'FILL(m3, 0) / RATE(m1)'],
    [
      'names inside SEARCH strings are untouched',
      `SEARCH('{App,Service} MetricName="errors" requests', 'Sum', 60) / requests`,
      `SEARCH('{App,Service} MetricName="errors" requests', 'Sum', 60) / m1`,
    ],
    ['METRICS() becomes the KPI’s own metrics', 'SUM(METRICS())', 'SUM([m3, m7, m1, m9])'],
    ['METRICS with a filter keeps the matching names', "SUM(METRICS('errors'))", 'SUM([m3, m7])'],
    ['METRICS with double quotes and spaces', 'SUM(METRICS ( "5xx" ))', 'SUM([m7])'],
    ['METRICS inside an array splices in', `SUM([METRICS("5xx"), requests])`, 'SUM([m7, m1])'],
    ['arrays written out', 'AVG([errors, requests]) - requests', 'AVG([m3, m1]) - m1'],
    [
      'keywords of SORT stay',
      'FIRST(SORT(METRICS(), AVG, DESC))',
      'FIRST(SORT([m3, m7, m1, m9], AVG, DESC))',
    ],
  ])('%s', (_name, expression, expected) => {
    const rewritten = rewriteExpression(expression, ids);
    expect(rewritten).toMatchObject({ ok: true, expression: expected });
  });

  test('lists the names it used, so unused metrics are known', () => {
    const rewritten = rewriteExpression('errors / requests', ids);
    expect(rewritten.ok && [...rewritten.referenced].sort()).toEqual(['errors', 'requests']);
  });

  test.each([
    ['errors / reqs', ids, "the expression uses 'reqs', which is not one of its metrics"],
    ["SUM(METRICS('latency'))", ids, "METRICS('latency') matches none of this KPI's metrics"],
    ['SUM(METRICS())', {}, "METRICS() matches none of this KPI's metrics (it defines no metrics)"],
    ['SUM(METRICS(2))', ids, 'METRICS takes nothing or one string'],
    ["SEARCH('oops, 'Sum', 60)", ids, 'never closed'],
  ])('%s is refused with a reason', (expression, names, reason) => {
    const rewritten = rewriteExpression(expression, names);
    expect(rewritten.ok).toBe(false);
    if (!rewritten.ok) expect(rewritten.error).toContain(reason);
  });
});
