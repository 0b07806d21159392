/** Robust trend statistics for the forecast: Theil–Sen slope and the Mann–Kendall trend test. */

export interface MannKendall {
  /** Kendall's S: concordant minus discordant pairs. */
  s: number;
  /** Normal approximation with continuity correction. */
  z: number;
  /** Two-sided p-value of "no monotonic trend". */
  pValue: number;
  /** Variance of S, corrected for ties. */
  variance: number;
}

/** Mann–Kendall test for a monotonic trend; ties are corrected so a flat series has no trend at all. */
export function mannKendall(ys: readonly number[]): MannKendall {
  const n = ys.length;
  let s = 0;
  for (let i = 0; i < n - 1; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      s += Math.sign((ys[j] ?? 0) - (ys[i] ?? 0));
    }
  }
  const ties = new Map<number, number>();
  for (const y of ys) ties.set(y, (ties.get(y) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  if (variance <= 0 || s === 0) return { s, z: 0, pValue: 1, variance };
  const z = (s - Math.sign(s)) / Math.sqrt(variance);
  return { s, z, pValue: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))), variance };
}

export interface TheilSen {
  /** Median pairwise slope, value units per x unit. */
  slope: number;
  intercept: number;
  /** Sen's rank-based confidence interval of the slope (about 95%). */
  slopeLow: number;
  slopeHigh: number;
}

const Z_95 = 1.959964;

/** Theil–Sen line: the median of pairwise slopes, which a few outliers cannot drag. Needs two distinct xs. */
export function theilSen(
  xs: readonly number[],
  ys: readonly number[],
  variance: number,
): TheilSen | undefined {
  // n(n-1)/2 slopes (64,620 for 360 points): only four ranks are read, so each is selected in linear time
  // rather than the whole array sorted.
  const all = new Float64Array((xs.length * (xs.length - 1)) / 2);
  let count = 0;
  for (let i = 0; i < xs.length - 1; i += 1) {
    for (let j = i + 1; j < xs.length; j += 1) {
      const dx = (xs[j] ?? 0) - (xs[i] ?? 0);
      if (dx !== 0) all[count++] = ((ys[j] ?? 0) - (ys[i] ?? 0)) / dx;
    }
  }
  if (count === 0) return undefined;
  const slopes = all.subarray(0, count);
  const mid = Math.floor(count / 2);
  const slope =
    count % 2 === 1 ? selectRank(slopes, mid) : (selectRank(slopes, mid - 1) + selectRank(slopes, mid)) / 2;
  const intercept = median(xs.map((x, i) => (ys[i] ?? 0) - slope * x));
  const c = Z_95 * Math.sqrt(Math.max(0, variance));
  const lowRank = Math.max(0, Math.floor((slopes.length - c) / 2));
  const highRank = Math.min(slopes.length - 1, Math.ceil((slopes.length + c) / 2));
  return { slope, intercept, slopeLow: selectRank(slopes, lowRank), slopeHigh: selectRank(slopes, highRank) };
}

/**
 * The value of rank `k` (0-based, ascending) in `values`, by quickselect with a middle pivot: linear time
 * on average. Reorders `values` in place (it stays a permutation, so ranks can be selected one after another).
 */
export function selectRank(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i++;
      while ((values[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const t = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k] ?? Number.NaN;
  }
  return values[k] ?? Number.NaN;
}

/** Median of numbers (sorted or not); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}

/** Standard normal CDF via the Abramowitz–Stegun 7.1.26 erf approximation (error below 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
