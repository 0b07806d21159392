import { describe, expect, test } from 'vitest';
import { type ChartRow, type ChartRowsInput, chartRows } from './chart-rows';

const M = 60_000;
const line = (values: number[]): { t: number; v: number }[] => values.map((v, i) => ({ t: i * M, v }));

describe('chartRows', () => {
  test.each<[string, ChartRowsInput, number, ChartRow[]]>([
    [
      'value, comparison and band share the instants',
      {
        points: line([1, 2]),
        compare: { points: line([3, 4]) },
        band: { lower: line([0, 1]), upper: line([5, 6]) },
      },
      100,
      [
        { t: 0, v: 1, c: 3, band: [0, 5] },
        { t: M, v: 2, c: 4, band: [1, 6] },
      ],
    ],
    [
      'a rule-breaking point is on the same row as the value, not in a list of its own',
      { points: line([1, 9, 1]), markers: [{ t: M, v: 9, level: 'breached' }] },
      100,
      [
        { t: 0, v: 1 },
        { t: M, v: 9, m: 9, level: 'breached' },
        { t: 2 * M, v: 1 },
      ],
    ],
    [
      'a rule-breaking point the downsampling dropped is put back on the line',
      { points: line([5, 5, 5, 6, 5, 5, 5]), markers: [{ t: M, v: 5, level: 'at-risk' }] },
      3,
      [
        { t: 0, v: 5 },
        { t: M, v: 5, m: 5, level: 'at-risk' },
        { t: 3 * M, v: 6 },
        { t: 6 * M, v: 5 },
      ],
    ],
    ['nothing to draw', { points: [] }, 100, []],
  ])('%s', (_, input, pixels, rows) => {
    expect(chartRows(input, pixels)).toEqual(rows);
  });
});
