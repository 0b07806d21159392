import { describe, expect, test } from 'vitest';
import type { Unit } from '../kpi/schema';
import { type FormatOptions, formatValue, NO_VALUE } from './format-value';

/** Expectations are written with plain spaces; the no-break space is asserted once, below. */
function shown(value: number | null | undefined, unit: Unit, options?: FormatOptions): string {
  return formatValue(value, unit, options).replaceAll('\u00a0', ' ');
}

describe('formatValue', () => {
  test.each<[number, Unit, FormatOptions, string]>([
    [1234, 'count', {}, '1,234'],
    [1234, 'count', { compact: true }, '1.2K'],
    [999, 'count', { compact: true }, '999'],
    [1_234_567, 'count', { compact: true }, '1.2M'],
    [12.34, 'count', {}, '12.3'],
    [0, 'count', {}, '0'],
    [-42, 'count', {}, '-42'],
    [1234.5, 'count', { locale: 'de-DE' }, '1.235'],
    [0.0123, 'none', {}, '0.0123'],
    [5.4321, 'none', {}, '5.43'],

    [99.93, 'percent', {}, '99.93 %'],
    [99.95, 'percent', {}, '99.95 %'],
    [99.9, 'percent', {}, '99.9 %'],
    [99.999, 'percent', {}, '99.999 %'],
    [99.9996, 'percent', {}, '99.9996 %'],
    [99.99999, 'percent', {}, '99.9999 %'],
    [99.5, 'percent', {}, '99.5 %'],
    [100, 'percent', {}, '100 %'],
    [42.16, 'percent', {}, '42.2 %'],
    [0.07, 'percent', {}, '0.07 %'],
    [250, 'percent', {}, '250 %'],
    [99.93, 'percent', { locale: 'fr-FR' }, '99,93 %'],

    [412, 'milliseconds', {}, '412 ms'],
    [41.25, 'milliseconds', {}, '41.3 ms'],
    [0.412, 'milliseconds', {}, '0.412 ms'],
    [999.4, 'milliseconds', {}, '999 ms'],
    [1240, 'milliseconds', {}, '1.24 s'],
    [123_000, 'milliseconds', {}, '2 min 3 s'],

    [0.412, 'seconds', {}, '0.412 s'],
    [12.34, 'seconds', {}, '12.3 s'],
    [59.99, 'seconds', {}, '1 min'],
    [123, 'seconds', {}, '2 min 3 s'],
    [3599.6, 'seconds', {}, '1 h'],
    [18_600, 'seconds', {}, '5 h 10 min'],
    [273_600, 'seconds', {}, '3 d 4 h'],
    [-123, 'seconds', {}, '-2 min 3 s'],

    [512, 'bytes', {}, '512 B'],
    [1500, 'bytes', {}, '1.5 kB'],
    [1_500_000, 'bytes', {}, '1.5 MB'],
    [999_600, 'bytes', {}, '1 MB'],
    [12_345_678_901, 'bytes', {}, '12.3 GB'],
    [0.5, 'bytes', {}, '0.5 B'],
    [1_500_000, 'bytes-per-second', {}, '1.5 MB/s'],

    [12.34, 'per-second', {}, '12.3/s'],
    [1234, 'per-minute', { compact: true }, '1.2K/min'],
    [1234, 'per-minute', {}, '1,234/min'],

    [0.42, 'currency', { currency: 'USD' }, '$0.42'],
    [1234.5, 'currency', { currency: 'EUR' }, '€1,234.50'],
    [1234.5, 'currency', { currency: 'EUR', locale: 'de-DE' }, '1.234,50 €'],
    [0.0042, 'currency', { currency: 'USD' }, '$0.0042'],
    [0.045, 'currency', { currency: 'USD' }, '$0.045'],
    [0.03784, 'currency', { currency: 'USD' }, '$0.0378'],
    [0.05, 'currency', { currency: 'USD' }, '$0.050'],
    [1_234_567, 'currency', { currency: 'USD', compact: true }, '$1.2M'],
    [1234.5, 'currency', { currency: 'JPY' }, '¥1,235'],
    [3.5, 'currency', {}, '3.50'],
  ])('%d %s %j → %s', (value, unit, options, expected) => {
    expect(shown(value, unit, options)).toBe(expected);
  });

  test.each<[number | null | undefined]>([[Number.NaN], [undefined], [null], [Number.POSITIVE_INFINITY]])(
    '%s has no value',
    (value) => {
      expect(formatValue(value, 'milliseconds')).toBe(NO_VALUE);
    },
  );

  test('a value never reads as 100 % when it is below 100', () => {
    for (let gap = 0.5; gap > 1e-7; gap /= 3) {
      expect(shown(100 - gap, 'percent')).not.toBe('100 %');
    }
  });

  test('number and unit are held together by a no-break space', () => {
    expect(formatValue(412, 'milliseconds')).toBe('412\u00a0ms');
    expect(formatValue(99.93, 'percent')).toBe('99.93\u00a0%');
  });

  test('an unknown locale tag falls back to en-US instead of throwing', () => {
    expect(shown(1234, 'count', { locale: 'not a locale!' })).toBe('1,234');
  });
});
