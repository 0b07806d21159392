import { describe, expect, test } from 'vitest';
import { type CatalogMetric, single } from '../scenario/types';
import { evaluateInsights } from './evaluate';
import { parseInsights } from './parse';

const MINUTE = 60_000;
const WINDOW = { start: 0, end: MINUTE, period: 60, now: 10 * MINUTE };

const metric = (name: string, dimensions: Record<string, string>, value = 1): CatalogMetric => ({
  id: { namespace: 'Shop', name, dimensions },
  key: `Shop|${name}|${JSON.stringify(dimensions)}`,
  unit: 'Count',
  resolution: MINUTE,
  sample: () => single(value),
});

const run = (sql: string, catalog: CatalogMetric[], cuts: string[] = []) =>
  evaluateInsights(parseInsights(sql), catalog, WINDOW, 'q', (code) => cuts.push(code)).map((s) => [
    s.label,
    s.v[0],
  ]);

describe('Metrics Insights evaluation', () => {
  const catalog = [
    metric('Orders', { Env: 'prod', Region: 'eu' }, 3),
    metric('Orders', { Env: 'prod', Region: 'us' }, 5),
    metric('Orders', { Env: 'test', Region: 'eu' }, 7),
    metric('Orders', { Env: 'dev' }, 11),
  ];

  test.each<[string, [string, number | undefined][]]>([
    [`SELECT SUM(Orders) FROM Shop WHERE Env = 'prod' OR Env = 'dev'`, [['q', 19]]],
    [`SELECT SUM(Orders) FROM Shop WHERE (Env = 'prod' OR Env = 'test') AND Region = 'eu'`, [['q', 10]]],
    [`SELECT SUM(Orders) FROM Shop WHERE Env = 'prod' OR Env = 'test' AND Region = 'eu'`, [['q', 15]]],
    [`SELECT SUM(Orders) FROM Shop WHERE Region != 'eu'`, [['q', 16]]],
    [`SELECT SUM(Orders) FROM SCHEMA(Shop, Env)`, [['q', 11]]],
    [
      `SELECT SUM(Orders) FROM Shop GROUP BY Region`,
      [
        ['eu', 10],
        ['Other', 11],
        ['us', 5],
      ],
    ],
    [
      `SELECT SUM(Orders) FROM Shop GROUP BY Region ORDER BY SUM() DESC LIMIT 2`,
      [
        ['Other', 11],
        ['eu', 10],
      ],
    ],
  ])('%s', (sql, expected) => {
    expect(run(sql, catalog)).toEqual(expected);
  });

  test('"A single query can process no more than 10,000 metrics": the first 10,000 found', () => {
    const many = Array.from({ length: 10_001 }, (_, i) => metric('Orders', { Id: `m${i}` }));
    const cuts: string[] = [];
    expect(run(`SELECT COUNT(Orders) FROM Shop`, many, cuts)).toEqual([['q', 10_000]]);
    expect(cuts).toEqual(['MaxMatchingResultsExceeded']);
    const fewer: string[] = [];
    run(`SELECT COUNT(Orders) FROM Shop`, many.slice(1), fewer);
    expect(fewer).toEqual([]);
  });

  test('"a query that does not specify a LIMIT can also return no more than 500 time series"', () => {
    const many = Array.from({ length: 501 }, (_, i) => metric('Orders', { Id: `m${i}` }));
    const cuts: string[] = [];
    expect(run(`SELECT SUM(Orders) FROM Shop GROUP BY Id`, many, cuts)).toHaveLength(500);
    expect(cuts).toEqual(['MaxQueryResultsExceeded']);
    const topTen: string[] = [];
    expect(
      run(`SELECT SUM(Orders) FROM Shop GROUP BY Id ORDER BY SUM() DESC LIMIT 10`, many, topTen),
    ).toHaveLength(10);
    expect(topTen).toEqual([]);
  });

  test('ORDER BY ranks a series without data below every other, in a consistent order', () => {
    const quiet: CatalogMetric = { ...metric('Orders', { Id: 'quiet' }), sample: () => undefined };
    const sql = (dir: string) => `SELECT SUM(Orders) FROM Shop GROUP BY Id ORDER BY MAX() ${dir}`;
    const catalogWithQuiet = [quiet, metric('Orders', { Id: 'a' }, 2), metric('Orders', { Id: 'b' }, 4)];
    expect(run(sql('DESC'), catalogWithQuiet).map(([l]) => l)).toEqual(['b', 'a', 'quiet']);
    expect(run(sql('ASC'), catalogWithQuiet).map(([l]) => l)).toEqual(['quiet', 'a', 'b']);
  });
});
