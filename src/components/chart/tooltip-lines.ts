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

function timeOf(items: readonly TooltipItem[], label: unknown): number | undefined {
  for (const item of items) {
    const row = item.payload;
    if (row && typeof row === 'object' && TIME_KEY in row) {
      const t = finite((row as Record<string, unknown>)[TIME_KEY]);
      if (t !== undefined) return t;
    }
    if (item.dataKey === TIME_KEY) {
      const t = finite(item.value);
      if (t !== undefined) return t;
    }
  }
  return finite(label);
}

/**
 * The tooltip of the drill-down chart as data: the instant under the pointer, and one line per series with its
 * value in the KPI's unit (a band as "low – high"). The time is never formatted as a value.
 */
export function tooltipLines(
  items: readonly TooltipItem[],
  label: unknown,
  formatValue: (v: number) => string,
): { t: number | undefined; lines: TooltipLine[] } {
  const lines: TooltipLine[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const key = String(item.dataKey ?? item.name ?? '');
    if (key === TIME_KEY || seen.has(key)) continue;
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
  return { t: timeOf(items, label), lines };
}
