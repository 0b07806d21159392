/** The space tiles get and the smallest tile that is still readable from across a room. */
export interface GridInput {
  /** Size of the tile area in CSS pixels. */
  width: number;
  height: number;
  /** How many tiles the board has. */
  count: number;
  gap: number;
  minTileWidth: number;
  minTileHeight: number;
  /** A cap from the address (`tiles=6`). */
  maxPerPage?: number;
}

export interface GridPlan {
  columns: number;
  rows: number;
  /** Tiles on each page (the last page may have fewer). */
  perPage: number;
  pages: number;
}

/** A landscape tile reads best: the value on one line with room for a sparkline below it. */
const PREFERRED_ASPECT = 1.6;

function fits(size: number, min: number, gap: number): number {
  return Math.max(1, Math.floor((size + gap) / (min + gap)));
}

/**
 * Chooses columns, rows and pages so tiles are as large as possible without dropping below the readable
 * minimum: when a board has more tiles than fit, it pages (pages share the tiles evenly) instead of
 * shrinking them to nothing.
 */
export function planGrid(input: GridInput): GridPlan {
  const count = Math.max(0, Math.floor(input.count));
  if (count === 0 || input.width <= 0 || input.height <= 0)
    return { columns: 1, rows: 1, perPage: Math.max(1, count), pages: 1 };
  const maxColumns = fits(input.width, input.minTileWidth, input.gap);
  const maxRows = fits(input.height, input.minTileHeight, input.gap);
  const capacity = Math.min(maxColumns * maxRows, input.maxPerPage ?? Number.POSITIVE_INFINITY);
  const pages = Math.ceil(count / Math.max(1, capacity));
  const perPage = Math.ceil(count / pages);

  let best: { columns: number; rows: number; score: number; empty: number } | undefined;
  for (let columns = 1; columns <= Math.min(perPage, maxColumns); columns += 1) {
    const rows = Math.ceil(perPage / columns);
    if (rows > maxRows) continue;
    const tileWidth = (input.width - (columns - 1) * input.gap) / columns;
    const tileHeight = (input.height - (rows - 1) * input.gap) / rows;
    const score = Math.min(tileWidth / PREFERRED_ASPECT, tileHeight);
    const empty = columns * rows - perPage;
    if (!best || score > best.score + 0.5 || (Math.abs(score - best.score) <= 0.5 && empty < best.empty)) {
      best = { columns, rows, score, empty };
    }
  }
  const columns = best?.columns ?? Math.min(perPage, maxColumns);
  const rows = best?.rows ?? Math.ceil(perPage / columns);
  return { columns, rows, perPage, pages };
}

/** The tiles of one page; a page past the end shows the last page rather than nothing. */
export function pageSlice<T>(items: readonly T[], page: number, perPage: number): T[] {
  const pages = Math.max(1, Math.ceil(items.length / Math.max(1, perPage)));
  const p = Math.min(Math.max(0, page), pages - 1);
  return items.slice(p * perPage, (p + 1) * perPage);
}

/**
 * Items in the order they had when a board's first page was drawn (`keys`), newcomers last: a board paged
 * with `sort=status` keeps its order for the rest of the visit, so a KPI whose status changes between pages
 * is neither skipped nor shown twice in one cycle.
 */
export function keepOrder<T extends { key: string }>(items: readonly T[], keys: readonly string[]): T[] {
  const at = new Map(keys.map((key, i) => [key, i]));
  return items
    .map((item, i) => ({ item, rank: at.get(item.key) ?? keys.length + i }))
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.item);
}
