import { type RefObject, useEffect, useState } from 'react';

/** How far outside the viewport an element counts as near: a screen's height above and below. */
const NEAR = '100% 0px';

/**
 * Whether the element has come within a screen of the viewport, once and for good: a long page draws
 * what can be seen (and what a scroll will soon show) first. Always true when `lazy` is off or the
 * browser has no IntersectionObserver.
 */
export function useNearViewport(ref: RefObject<Element | null>, lazy: boolean): boolean {
  const [near, setNear] = useState(() => !lazy || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: NEAR },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, ref]);
  return near;
}
