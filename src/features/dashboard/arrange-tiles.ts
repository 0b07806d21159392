import type { BoardStatus, KpiTileView } from '../../domain/board/board-types';
import { compareSeverity, type RiskStatus } from '../../domain/risk';

function severity(status: BoardStatus): RiskStatus {
  return status === 'pending' ? 'unknown' : status;
}

/** The tiles a filter lets through, in the chosen order (the file's order unless sorted by status or title). */
export function arrangeTiles(
  tiles: readonly KpiTileView[],
  q: string | undefined,
  sort: 'status' | 'title' | undefined,
): KpiTileView[] {
  const needle = q?.trim().toLowerCase();
  const shown = needle
    ? tiles.filter((t) => t.title.toLowerCase().includes(needle) || t.id.toLowerCase().includes(needle))
    : [...tiles];
  if (sort === 'title')
    return shown.sort((a, b) => a.title.toLowerCase().localeCompare(b.title.toLowerCase()));
  if (sort === 'status') return shown.sort((a, b) => compareSeverity(severity(b.status), severity(a.status)));
  return shown;
}
