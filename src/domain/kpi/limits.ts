/**
 * Bounds on one dashboard file, checked before the expensive part of reading it, so a hostile or mangled
 * file (from a link, an import or a careless edit) is refused with a precise message instead of freezing
 * the page. Each is far above what a real dashboard needs; docs/kpi-reference.md lists them.
 */
export const DASHBOARD_LIMITS = {
  /** Size of the file in UTF-8 bytes; the same bound as a dashboard carried in a link. */
  fileBytes: 256 * 1024,
  /** Mappings and lists inside one another; the deepest real KPI is under 10. */
  depth: 32,
  /** Characters of one key (field name or dimension name); CloudWatch's own names stop at 255. */
  keyChars: 256,
  /** Aliases (`*name`) in the file; YAML's expansion of them is bounded separately (`aliasExpansion`). */
  aliases: 100,
  /** How many nodes resolving all aliases may produce, against "billion laughs" expansion. */
  aliasExpansion: 100,
  /** Keys in one mapping: YAML checks each new key against the others, so this bounds that work too. */
  mappingKeys: 500,
  /** KPIs in one dashboard; CloudWatch answers at most 500 queries per GetMetricData call. */
  kpis: 500,
  /** Problems reported for one file; past this a count stands for the rest. */
  errors: 50,
} as const;

/** Quotes a piece of the file in a message, cut short so a 100 KB key never becomes a 100 KB line. */
export function clipText(text: string, max = 60): string {
  const oneLine = text.slice(0, max * 4).replace(/\s+/g, ' ');
  return oneLine.length > max || text.length > max * 4 ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
