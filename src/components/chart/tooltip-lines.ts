/** What recharts hands a tooltip for one series under the pointer (a subset of its payload entry). */
export interface TooltipItem {
  dataKey?: unknown;
  name?: unknown;
  value?: unknown;
  payload?: unknown;
}

export interface TooltipLine {
  key: string;
  name: string;
  text: string;
}

/** The chart's x key: recharts lists it among a scatter's values, but it is the time, not a value. */
const TIME_KEY = 't';

function finite(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

function rowTime(item: TooltipItem): number | undefined {
  const row = item.payload;
  if (!row || typeof row !== 'object' || !(TIME_KEY in row)) return undefined;
  return finite((row as Record<string, unknown>)[TIME_KEY]);
}

/**
 * The tooltip of the drill-down chart as data: the instant under the pointer (the axis label), and one line per
 * series at that instant with its value in the KPI's unit (a band as "low – high"). The time is never formatted
 * as a value, and a value from another instant is left out: recharts picks a scatter's point by index, not by
 * time, so without this a rule-breaking point from elsewhere would be shown beside the line's value.
 */
export function tooltipLines(
  items: readonly TooltipItem[],
  label: unknown,
  formatValue: (v: number) => string,
): { t: number | undefined; lines: TooltipLine[] } {
  const t = finite(label) ?? items.map(rowTime).find((x) => x !== undefined);
  const lines: TooltipLine[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const key = String(item.dataKey ?? item.name ?? '');
    if (key === TIME_KEY || seen.has(key)) continue;
    const at = rowTime(item);
    if (t !== undefined && at !== undefined && at !== t) continue;
    const raw = item.value;
    const values = (Array.isArray(raw) ? raw : [raw]).map(finite);
    if (values.length === 0 || values.some((v) => v === undefined)) continue;
    seen.add(key);
    lines.push({
      key,
      name: String(item.name ?? key),
      text: values.map((v) => formatValue(v ?? 0)).join(' – '),
    });
  }
  return { t, lines };
}
