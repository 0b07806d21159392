import { type ReactElement, useEffect, useLayoutEffect, useRef } from 'react';
import { useElementSize } from '../hooks/use-element-size';
import { keepOrder, pageSlice, planGrid } from '../model/grid-plan';
import type { WallOutcomeModel } from '../model/wall-outcomes';
import type { WallTileModel } from '../model/wall-tiles';
import { WallOutcomeBar } from './wall-outcome-bar';
import { WallTile } from './wall-tile';

/** Readable minimum of a tile, as a share of the tile area: at most five columns and four rows. */
const MIN_TILE_WIDTH_SHARE = 0.18;
const MIN_TILE_HEIGHT_SHARE = 0.24;
/**
 * Below these a tile's secondary text (change, reason, sized min(6cqh, 3.5cqw) in wall.css) would drop
 * under 14 px, unreadable from a few metres whatever the screen; so a 1366×768 wall pages sooner.
 */
const MIN_TILE_WIDTH_PX = 400;
const MIN_TILE_HEIGHT_PX = 234;

interface WallBoardViewProps {
  outcomes: WallOutcomeModel[];
  tiles: WallTileModel[];
  page: number;
  maxPerPage?: number;
  /** Tells the rotation how many pages this board needs at the current screen size. */
  onPages: (pages: number) => void;
  /** Tells the board which KPIs the current page shows (before it paints), so it judges and draws those. */
  onShown?: (ids: readonly string[]) => void;
}

/**
 * Outcomes across the top and as many tiles as fit readably below, sized from their number and the space
 * left (measured, so 1366×768, 1080p and 4K all fill the screen without scrolling).
 */
export function WallBoardView(props: WallBoardViewProps): ReactElement {
  const areaRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(areaRef);
  const gap = Math.max(8, Math.round(size.height * 0.02));
  const plan = planGrid({
    width: size.width,
    height: size.height,
    count: props.tiles.length,
    gap,
    minTileWidth: Math.min(size.width, Math.max(MIN_TILE_WIDTH_PX, size.width * MIN_TILE_WIDTH_SHARE)),
    minTileHeight: Math.min(size.height, Math.max(MIN_TILE_HEIGHT_PX, size.height * MIN_TILE_HEIGHT_SHARE)),
    ...(props.maxPerPage === undefined ? {} : { maxPerPage: props.maxPerPage }),
  });
  const { onPages } = props;
  useEffect(() => onPages(plan.pages), [onPages, plan.pages]);
  const measured = size.width > 0 && size.height > 0;
  // The order of the first page holds for the rest of the board's visit (see keepOrder).
  const firstPageOrder = useRef<string[]>([]);
  if (props.page === 0) firstPageOrder.current = props.tiles.map((t) => t.key);
  const ordered = props.page === 0 ? props.tiles : keepOrder(props.tiles, firstPageOrder.current);
  const tiles = measured ? pageSlice(ordered, props.page, plan.perPage) : [];
  const { onShown } = props;
  const shownKey = tiles.map((tile) => tile.id).join('\n');
  useLayoutEffect(() => onShown?.(shownKey ? shownKey.split('\n') : []), [onShown, shownKey]);
  return (
    <>
      <WallOutcomeBar outcomes={props.outcomes} />
      <div className="wall-tiles" ref={areaRef}>
        <div
          className="wall-tile-grid"
          data-columns={plan.columns}
          data-rows={plan.rows}
          style={{
            gap: `${gap}px`,
            gridTemplateColumns: `repeat(${plan.columns}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${plan.rows}, minmax(0, 1fr))`,
          }}
        >
          {tiles.map((tile) => (
            <WallTile key={tile.key} model={tile} />
          ))}
        </div>
      </div>
    </>
  );
}
