import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** How far outside the viewport a tile counts as near: half a screen's height above and below. */
const NEAR = '50% 0px';

/** The attribute naming the KPI of each tile (full or placeholder) the desk watches. */
const TILE_ID_ATTRIBUTE = 'data-tile-id';

/**
 * The ids of the tiles inside `container` that are in the viewport or within half a screen of it, kept current
 * as the page scrolls, resizes or re-renders: one IntersectionObserver watches every tile. Undefined when
 * the browser has no IntersectionObserver (every tile then counts as shown), and an empty set until the
 * observer's first report; `ready` says that report came (or there is none to wait for: no tile to watch,
 * or a hidden tab). With them, the
 * height of the tallest tile drawn in full so far.
 */
export function useTilesNearViewport(
  container: RefObject<Element | null>,
  enabled: boolean,
): { near: ReadonlySet<string> | undefined; ready: boolean; tileHeight: number | undefined } {
  const supported = typeof IntersectionObserver !== 'undefined';
  const [near, setNear] = useState<ReadonlySet<string>>(() => new Set());
  const [ready, setReady] = useState(false);
  const [tileHeight, setTileHeight] = useState<number>();
  const observer = useRef<IntersectionObserver | null>(null);
  const sizes = useRef<ResizeObserver | null>(null);
  useEffect(() => {
    if (!supported || !enabled) return;
    // The tallest tile drawn in full so far: placeholders take its height, so drawing them moves nothing.
    if (typeof ResizeObserver !== 'undefined') {
      sizes.current = new ResizeObserver((entries) => {
        let tallest = 0;
        for (const entry of entries) {
          if (!entry.target.hasAttribute('data-kpi')) continue;
          const height = entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height;
          tallest = Math.max(tallest, Math.round(height));
        }
        if (tallest > 0)
          setTileHeight((before) => (before === undefined || tallest > before ? tallest : before));
      });
    }
    const io = new IntersectionObserver(
      (entries) => {
        setReady(true);
        setNear((before) => {
          let next: Set<string> | undefined;
          for (const entry of entries) {
            const id = entry.target.getAttribute(TILE_ID_ATTRIBUTE);
            if (id === null || entry.isIntersecting === before.has(id)) continue;
            next ??= new Set(before);
            if (entry.isIntersecting) next.add(id);
            else next.delete(id);
          }
          return next ?? before;
        });
      },
      { rootMargin: NEAR },
    );
    observer.current = io;
    const tiles = container.current?.querySelectorAll(`[${TILE_ID_ATTRIBUTE}]`) ?? [];
    for (const tile of tiles) {
      io.observe(tile);
      sizes.current?.observe(tile);
    }
    // Nothing to watch (a filter that matches no tile), or a tab in the background, where the observer
    // reports nothing until it is shown: go on with nothing near (what the outcomes roll up is fetched).
    if (tiles.length === 0 || document.visibilityState === 'hidden') setReady(true);
    return () => {
      io.disconnect();
      sizes.current?.disconnect();
      observer.current = null;
      sizes.current = null;
    };
  }, [supported, enabled, container]);
  // Tiles added by a render (a filter cleared, a dashboard edited) are watched too; observing a tile twice
  // does nothing, and a removed tile is no longer reported.
  useLayoutEffect(() => {
    const io = observer.current;
    if (!io) return;
    for (const tile of container.current?.querySelectorAll(`[${TILE_ID_ATTRIBUTE}]`) ?? []) {
      io.observe(tile);
      sizes.current?.observe(tile);
    }
  });
  return supported && enabled
    ? { near, ready, tileHeight }
    : { near: undefined, ready: true, tileHeight: undefined };
}
