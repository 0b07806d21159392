import { type BurnRateWindow, DEFAULT_BURN_RATE_WINDOWS, type Slo } from '../kpi/rules-schema';
import type { Direction } from '../kpi/schema';
import type { Point } from '../series';
import { describeSpan } from '../time/duration';
import { describeRelative } from '../time/range';
import { cleanSeries, completePeriodsEnd, pointsBetween } from './clean-series';
import {
  describeRoughSpan,
  type ErrorReason,
  formatPercent,
  formatRate,
  type NoDataReason,
  type SloBudgetReason,
  type SloBurnReason,
} from './reasons';
import { DEFAULT_SLO_WINDOW_SECONDS, sloPeriodFor } from './slo-plan';

/** One fetched SLO series at one period: good/total for event SLOs, value for threshold SLOs. */
export interface SloSeriesInput {
  period: number;
  good?: readonly Point[];
  total?: readonly Point[];
  values?: readonly Point[];
  /** The fetch of this series failed; the message says why. */
  error?: string;
}

export interface SloInputs {
  series: readonly SloSeriesInput[];
}

export type SloConfig = Pick<Slo, 'objective' | 'good' | 'threshold' | 'burnRates'> & { window?: number };

export interface BurnRateFact extends BurnRateWindow {
  longBurnRate?: number;
  shortBurnRate?: number;
  firing: boolean;
  /** Share of the whole error budget the long window used at its burn rate (14.4 × 1 h / 30 days = 2%). */
  budgetConsumed?: number;
}

export interface SloFacts {
  kind: 'events' | 'periods';
  objective: number;
  window: number;
  /** Good share over the SLO window, 0..1. */
  attainment?: number;
  /** Share of the error budget left, 1 = untouched, ≤ 0 = exhausted. */
  budgetRemaining?: number;
  burnRates: BurnRateFact[];
}

/** Burn rate: how many times faster than sustainable the budget is spent (1 = exactly used up by the window's end). */
export function burnRate(badFraction: number, objectivePercent: number): number {
  return badFraction / (1 - objectivePercent / 100);
}

/** Share of the error budget left after a bad fraction over the SLO window; negative once overspent. */
export function budgetRemaining(badFraction: number, objectivePercent: number): number {
  return 1 - burnRate(badFraction, objectivePercent);
}

/** Seconds a full budget lasts at a burn rate: a 30-day budget at 14.4× lasts about 2.08 days. */
export function budgetLastsSeconds(sloWindowSeconds: number, rate: number): number {
  return rate > 0 ? sloWindowSeconds / rate : Number.POSITIVE_INFINITY;
}

/** Share of the whole budget a window spends at a burn rate (the Workbook's 2% / 5% / 10%). */
export function budgetConsumed(rate: number, windowSeconds: number, sloWindowSeconds: number): number {
  return (rate * windowSeconds) / sloWindowSeconds;
}

interface Counts {
  good: number;
  total: number;
}

export interface SloContext {
  title: string;
  direction: Direction;
  now: number;
}

type SloReason = SloBurnReason | SloBudgetReason | NoDataReason | ErrorReason;

/**
 * Multi-window, multi-burn-rate SLO evaluation (Google SRE Workbook, "Alerting on SLOs"): attainment and
 * budget over the SLO window, and a burn-rate flag per window pair that fires only when both the long and
 * the short window burn faster than its rate. An exhausted budget is breached.
 */
