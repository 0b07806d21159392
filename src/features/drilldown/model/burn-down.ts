import type { Kpi } from '../../../domain/kpi/schema';
import { breachesLimit } from '../../../domain/risk';
import type { Point } from '../../../domain/series';

export interface BurnDownPoint {
  t: number;
  /** Share of the window's error budget left at t: 1 untouched, 0 spent, negative overspent. */
  remaining: number;
}

/**
 * The error budget spent through the SLO window: budget = (1 − objective) × all events of the window, each
 * point spends its bad events. It ends at the budget remaining the risk engine reports for the window.
 * Period SLOs count periods instead of events (a period below the threshold is bad).
 */
export function burnDown(
  kpi: Kpi,
  input: { good?: readonly Point[]; total?: readonly Point[]; values?: readonly Point[]; period: number },
): BurnDownPoint[] {
  const slo = kpi.slo;
  if (!slo) return [];
  const allowed = 1 - slo.objective / 100;
  let steps: Array<{ t: number; bad: number; total: number }>;
  if (slo.threshold !== undefined) {
    const threshold = slo.threshold;
    steps = (input.values ?? [])
      .filter((p) => Number.isFinite(p.v))
      .map((p) => ({ t: p.t, total: 1, bad: breachesLimit(p.v, threshold, kpi.direction) ? 1 : 0 }));
  } else {
    const good = new Map((input.good ?? []).map((p) => [p.t, p.v]));
    steps = (input.total ?? [])
      .filter((p) => Number.isFinite(p.v) && p.v > 0)
      .map((p) => ({ t: p.t, total: p.v, bad: Math.max(0, p.v - Math.min(p.v, good.get(p.t) ?? 0)) }));
  }
  steps.sort((a, b) => a.t - b.t);
  const totalAll = steps.reduce((a, s) => a + s.total, 0);
  const budget = allowed * totalAll;
  if (budget <= 0) return [];
  let spent = 0;
  return steps.map((s) => {
    spent += s.bad;
    return { t: s.t + input.period * 1000, remaining: 1 - spent / budget };
  });
}
