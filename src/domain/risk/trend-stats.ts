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
  // n(n-1)/2 slopes (7,140 for two hours of minutes): a typed array sorts them natively, and once.
  const all = new Float64Array((xs.length * (xs.length - 1)) / 2);
  let count = 0;
  for (let i = 0; i < xs.length - 1; i += 1) {
    for (let j = i + 1; j < xs.length; j += 1) {
      const dx = (xs[j] ?? 0) - (xs[i] ?? 0);
      if (dx !== 0) all[count++] = ((ys[j] ?? 0) - (ys[i] ?? 0)) / dx;
    }
  }
  if (count === 0) return undefined;
  const slopes = all.subarray(0, count).sort();
  const mid = Math.floor(count / 2);
  const slope =
    count % 2 === 1 ? (slopes[mid] ?? Number.NaN) : ((slopes[mid - 1] ?? 0) + (slopes[mid] ?? 0)) / 2;
  const intercept = median(xs.map((x, i) => (ys[i] ?? 0) - slope * x));
  const c = Z_95 * Math.sqrt(Math.max(0, variance));
  const lowRank = Math.max(0, Math.floor((slopes.length - c) / 2));
  const highRank = Math.min(slopes.length - 1, Math.ceil((slopes.length + c) / 2));
  return { slope, intercept, slopeLow: slopes[lowRank] ?? slope, slopeHigh: slopes[highRank] ?? slope };
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
