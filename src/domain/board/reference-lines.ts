import { kpiFormat } from '../format/kpi-format';
import type { Kpi } from '../kpi/schema';
import type { ReferenceLine } from './board-types';

/** Threshold and SLO lines of a KPI, worded with the side that breaks them, for every chart and sparkline. */
export function referenceLines(kpi: Kpi): ReferenceLine[] {
  const format = kpiFormat(kpi);
  const side = kpi.direction === 'higher-is-better' ? 'below' : 'above';
  const lines: ReferenceLine[] = [];
  const t = kpi.threshold;
  if (t?.atRisk !== undefined) {
    lines.push({ value: t.atRisk, kind: 'at-risk', label: `At risk ${side} ${format(t.atRisk)}` });
  }
  if (t?.breached !== undefined) {
    lines.push({ value: t.breached, kind: 'breached', label: `Breached ${side} ${format(t.breached)}` });
  }
  if (kpi.slo?.threshold !== undefined) {
    lines.push({
      value: kpi.slo.threshold,
      kind: 'target',
      label: `SLO target ${format(kpi.slo.threshold)}`,
    });
  } else if (kpi.slo && kpi.unit === 'percent') {
    lines.push({
      value: kpi.slo.objective,
      kind: 'target',
      label: `SLO objective ${format(kpi.slo.objective)}`,
    });
  }
  return lines;
}