export function evaluateSlo(
  slo: SloConfig,
  inputs: SloInputs | undefined,
  ctx: SloContext,
): { facts: SloFacts; reasons: SloReason[]; judged: boolean } {
  const window = slo.window ?? DEFAULT_SLO_WINDOW_SECONDS;
  const kind: SloFacts['kind'] = slo.good !== undefined ? 'events' : 'periods';
  const base = { objective: slo.objective, evaluatedAt: ctx.now };
  const reasons: SloReason[] = [];
  const series = (inputs?.series ?? []).filter((s) => Number.isFinite(s.period) && s.period > 0);
  for (const failed of series.filter((s) => s.error !== undefined)) {
    reasons.push({
      rule: 'error',
      source: 'slo',
      status: 'error',
      message: `Could not load SLO data for ${ctx.title} at ${describeSpan(failed.period)} periods: ${failed.error}`,
      evaluatedAt: ctx.now,
    });
  }
  const usable = series.filter((s) => s.error === undefined);
  const measure = (seconds: number): Counts | undefined =>
    countWindow(pickSeries(usable, seconds), seconds, kind, slo.threshold, ctx);

  const whole = measure(window);
  const attainment = whole && whole.total > 0 ? whole.good / whole.total : undefined;
  const remaining = attainment === undefined ? undefined : budgetRemaining(1 - attainment, slo.objective);
  const burnRates = (slo.burnRates ?? DEFAULT_BURN_RATE_WINDOWS).map((w): BurnRateFact => {
    const long = rateOf(measure(w.long), slo.objective);
    const short = rateOf(measure(w.short), slo.objective);
    const firing = long !== undefined && short !== undefined && long > w.rate && short > w.rate;
    return {
      ...w,
      longBurnRate: long,
      shortBurnRate: short,
      firing,
      budgetConsumed: long === undefined ? undefined : budgetConsumed(long, w.long, window),
    };
  });

  if (inputs === undefined) {
    reasons.push(noData(`${ctx.title}: no SLO data loaded`, ctx.now));
  } else if (attainment === undefined && reasons.length === 0) {
    const what = kind === 'events' ? 'no SLO events' : 'no datapoints';
    reasons.push(
      noData(`${ctx.title}: ${what} in the ${describeRelative(window)} to measure the SLO`, ctx.now),
    );
  }
  if (remaining !== undefined && attainment !== undefined && remaining <= 0) {
    reasons.push({
      ...base,
      rule: 'slo-budget',
      status: 'breached',
      message: `${ctx.title}: error budget for ${slo.objective}% over ${describeSpan(window)} is used up — ${formatPercent(attainment)} met, ${remaining < 0 ? `budget overspent by ${formatPercent(-remaining)}` : 'none of the budget left'}`,
      observed: remaining,
      threshold: 0,
      window,
      attainment,
      budgetRemaining: remaining,
    });
  }
  for (const b of burnRates) {
    if (!b.firing || b.longBurnRate === undefined || b.shortBurnRate === undefined) continue;
    const lasts = budgetLastsSeconds(window, b.longBurnRate);
    reasons.push({
      ...base,
      rule: 'slo-burn',
      status: b.severity,
      message: `${ctx.title}: error budget burning ${formatRate(b.longBurnRate)} over the ${describeRelative(b.long)} (${formatRate(b.shortBurnRate)} over the ${describeRelative(b.short)}) — a ${windowAdjective(window)} budget gone in about ${describeRoughSpan(lasts)}`,
      observed: b.longBurnRate,
      threshold: b.rate,
      window: b.long,
      burnRate: b.longBurnRate,
      shortBurnRate: b.shortBurnRate,
      rate: b.rate,
      longWindow: b.long,
      shortWindow: b.short,
      budgetLastsSeconds: lasts,
    });
  }
  const judged = attainment !== undefined || burnRates.some((b) => b.longBurnRate !== undefined);
  return {
    facts: { kind, objective: slo.objective, window, attainment, budgetRemaining: remaining, burnRates },
    reasons,
    judged,
  };
}

/** The series a window is measured from: the period the planner fetched for it, else the finest that fits. */
function pickSeries(series: readonly SloSeriesInput[], windowSeconds: number): SloSeriesInput | undefined {
  const planned = series.find((s) => s.period === sloPeriodFor(windowSeconds));
  if (planned) return planned;
  return [...series].filter((s) => s.period <= windowSeconds).sort((a, b) => a.period - b.period)[0];
}

function countWindow(
  input: SloSeriesInput | undefined,
  windowSeconds: number,
  kind: SloFacts['kind'],
  threshold: number | undefined,
  ctx: SloContext,
): Counts | undefined {
  if (!input) return undefined;
  const end = completePeriodsEnd(ctx.now, input.period);
  const start = end - windowSeconds * 1000;
  if (kind === 'events') {
    const total = sum(pointsBetween(cleanSeries(input.total), start, end));
    const good = Math.min(total, Math.max(0, sum(pointsBetween(cleanSeries(input.good), start, end))));
    return { good, total: Math.max(0, total) };
  }
  if (threshold === undefined) return undefined;
  const values = pointsBetween(cleanSeries(input.values), start, end);
  const meets = values.filter((p) =>
    ctx.direction === 'higher-is-better' ? p.v >= threshold : p.v <= threshold,
  );
  return { good: meets.length * input.period, total: values.length * input.period };
}

function rateOf(counts: Counts | undefined, objective: number): number | undefined {
  if (!counts || counts.total <= 0) return undefined;
  return burnRate((counts.total - counts.good) / counts.total, objective);
}

function sum(points: readonly Point[]): number {
  return points.reduce((acc, p) => acc + p.v, 0);
}

function noData(message: string, now: number): NoDataReason {
  return { rule: 'no-data', source: 'slo', status: 'no-data', message, evaluatedAt: now };
}

/** "30-day", "6-hour": a window as an adjective in front of "budget". */
function windowAdjective(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}-day`;
  if (seconds % 3600 === 0) return `${seconds / 3600}-hour`;
  return describeSpan(seconds);
}
