import { describe, expect, test } from 'vitest';
import type { Direction, Unit } from '../kpi/schema';
import { type FormattedChange, formatChange } from './format-change';

type Row = [
  number | undefined,
  number | undefined,
  Unit,
  Direction | undefined,
  string,
  FormattedChange['kind'],
  FormattedChange['sentiment'],
];

describe('formatChange', () => {
  test.each<Row>([
    [100, 112.3, 'count', 'higher-is-better', '+12.3 %', 'relative', 'good'],
    [100, 112.3, 'count', 'lower-is-better', '+12.3 %', 'relative', 'bad'],
    [200, 150, 'milliseconds', 'lower-is-better', '−25 %', 'relative', 'good'],
    [200, 150, 'milliseconds', 'higher-is-better', '−25 %', 'relative', 'bad'],
    [100, 450, 'per-second', undefined, '+350 %', 'relative', 'neutral'],
    [1000, 1004.2, 'count', 'higher-is-better', '+0.42 %', 'relative', 'good'],
    [1000, 1000.01, 'count', 'higher-is-better', '0 %', 'relative', 'neutral'],
    [-50, -25, 'none', 'higher-is-better', '+50 %', 'relative', 'good'],
    [99.9, 99.1, 'percent', 'higher-is-better', '−0.8 pp', 'points', 'bad'],
    [99.95, 99.946, 'percent', 'higher-is-better', '−0.004 pp', 'points', 'bad'],
    [2, 14.55, 'percent', 'lower-is-better', '+12.6 pp', 'points', 'bad'],
    [99.9, 99.9, 'percent', 'higher-is-better', '0 pp', 'points', 'neutral'],
    [0, 412, 'milliseconds', 'lower-is-better', '+412 ms', 'absolute', 'bad'],
    [0, -3, 'count', 'lower-is-better', '−3', 'absolute', 'good'],
    [0, 0, 'count', 'higher-is-better', '0', 'absolute', 'neutral'],
    [undefined, 5, 'count', 'higher-is-better', '—', 'unknown', 'neutral'],
    [5, Number.NaN, 'count', 'higher-is-better', '—', 'unknown', 'neutral'],
  ])('%s → %s (%s, %s) reads %s', (from, to, unit, direction, text, kind, sentiment) => {
    const change = formatChange(from, to, unit, direction === undefined ? {} : { direction });
    expect({
      text: change.text.replaceAll('\u00a0', ' '),
      kind: change.kind,
      sentiment: change.sentiment,
    }).toEqual({
      text,
      kind,
      sentiment,
    });
  });

  test('delta is in the unit of the KPI', () => {
    expect(formatChange(99.9, 99.1, 'percent').delta).toBeCloseTo(-0.8, 10);
    expect(formatChange(200, 150, 'milliseconds').delta).toBe(-50);
  });

  test('currency and locale pass through to absolute changes', () => {
    const change = formatChange(0, 1234.5, 'currency', { currency: 'EUR', locale: 'de-DE' });
    expect(change.text.replaceAll('\u00a0', ' ')).toBe('+1.234,50 €');
  });

  test('minus is U+2212 so it lines up with plus', () => {
    expect(formatChange(10, 5, 'count').text).toBe('\u221250\u00a0%');
  });
});
