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
    [
      'a band row where the sampling dropped the value carries the value: the line does not break',
      {
        points: line([1, 1, 1, 1, 1, 1]),
        period: 60,
        band: { lower: line([0, 0, 0, 0, 0, 0]), upper: line([2, 2, 2, 2, 2, 2]) },
      },
      2,
      [
        { t: 0, v: 1, band: [0, 2] },
        { t: 3 * M, v: 1, band: [0, 2] },
        { t: 5 * M, v: 1 },
      ],
    ],
    [
      'a missing period breaks the line even where the sampling would bridge it',
      { points: [0, 1, 2, 5, 6].map((i) => ({ t: i * M, v: 1 })), period: 60 },
      2,
      [{ t: 0, v: 1 }, { t: 3 * M }, { t: 6 * M, v: 1 }],
    ],
    [
      'a comparison at an instant the value has no datapoint leaves the gap',
      { points: [0, 2].map((i) => ({ t: i * M, v: 1 })), compare: { points: line([3, 4, 5]) } },
      100,
      [
        { t: 0, v: 1, c: 3 },
        { t: M, c: 4 },
        { t: 2 * M, v: 1, c: 5 },
      ],
    ],
    ['nothing to draw', { points: [] }, 100, []],
  ])('%s', (_, input, pixels, rows) => {
    expect(chartRows(input, pixels)).toEqual(rows);
  });
});
