import { describe, expect, test } from 'vitest';
import { type TooltipItem, type TooltipLine, tooltipLines } from './tooltip-lines';

const T = 1_796_151_900_000;
const percent = (v: number): string => `${v} %`;
const row = { t: T, v: 99.2, c: 98.7, band: [97, 99.5] };

describe('tooltipLines', () => {
  test.each<[string, TooltipItem[], unknown, number | undefined, TooltipLine[]]>([
    [
      'a line, its comparison and the band',
      [
        { dataKey: 'band', name: 'Expected range (anomaly band)', value: [97, 99.5], payload: row },
        { dataKey: 'c', name: 'Previous day', value: 98.7, payload: row },
        { dataKey: 'v', name: 'Payment success rate', value: 99.2, payload: row },
      ],
      T,
      T,
      [
        { key: 'band', name: 'Expected range (anomaly band)', text: '97 % – 99.5 %' },
        { key: 'c', name: 'Previous day', text: '98.7 %' },
        { key: 'v', name: 'Payment success rate', text: '99.2 %' },
      ],
    ],
    [
      'a marker: recharts lists the x value as "t", which is the time and not a value',
      [
        { dataKey: 't', name: 't', value: T, payload: { t: T, m: 91.7, level: 'breached' } },
        { dataKey: 'm', name: 'Broke a rule', value: 91.7, payload: { t: T, m: 91.7, level: 'breached' } },
      ],
      undefined,
      T,
      [{ key: 'm', name: 'Broke a rule', text: '91.7 %' }],
    ],
    [
      'a marker from another instant (recharts matches scatter points by index) is left out',
      [
        { dataKey: 'v', name: 'Payment success rate', value: 99.2, payload: row },
        { dataKey: 't', name: 't', value: T - 2_700_000, payload: { t: T - 2_700_000, m: 95.2 } },
        { dataKey: 'm', name: 'Broke a rule', value: 95.2, payload: { t: T - 2_700_000, m: 95.2 } },
      ],
      T,
      T,
      [{ key: 'v', name: 'Payment success rate', text: '99.2 %' }],
    ],
    [
      'the time under the pointer is the axis label',
      [{ dataKey: 'v', name: 'Orders', value: 12, payload: { t: T, v: 12 } }],
      T,
      T,
      [{ key: 'v', name: 'Orders', text: '12 %' }],
    ],
    [
      'the time from the label when the rows carry none',
      [{ dataKey: 'v', name: 'Orders', value: 12 }],
      String(T),
      T,
      [{ key: 'v', name: 'Orders', text: '12 %' }],
    ],
    [
      'gaps and repeats are left out',
      [
        { dataKey: 'v', name: 'Orders', value: undefined, payload: row },
        { dataKey: 'c', name: 'Previous day', value: Number.NaN, payload: row },
        { dataKey: 'band', name: 'Band', value: [1, null], payload: row },
        { dataKey: 'm', name: 'Broke a rule', value: 5, payload: row },
        { dataKey: 'm', name: 'Broke a rule', value: 5, payload: row },
      ],
      T,
      T,
      [{ key: 'm', name: 'Broke a rule', text: '5 %' }],
    ],
    ['nothing under the pointer', [], undefined, undefined, []],
  ])('%s', (_, items, label, t, lines) => {
    expect(tooltipLines(items, label, percent)).toEqual({ t, lines });
  });
});
