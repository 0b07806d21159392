import type { SeriesValue } from './values';

const DAY = 86_400_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * The expected band of a series from the same time on each of the previous 7 days: the median of
 * those values ± k robust standard deviations (1.4826 × MAD, at least 2 % of the level). CloudWatch
 * trains a model server-side; this is a plausible stand-in with the same shape: two series, the
 * upper bound first (FIRST) and the lower bound last (LAST), sharing the query's Id.
 */
export function anomalyBand(
  current: SeriesValue,
  history: (SeriesValue | undefined)[],
  k: number,
): SeriesValue[] {
  const pastMaps = history.map((h, i) => {
    const m = new Map<number, number>();
    for (const [j, t] of (h?.t ?? []).entries()) m.set(t + (i + 1) * DAY, h?.v[j] ?? 0);
    return m;
  });
  const upper: SeriesValue = {
    label: `${current.label} Upper`,
    t: [],
    v: [],
    period: current.period,
    fromMetric: false,
  };
  const lower: SeriesValue = {
    label: `${current.label} Lower`,
    t: [],
    v: [],
    period: current.period,
    fromMetric: false,
  };
  for (const t of current.t) {
    const xs = pastMaps.map((m) => m.get(t)).filter((x): x is number => x !== undefined);
    if (xs.length < 2) continue;
    const center = median(xs);
    const mad = median(xs.map((x) => Math.abs(x - center)));
    const sigma = Math.max(1.4826 * mad, 0.02 * Math.abs(center), 1e-9);
    upper.t.push(t);
    upper.v.push(center + k * sigma);
    lower.t.push(t);
    lower.v.push(center - k * sigma);
  }
  return [upper, lower];
}
