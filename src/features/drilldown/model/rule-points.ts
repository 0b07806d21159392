import type { Kpi } from '../../../domain/kpi/schema';
import { type AnomalyBand, breachesLimit } from '../../../domain/risk';
import type { Point } from '../../../domain/series';

export type RuleLevel = 'at-risk' | 'breached' | 'outside-band';

export interface RulePoint extends Point {
  level: RuleLevel;
}

/** Datapoints that broke a rule on their own: past a threshold, or outside the anomaly band at their time. */
export function rulePoints(kpi: Kpi, points: readonly Point[], band?: AnomalyBand): RulePoint[] {
  const lower = new Map(band?.lower.map((p) => [p.t, p.v]));
  const upper = new Map(band?.upper.map((p) => [p.t, p.v]));
  const out: RulePoint[] = [];
  for (const p of points) {
    const t = kpi.threshold;
    if (t?.breached !== undefined && breachesLimit(p.v, t.breached, kpi.direction)) {
      out.push({ ...p, level: 'breached' });
    } else if (t?.atRisk !== undefined && breachesLimit(p.v, t.atRisk, kpi.direction)) {
      out.push({ ...p, level: 'at-risk' });
    } else if (kpi.anomaly) {
      const lo = lower.get(p.t);
      const hi = upper.get(p.t);
      if (lo !== undefined && hi !== undefined && (p.v < lo || p.v > hi))
        out.push({ ...p, level: 'outside-band' });
    }
  }
  return out;
}
