import type { BoardStatus, KpiTileView } from '../../../domain/board/board-types';
import { compareSeverity, type RiskStatus } from '../../../domain/risk';
import type { KpiSort } from '../../../url/view-params';
import { type BreachMemory, isJustBreached } from './breach-memory';

/** A board tile as the wall shows it: the board model's view, plus the wall's own emphasis of a new breach. */
export interface WallTileModel extends KpiTileView {
  key: string;
  /** Became breached moments ago. */
  justBreached: boolean;
}

export interface WallTilesInput {
  tiles: readonly KpiTileView[];
  breaches: BreachMemory;
  now: number;
  sort?: KpiSort;
  /** Only KPIs whose title contains this text. */
  filter?: string;
}

const SORT_RANK: Record<BoardStatus, RiskStatus> = {
  ok: 'ok',
  pending: 'ok',
  unknown: 'unknown',
  'no-data': 'no-data',
  'at-risk': 'at-risk',
  error: 'error',
  breached: 'breached',
};

/**
 * The board's tiles in the wall's order: as in the file, worst first (`sort=status`: breached, error, at
 * risk … the risk engine's severity, ties in file order) or by title; a new breach is emphasised unless
 * the board is stale.
 */
export function buildWallTiles(input: WallTilesInput): WallTileModel[] {
  const filter = input.filter?.toLowerCase();
  const tiles = input.tiles
    .filter((tile) => !filter || tile.title.toLowerCase().includes(filter))
    .map(
      (tile): WallTileModel => ({
        ...tile,
        key: tile.errors ? `invalid-${tile.id}` : tile.id,
        justBreached:
          tile.staleAge === undefined &&
          tile.status === 'breached' &&
          isJustBreached(input.breaches, tile.id, input.now),
      }),
    );
  if (input.sort === 'status') {
    return tiles
      .map((tile, i) => ({ tile, i }))
      .sort((a, b) => compareSeverity(SORT_RANK[b.tile.status], SORT_RANK[a.tile.status]) || a.i - b.i)
      .map(({ tile }) => tile);
  }
  if (input.sort === 'title') return [...tiles].sort((a, b) => a.title.localeCompare(b.title));
  return tiles;
}
