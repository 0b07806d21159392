import { formatPlain, numberFormat, UNIT_SPACE } from './number-format';

function whole(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

function twoParts(big: number, bigUnit: string, small: number, smallUnit: string, locale: string): string {
  const first = `${whole(big, locale)}${UNIT_SPACE}${bigUnit}`;
  return small === 0 ? first : `${first} ${whole(small, locale)}${UNIT_SPACE}${smallUnit}`;
}

function formatPositiveSeconds(seconds: number, locale: string): string {
  if (seconds < 59.95) return `${formatPlain(seconds, locale)}${UNIT_SPACE}s`;
  const totalSeconds = Math.round(seconds);
  if (totalSeconds < 3600)
    return twoParts(Math.floor(totalSeconds / 60), 'min', totalSeconds % 60, 's', locale);
  const totalMinutes = Math.round(seconds / 60);
  if (totalMinutes < 48 * 60)
    return twoParts(Math.floor(totalMinutes / 60), 'h', totalMinutes % 60, 'min', locale);
  const totalHours = Math.round(seconds / 3600);
  return twoParts(Math.floor(totalHours / 24), 'd', totalHours % 24, 'h', locale);
}

function withSign(value: number, text: string, locale: string): string {
  if (value >= 0) return text;
  const minus = numberFormat(locale, {})
    .formatToParts(-1)
    .find((part) => part.type === 'minusSign');
  return `${minus?.value ?? '-'}${text}`;
}

/**
 * Seconds as people read a duration: "0.412 s", "12.3 s", then two units ("2 min 3 s", "5 h 10 min",
 * "3 d 4 h") because 7,384 s means nothing at a glance.
 */
export function formatSecondsValue(seconds: number, locale: string): string {
  return withSign(seconds, formatPositiveSeconds(Math.abs(seconds), locale), locale);
}

/** Milliseconds stay in ms below a second ("412 ms") and read as seconds from there ("1.24 s"). */
export function formatMillisecondsValue(milliseconds: number, locale: string): string {
  const abs = Math.abs(milliseconds);
  if (abs < 999.5) return withSign(milliseconds, `${formatPlain(abs, locale)}${UNIT_SPACE}ms`, locale);
  return formatSecondsValue(milliseconds / 1000, locale);
}
