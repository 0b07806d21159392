import type { Direction } from '../kpi/schema';
import type { Point } from '../series';
import { completePeriodsEnd } from './clean-series';
import { describeRoughSpan, type ForecastReason, type ValueFormat } from './reasons';
import { breachesLimit } from './threshold';
import { mannKendall, median, theilSen } from './trend-stats';

/** Fewer points than this are never a trend. */
export const FORECAST_MIN_POINTS = 10;
/** Pairwise slopes grow with n²; evenly thinning to this many points keeps the fit fast and unchanged in spirit. */
const FORECAST_MAX_POINTS = 360;
/** A trend must be significant at this level (two-sided Mann–Kendall) before it may flag. */
const FORECAST_ALPHA = 0.05;

export type Confidence = 'high' | 'medium' | 'low';

export interface ForecastConfig {
  horizon: number;
  lookback?: number;
}

export interface ForecastFacts {
  /** Seconds of history fitted. */
  lookback: number;
  horizon: number;
  target: number;
  points: number;
  /** Whether there were enough points to fit a trend at all. */
  enough: boolean;
  /** Change per second in the KPI's unit, with its ~95% interval. */
  slope?: number;
  slopeLow?: number;
  slopeHigh?: number;
  pValue?: number;
  /** The fitted line's value at `now`. */
  fittedNow?: number;
  /** Robust spread of the points around the line (1.4826 × MAD). */
  residualSpread?: number;
  trend: 'towards-bad' | 'towards-good' | 'none' | 'unknown';
  /** When the line reaches threshold.breached in the bad direction (now if it already has). */
  crossingAt?: number;
  inSeconds?: number;
  confidence?: Confidence;
  /** The forecast flags the KPI at-risk. */
  flagged: boolean;
}

export interface ForecastContext {
  title: string;
  direction: Direction;
  format: ValueFormat;
  period: number;
  now: number;
}

/** Default lookback: three hours, or twenty periods for coarse metrics, whichever is longer. */
export function defaultLookback(periodSeconds: number): number {
  return Math.max(3 * 3600, 20 * periodSeconds);
}

/**
 * Trend forecast: a Theil–Sen line through the recent complete periods, trusted only when the
 * Mann–Kendall test finds a significant monotonic trend towards the bad side; at-risk when the line
 * reaches threshold.breached within the horizon. Confidence is high when p < 0.001 and even the slow end
 * of the slope's interval crosses within the horizon, medium when p < 0.01, low otherwise.
 */
export function evaluateForecast(
  points: readonly Point[],
  target: number,
  config: ForecastConfig,
  ctx: ForecastContext,
): { facts: ForecastFacts; reasons: ForecastReason[] } {
  const lookback = config.lookback ?? defaultLookback(ctx.period);
  const end = completePeriodsEnd(ctx.now, ctx.period);
  const recent = thin(points.filter((p) => p.t >= end - lookback * 1000 && p.t < end));
  const facts: ForecastFacts = {
    lookback,
    horizon: config.horizon,
    target,
    points: recent.length,
    enough: recent.length >= FORECAST_MIN_POINTS,
    trend: 'unknown',
    flagged: false,
  };
  if (!facts.enough) return { facts, reasons: [] };

  const xs = recent.map((p) => (p.t - ctx.now) / 1000);
  const ys = recent.map((p) => p.v);
  const mk = mannKendall(ys);
  const fit = theilSen(xs, ys, mk.variance);
  if (!fit || !Number.isFinite(fit.slope) || !Number.isFinite(fit.intercept)) return { facts, reasons: [] };

  const badSign = ctx.direction === 'higher-is-better' ? -1 : 1;
  const significant = mk.pValue < FORECAST_ALPHA && Math.sign(mk.s) === Math.sign(fit.slope);
  const residuals = xs.map((x, i) => (ys[i] ?? 0) - (fit.intercept + fit.slope * x));
  Object.assign(facts, {
    slope: fit.slope,
    slopeLow: fit.slopeLow,
    slopeHigh: fit.slopeHigh,
    pValue: mk.pValue,
    fittedNow: fit.intercept,
    residualSpread: 1.4826 * median(residuals.map(Math.abs)),
    trend:
      !significant || fit.slope === 0
        ? 'none'
        : Math.sign(fit.slope) === badSign
          ? 'towards-bad'
          : 'towards-good',
  });
  if (facts.trend !== 'towards-bad') return { facts, reasons: [] };

  const gap = target - fit.intercept;
  const inSeconds = breachesLimit(fit.intercept, target, ctx.direction) ? 0 : gap / fit.slope;
  const slowSlope = badSign < 0 ? fit.slopeHigh : fit.slopeLow;
  const slowInSeconds =
    inSeconds === 0 ? 0 : Math.sign(slowSlope) === badSign ? gap / slowSlope : Number.POSITIVE_INFINITY;
  const confidence: Confidence =
    mk.pValue < 0.001 && slowInSeconds <= config.horizon ? 'high' : mk.pValue < 0.01 ? 'medium' : 'low';
  facts.crossingAt = ctx.now + inSeconds * 1000;
  facts.inSeconds = inSeconds;
  facts.confidence = confidence;
  facts.flagged = inSeconds <= config.horizon;
  if (!facts.flagged) return { facts, reasons: [] };

  const side = ctx.direction === 'higher-is-better' ? 'below' : 'above';
  const verb = ctx.direction === 'higher-is-better' ? 'falls' : 'rises';
  const when =
    inSeconds === 0
      ? `is already at or ${side} ${ctx.format(target)}`
      : `${verb} ${side} ${ctx.format(target)} in about ${describeRoughSpan(inSeconds)}`;
  return {
    facts,
    reasons: [
      {
        rule: 'forecast',
        status: 'at-risk',
        message: `At this trend, ${ctx.title} ${when} (confidence: ${confidence})`,
        observed: fit.intercept,
        threshold: target,
        window: lookback,
        evaluatedAt: ctx.now,
        crossingAt: facts.crossingAt,
        inSeconds,
        confidence,
        pValue: mk.pValue,
        slope: fit.slope,
        horizon: config.horizon,
      },
    ],
  };
}

function thin(points: readonly Point[]): Point[] {
  if (points.length <= FORECAST_MAX_POINTS) return [...points];
  const step = (points.length - 1) / (FORECAST_MAX_POINTS - 1);
  return Array.from({ length: FORECAST_MAX_POINTS }, (_, i) => points[Math.round(i * step)]).filter(
    (p): p is Point => p !== undefined,
  );
}
