/** Locale used when the caller passes none, so output (and tests) do not depend on the machine. */
export const DEFAULT_LOCALE = 'en-US';

/** Between a number and its unit: a no-break space, so "412 ms" never wraps between 412 and ms. */
export const UNIT_SPACE = '\u00a0';

/** The minus sign used in signed changes, as wide as the plus sign so columns of changes line up. */
export const MINUS_SIGN = '\u2212';

const cache = new Map<string, Intl.NumberFormat>();

/**
 * A cached Intl.NumberFormat: building one is far slower than using one, and a dashboard formats thousands
 * of values per refresh. An unknown locale tag falls back to the default instead of throwing.
 */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(locale, options);
    } catch {
      format = new Intl.NumberFormat(DEFAULT_LOCALE, options);
    }
    cache.set(key, format);
  }
  return format;
}

/** Fraction digits that keep about three significant figures without showing noise: 1,234 · 12.3 · 1.24 · 0.412. */
function readableDigits(abs: number): Intl.NumberFormatOptions {
  if (abs === 0 || abs >= 100) return { maximumFractionDigits: 0 };
  if (abs >= 10) return { maximumFractionDigits: 1 };
  if (abs >= 1) return { maximumFractionDigits: 2 };
  return { maximumSignificantDigits: 3 };
}

/** A plain number at readable precision, or in compact notation (1.2K) from a thousand up when asked. */
export function formatPlain(value: number, locale: string, compact = false): string {
  const abs = Math.abs(value);
  const options: Intl.NumberFormatOptions =
    compact && abs >= 1000 ? { notation: 'compact' } : readableDigits(abs);
  return numberFormat(locale, options).format(value);
}
