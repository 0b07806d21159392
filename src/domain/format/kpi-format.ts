import type { Unit } from '../kpi/schema';
import { formatValue } from './format-value';

/** The parts of a KPI its values are formatted by; a parsed Kpi fits. */
export interface KpiUnit {
  unit: Unit;
  currency?: string;
}

export interface KpiFormatOptions {
  /** Short values (1.2K, $3.4M) for headlines and axis ticks. */
  compact?: boolean;
  locale?: string;
}

/** A KPI's values with its unit: the one formatter every screen, reason and table uses. */
export function kpiFormat(
  kpi: KpiUnit,
  options: KpiFormatOptions = {},
): (value: number | undefined) => string {
  const base = {
    ...(kpi.currency ? { currency: kpi.currency } : {}),
    ...(options.compact ? { compact: true } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  };
  return (value) => formatValue(value, kpi.unit, base);
}
