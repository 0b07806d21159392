import { useRef } from 'react';
import type { KpiTileView } from '../../domain/board/board-types';

/** Equal field by field; arrays by identity, or both empty (a placeholder's are new and empty each time). */
export function sameTile(a: KpiTileView, b: KpiTileView): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof KpiTileView>;
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (Array.isArray(x) && Array.isArray(y) && x.length === 0 && y.length === 0) continue;
    if (key === 'change' && a.change && b.change) {
      if (a.change.text === b.change.text && a.change.tone === b.change.tone) continue;
    }
    return false;
  }
  return true;
}

/**
 * The board's tiles by id, each the previous render's object when nothing in it changed, so the memoised
 * placeholders of a long page skip the renders a scroll or a clock tick causes (a tile drawn in full gets
 * new series arrays from every build, and is drawn again).
 */
export function useSteadyTiles(tiles: readonly KpiTileView[]): Map<string, KpiTileView> {
  const previous = useRef(new Map<string, KpiTileView>());
  const next = new Map<string, KpiTileView>();
  for (const tile of tiles) {
    const before = previous.current.get(tile.id);
    next.set(tile.id, before && sameTile(before, tile) ? before : tile);
  }
  previous.current = next;
  return next;
}
