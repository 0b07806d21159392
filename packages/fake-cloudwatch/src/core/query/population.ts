import type { LogNormal, Sample } from '../scenario/types';

/** A raw sample with the weight it stands for when a long bucket is sampled sparsely. */
export interface Weighted {
  sample: Sample;
  weight: number;
}

/**
 * The datapoints one period's samples stand for, as CloudWatch's percentile-based statistics see them:
 * a sample with a distribution is `count` values spread log-normally; one without is `count` copies of
 * one value. Counts, partial sums and quantiles are exact for the copies and closed-form for the
 * log-normals, so every statistic computed from them agrees with the others (TS = TM × TC).
 */
export interface Population {
  /** How many datapoints: SampleCount. */
  total: number;
  /** Their sum: Sum. */
  sum: number;
  min: number;
  max: number;
  /** How many datapoints are ≤ x (or < x when `strict`). */
  count(x: number, strict?: boolean): number;
  /** The sum of the datapoints ≤ x (or < x when `strict`). */
  sumUpTo(x: number, strict?: boolean): number;
  /** The smallest value with at least `q` (0–1) of the datapoints at or below it. */
  quantile(q: number): number;
  /** The sum of the `rank` smallest datapoints, counting a fraction of the one `rank` falls in. */
  lowest(rank: number): number;
}

interface Mass {
  value: number;
  n: number;
}

interface Spread {
  dist: LogNormal;
  n: number;
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

/** P(X ≤ x) of a log-normal. */
function spreadCount(x: number, d: LogNormal): number {
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  return normalCdf((Math.log(x) - Math.log(d.median)) / d.sigma);
}

/** E[X; X ≤ x] of a log-normal: its mean times Φ((ln x − μ − σ²)/σ). */
function spreadSum(x: number, d: LogNormal): number {
  const mean = d.median * Math.exp((d.sigma * d.sigma) / 2);
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return mean;
  return mean * normalCdf((Math.log(x) - Math.log(d.median) - d.sigma * d.sigma) / d.sigma);
}

/**
 * CloudWatch "needs raw data points" for percentiles and the statistics built on them: a statistic set
 * qualifies only with SampleCount 1, or with Min = Max and Sum = Min × SampleCount; and they "are not
 * available for metrics when any of the metric values are negative numbers" (User Guide, "CloudWatch
 * statistics definitions", Requirements to use percentiles, trimmed mean, and some other statistics).
 * Undefined when the samples do not qualify.
 */
export function populationOf(items: Weighted[]): Population | undefined {
  const masses: Mass[] = [];
  const spreads: Spread[] = [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let total = 0;
  let sum = 0;
  for (const { sample, weight } of items) {
    if (sample.min < 0) return undefined;
    const n = sample.count * weight;
    if (n <= 0) continue;
    if (sample.dist) spreads.push({ dist: sample.dist, n });
    else if (sample.count === 1 || (sample.min === sample.max && sample.sum === sample.min * sample.count))
      masses.push({ value: sample.min, n });
    else return undefined;
    total += n;
    sum += sample.sum * weight;
    min = Math.min(min, sample.min);
    max = Math.max(max, sample.max);
  }
  if (total === 0) return undefined;
  masses.sort((a, b) => a.value - b.value);

  const count = (x: number, strict = false): number => {
    let c = 0;
    for (const m of masses) {
      if (strict ? m.value >= x : m.value > x) break;
      c += m.n;
    }
    for (const s of spreads) c += s.n * spreadCount(x, s.dist);
    return c;
  };
  const sumUpTo = (x: number, strict = false): number => {
    let c = 0;
    for (const m of masses) {
      if (strict ? m.value >= x : m.value > x) break;
      c += m.n * m.value;
    }
    for (const s of spreads) c += s.n * spreadSum(x, s.dist);
    return c;
  };

  const quantile = (q: number): number => {
    if (q <= 0) return min;
    if (q >= 1) return max;
    const target = q * total;
    if (spreads.length === 0) {
      let seen = 0;
      for (const m of masses) {
        seen += m.n;
        if (seen >= target - 1e-9 * total) return m.value;
      }
      return max;
    }
    // Bisection on log x when every value is positive (latencies), on x otherwise.
    const useLog = min > 0;
    let lo = useLog ? Math.log(min) : min;
    let hi = useLog ? Math.log(max) : max;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (count(useLog ? Math.exp(mid) : mid) < target) lo = mid;
      else hi = mid;
    }
    const x = useLog ? Math.exp(hi) : hi;
    // A copy-valued datapoint the search converged onto is the answer itself.
    let snapped: number | undefined;
    for (const m of masses) {
      if (m.value > x) break;
      snapped = m.value;
    }
    return snapped !== undefined && count(snapped) >= target && x - snapped <= 1e-9 * (max - min || 1)
      ? snapped
      : x;
  };

  const lowest = (rank: number): number => {
    if (rank <= 0) return 0;
    if (rank >= total) return sum;
    const q = quantile(rank / total);
    return sumUpTo(q, true) + (rank - count(q, true)) * q;
  };

  return { total, sum, min, max, count, sumUpTo, quantile, lowest };
}
