import type { KpiEntry } from '../../domain/kpi/parse-result';
import { compareSeverity, type RiskStatus } from '../../domain/risk';

function entryId(entry: KpiEntry): string {
  return entry.ok ? entry.kpi.id : (entry.id ?? `#${entry.index}`);
}

/** The KPIs a filter lets through, in the chosen order (the file's order unless sorted by status or title). */
export function arrangeEntries(
  entries: KpiEntry[],
  q: string | undefined,
  sort: 'status' | 'title' | undefined,
  statusOf: (id: string) => RiskStatus | undefined,
): KpiEntry[] {
  const needle = q?.trim().toLowerCase();
  const title = (e: KpiEntry): string => (e.ok ? e.kpi.title : (e.title ?? e.id ?? '')).toLowerCase();
  const shown = needle
    ? entries.filter((e) => title(e).includes(needle) || entryId(e).toLowerCase().includes(needle))
    : entries;
  if (sort === 'title') return [...shown].sort((a, b) => title(a).localeCompare(title(b)));
  if (sort === 'status') {
    const severity = (e: KpiEntry): RiskStatus => (e.ok ? (statusOf(e.kpi.id) ?? 'unknown') : 'error');
    return [...shown].sort((a, b) => compareSeverity(severity(b), severity(a)));
  }
  return shown;
}
