import type { Direction, Unit } from '../kpi/schema';
import { type FormatOptions, formatValue, NO_VALUE } from './format-value';
import { DEFAULT_LOCALE, MINUS_SIGN, numberFormat, UNIT_SPACE } from './number-format';

/** Whether a change moved the KPI toward or away from its good direction. */
export type ChangeSentiment = 'good' | 'bad' | 'neutral';

export interface FormattedChange {
  /** "+12.3 %", "−0.8 pp", "+412 ms", or "—" when either end is missing. */
  text: string;
  /**
   * relative: percent of the starting value; points: percentage points, for percent KPIs, where a relative
   * change of a percentage is ambiguous; absolute: in the KPI's unit, when the start is 0; unknown: no data.
   */
  kind: 'relative' | 'points' | 'absolute' | 'unknown';
  /** to − from, in the KPI's unit (NaN when unknown). */
  delta: number;
  /** neutral when no direction was given or the change rounds to nothing at the precision shown. */
  sentiment: ChangeSentiment;
}

export interface ChangeOptions extends Omit<FormatOptions, 'compact'> {
  /** The KPI's good direction; without it every change is neutral. */
  direction?: Direction;
}

/** Signed number with U+2212 for minus; `shown` is false when it rounds to zero and Intl drops the sign. */
function signed(
  value: number,
  locale: string,
  options: Intl.NumberFormatOptions,
): { text: string; shown: boolean } {
  const parts = numberFormat(locale, { ...options, signDisplay: 'exceptZero' }).formatToParts(value);
  const shown = parts.some((part) => part.type === 'minusSign' || part.type === 'plusSign');
  const text = parts.map((part) => (part.type === 'minusSign' ? MINUS_SIGN : part.value)).join('');
  return { text, shown };
}

function relativeDigits(abs: number): Intl.NumberFormatOptions {
  if (abs >= 100) return { maximumFractionDigits: 0 };
  if (abs >= 1) return { maximumFractionDigits: 1 };
  return { maximumFractionDigits: 2 };
}

/** Points near zero keep two significant digits (an SLO moving 0.004 pp matters) but never more than 4 decimals. */
function pointDigits(abs: number): Intl.NumberFormatOptions {
  if (abs >= 1) return { maximumFractionDigits: 1 };
  return { maximumSignificantDigits: 2, maximumFractionDigits: 4, roundingPriority: 'lessPrecision' };
}

function sentimentOf(delta: number, shown: boolean, direction: Direction | undefined): ChangeSentiment {
  if (!shown || direction === undefined || delta === 0) return 'neutral';
  return delta > 0 === (direction === 'higher-is-better') ? 'good' : 'bad';
}

/**
 * The change of a KPI against the start of the range, as shown next to its value: relative for most units,
 * in percentage points for percent KPIs, and whether that is good news given the KPI's direction.
 */
export function formatChange(
  from: number | null | undefined,
  to: number | null | undefined,
  unit: Unit,
  options: ChangeOptions = {},
): FormattedChange {
  if (from == null || to == null || !Number.isFinite(from) || !Number.isFinite(to)) {
    return { text: NO_VALUE, kind: 'unknown', delta: Number.NaN, sentiment: 'neutral' };
  }
  const locale = options.locale ?? DEFAULT_LOCALE;
  const delta = to - from;
  if (unit === 'percent') {
    const { text, shown } = signed(delta, locale, pointDigits(Math.abs(delta)));
    return {
      text: `${text}${UNIT_SPACE}pp`,
      kind: 'points',
      delta,
      sentiment: sentimentOf(delta, shown, options.direction),
    };
  }
  if (from === 0) {
    const magnitude = formatValue(Math.abs(delta), unit, { locale, currency: options.currency });
    const sign = delta > 0 ? '+' : delta < 0 ? MINUS_SIGN : '';
    return {
      text: `${sign}${magnitude}`,
      kind: 'absolute',
      delta,
      sentiment: sentimentOf(delta, delta !== 0, options.direction),
    };
  }
  const relative = (delta / Math.abs(from)) * 100;
  const { text, shown } = signed(relative, locale, relativeDigits(Math.abs(relative)));
  return {
    text: `${text}${UNIT_SPACE}%`,
    kind: 'relative',
    delta,
    sentiment: sentimentOf(delta, shown, options.direction),
  };
}
