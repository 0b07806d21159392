import { formatPlain, UNIT_SPACE } from './number-format';

/**
 * Decimal (SI) prefixes, 1 kB = 1000 B: CloudWatch's own unit names (Kilobytes/Second is "kB/s") and
 * network throughput are decimal, and Intl's byte units are decimal too. Binary KiB would disagree with
 * the numbers an operator sees in the CloudWatch console for the same metric.
 */
const PREFIXES = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

/** Bytes scaled to the largest prefix that keeps the number at least 1: "512 B", "1.5 MB", "12.3 GB". */
export function formatBytesValue(bytes: number, locale: string): string {
  const abs = Math.abs(bytes);
  let exponent = abs < 1 ? 0 : Math.min(PREFIXES.length - 1, Math.floor(Math.log10(abs) / 3));
  let scaled = bytes / 1000 ** exponent;
  if (Math.round(Math.abs(scaled)) >= 1000 && exponent < PREFIXES.length - 1) {
    exponent += 1;
    scaled = bytes / 1000 ** exponent;
  }
  return `${formatPlain(scaled, locale)}${UNIT_SPACE}${PREFIXES[exponent]}`;
}
