import type { Unit } from '../kpi/schema';
import { formatBytesValue } from './format-bytes';
import { formatMillisecondsValue, formatSecondsValue } from './format-duration-value';
import { DEFAULT_LOCALE, formatPlain, numberFormat, UNIT_SPACE } from './number-format';

export interface FormatOptions {
  /** ISO 4217 code for currency KPIs, e.g. USD. */
  currency?: string;
  /** BCP 47 tag; defaults to en-US so output does not depend on the machine. */
  locale?: string;
  /** Compact notation for big counts, rates and money: 1.2K, $3.4M. */
  compact?: boolean;
}

/** Shown for a value that does not exist (no data, NaN, infinity), so a gap never reads as zero. */
export const NO_VALUE = '\u2014';

/**
 * Percent digits: enough near 100 that 99.93 never reads as 100 (an SLO at 99.93 % is not met at 99.95 %),
 * otherwise about three significant figures.
 */
function formatPercentNumber(value: number, locale: string): string {
  const gap = 100 - value;
  if (gap > 0 && gap <= 1) {
    if (gap < 1e-4)
      return numberFormat(locale, { maximumFractionDigits: 4, roundingMode: 'floor' }).format(value);
    const digits = Math.min(4, Math.max(1, Math.ceil(-Math.log10(gap))));
    return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
  }
  return formatPlain(value, locale);
}

function formatCurrency(
  value: number,
  currency: string | undefined,
  locale: string,
  compact: boolean,
): string {
  if (currency === undefined)
    return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  const abs = Math.abs(value);
  const options: Intl.NumberFormatOptions = { style: 'currency', currency };
  if (compact && abs >= 1000) options.notation = 'compact';
  else if (abs > 0 && abs < 0.01) options.maximumSignificantDigits = 2;
  else if (abs < 0.1) {
    // Unit costs such as $0.045 per order: cents alone would show a $0.045 limit as $0.05.
    options.minimumSignificantDigits = 2;
    options.maximumSignificantDigits = 3;
  }
  try {
    return numberFormat(locale, options).format(value);
  } catch {
    return `${formatPlain(value, locale)}${UNIT_SPACE}${currency}`;
  }
}

/** A KPI value with its unit, formatted with Intl for the reader's locale: every number on screen has a unit. */
export function formatValue(
  value: number | null | undefined,
  unit: Unit,
  options: FormatOptions = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const compact = options.compact ?? false;
  switch (unit) {
    case 'count':
    case 'none':
      return formatPlain(value, locale, compact);
    case 'percent':
      return `${formatPercentNumber(value, locale)}${UNIT_SPACE}%`;
    case 'milliseconds':
      return formatMillisecondsValue(value, locale);
    case 'seconds':
      return formatSecondsValue(value, locale);
    case 'bytes':
      return formatBytesValue(value, locale);
    case 'bytes-per-second':
      return `${formatBytesValue(value, locale)}/s`;
    case 'per-second':
      return `${formatPlain(value, locale, compact)}/s`;
    case 'per-minute':
      return `${formatPlain(value, locale, compact)}/min`;
    case 'currency':
      return formatCurrency(value, options.currency, locale, compact);
  }
}
