import { formatValue } from '../../domain/format/format-value';
import type { Kpi } from '../../domain/kpi/schema';

/** Full-precision-enough values with the KPI's unit, for tooltips, tables and sentences. */
export function kpiFormatter(kpi: Kpi): (v: number) => string {
  const options = kpi.currency ? { currency: kpi.currency } : {};
  return (v) => formatValue(v, kpi.unit, options);
}

/** Short values for axis ticks. */
export function kpiAxisFormatter(kpi: Kpi): (v: number) => string {
  const options = { ...(kpi.currency ? { currency: kpi.currency } : {}), compact: true };
  return (v) => formatValue(v, kpi.unit, options);
}

const plain = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, notation: 'compact' });

/** Numbers without a known unit, such as the metrics inside a math expression. */
export function plainNumber(v: number): string {
  return plain.format(v);
}
