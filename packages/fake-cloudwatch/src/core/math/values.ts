import type { MetricProps } from '../query/dynamic-label';

/** A time series inside the math engine: timestamps in epoch ms, ascending, and their values. */
export interface SeriesValue {
  label: string;
  t: number[];
  v: number[];
  period: number;
  /** Set when the series is a metric's data (PERIOD() accepts only those). */
  fromMetric: boolean;
  /** The metric it is the data of (a MetricStat, a SEARCH result), for `${PROP('…')}` in labels. */
  metric?: MetricProps;
}

export type Value =
  | { kind: 'scalar'; v: number }
  | { kind: 'series'; s: SeriesValue }
  | { kind: 'array'; items: SeriesValue[] }
  | { kind: 'string'; v: string }
  | { kind: 'keyword'; v: string };

/** A problem evaluating an expression (wrong argument types, unknown function…), reported as ValidationError. */
export class MathEvalError extends Error {}

export const scalar = (v: number): Value => ({ kind: 'scalar', v });
export const series = (s: SeriesValue): Value => ({ kind: 'series', s });

/** Builds a series from a map of time to value, dropping non-finite values (and telling the caller). */
export function fromMap(
  label: string,
  period: number,
  map: Map<number, number>,
  onDropped: () => void,
): SeriesValue {
  const t: number[] = [];
  const v: number[] = [];
  for (const time of [...map.keys()].sort((a, b) => a - b)) {
    const value = map.get(time) ?? Number.NaN;
    if (Number.isFinite(value)) {
      t.push(time);
      v.push(value);
    } else {
      onDropped();
    }
  }
  return { label, t, v, period, fromMetric: false };
}

export function toMap(s: SeriesValue): Map<number, number> {
  const m = new Map<number, number>();
  for (const [i, time] of s.t.entries()) m.set(time, s.v[i] ?? 0);
  return m;
}

export function describeKind(v: Value): string {
  switch (v.kind) {
    case 'scalar':
      return 'a number';
    case 'series':
      return 'a time series';
    case 'array':
      return 'an array of time series';
    case 'string':
      return 'a string';
    case 'keyword':
      return `the keyword ${v.v}`;
  }
}
