const plain = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, notation: 'compact' });

/** Numbers without a known unit, such as the metrics inside a math expression. */
export function plainNumber(v: number): string {
  return plain.format(v);
}
