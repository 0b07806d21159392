import type { LogNormal, Sample } from '../scenario/types';

/** A statistic the fake can compute; percentile-family statistics carry their bounds in 0..1. */
export type Statistic =
  | { kind: 'SampleCount' | 'Sum' | 'Average' | 'Minimum' | 'Maximum' }
  | { kind: 'percentile'; q: number }
  | { kind: 'trimmed-mean'; lo: number; hi: number };

const PERCENT = '(100|\\d{1,2}(?:\\.\\d{1,10})?)';
const P_RE = new RegExp(`^p${PERCENT}$`);
const TM_RE = new RegExp(`^tm${PERCENT}$`);
const TM_RANGE_RE = new RegExp(`^TM\\(${PERCENT}%:${PERCENT}%\\)$`, 'i');

/** Parses a CloudWatch statistic name, or returns undefined for one CloudWatch would reject. */
export function parseStatistic(stat: string): Statistic | undefined {
  if (['SampleCount', 'Sum', 'Average', 'Minimum', 'Maximum'].includes(stat)) {
    return { kind: stat as 'Sum' };
  }
  if (stat === 'IQM') return { kind: 'trimmed-mean', lo: 0.25, hi: 0.75 };
  const p = P_RE.exec(stat);
  if (p) return { kind: 'percentile', q: Number(p[1]) / 100 };
  const tm = TM_RE.exec(stat);
  if (tm) return { kind: 'trimmed-mean', lo: 0, hi: Number(tm[1]) / 100 };
  const range = TM_RANGE_RE.exec(stat);
  if (range) return { kind: 'trimmed-mean', lo: Number(range[1]) / 100, hi: Number(range[2]) / 100 };
  return undefined;
}

/** A raw sample with the weight it stands for when a long bucket is sampled sparsely. */
export interface Weighted {
  sample: Sample;
  weight: number;
}

function erf(x: number): number {
  // Abramowitz–Stegun 7.1.26, accurate to 1.5e-7: plenty for percentiles of simulated data.
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-a * a);
  return sign * y;
}

function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

function logNormalCdf(x: number, d: LogNormal): number {
  return x <= 0 ? 0 : normalCdf((Math.log(x) - Math.log(d.median)) / d.sigma);
}

/** The q-quantile of the observations a set of samples stands for. */
function quantile(items: Weighted[], q: number): number {
  const withDist = items.filter((w) => w.sample.dist !== undefined);
  if (withDist.length === items.length && items.length > 0) {
    const total = items.reduce((s, w) => s + w.sample.count * w.weight, 0);
    let lo = Math.log(Math.min(...items.map((w) => w.sample.min)));
    let hi = Math.log(Math.max(...items.map((w) => w.sample.max)));
    const qc = Math.min(Math.max(q, 0.0001), 0.9999);
    if (q <= 0) return Math.exp(lo);
    if (q >= 1) return Math.exp(hi);
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      const x = Math.exp(mid);
      const cdf =
        items.reduce((s, w) => s + w.sample.count * w.weight * logNormalCdf(x, w.sample.dist!), 0) / total;
      if (cdf < qc) lo = mid;
      else hi = mid;
    }
    return Math.exp((lo + hi) / 2);
  }
  // One value per sample: the quantile of the published values, weighted by how many they stand for.
  const values = items
    .map((w) => ({ v: w.sample.sum / Math.max(1, w.sample.count), n: w.sample.count * w.weight }))
    .sort((a, b) => a.v - b.v);
  const total = values.reduce((s, x) => s + x.n, 0);
  let seen = 0;
  for (const x of values) {
    seen += x.n;
    if (seen >= q * total) return x.v;
  }
  return values[values.length - 1]?.v ?? Number.NaN;
}

/** Computes one statistic over the samples that fall in one period; undefined when there are none. */
export function computeStatistic(stat: Statistic, items: Weighted[]): number | undefined {
  if (items.length === 0) return undefined;
  switch (stat.kind) {
    case 'SampleCount':
      return items.reduce((s, w) => s + w.sample.count * w.weight, 0);
    case 'Sum':
      return items.reduce((s, w) => s + w.sample.sum * w.weight, 0);
    case 'Average': {
      const n = items.reduce((s, w) => s + w.sample.count * w.weight, 0);
      return items.reduce((s, w) => s + w.sample.sum * w.weight, 0) / n;
    }
    case 'Minimum':
      return Math.min(...items.map((w) => w.sample.min));
    case 'Maximum':
      return Math.max(...items.map((w) => w.sample.max));
    case 'percentile':
      return quantile(items, stat.q);
    case 'trimmed-mean': {
      const steps = 16;
      let acc = 0;
      for (let i = 0; i < steps; i++)
        acc += quantile(items, stat.lo + ((i + 0.5) / steps) * (stat.hi - stat.lo));
      return acc / steps;
    }
  }
}
