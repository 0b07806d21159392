import type { AnyRouter, RouterHistory } from '@tanstack/react-router';

/** Enough to find "the same control" on a page drawn again: a link by its address, else an element by id. */
interface FocusMark {
  href?: string;
  id?: string;
}

/** How long to wait for a lazily loaded screen to draw its heading or the control to return to. */
const WAIT_MS = 5000;

function markOf(element: Element | null): FocusMark | undefined {
  if (!element || element === document.body) return undefined;
  const link = element.closest('a[href]');
  if (link) return { href: link.getAttribute('href') ?? '' };
  if (element.id) return { id: element.id };
  return undefined;
}

function find(mark: FocusMark): HTMLElement | null {
  if (mark.href !== undefined)
    return document.querySelector<HTMLElement>(`a[href="${CSS.escape(mark.href)}"]`);
  if (mark.id) return document.getElementById(mark.id);
  return null;
}

function heading(): HTMLElement | null {
  return document.querySelector<HTMLElement>('main h1, h1');
}

function focusHeading(target: HTMLElement): void {
  // A heading is not a tab stop: -1 lets it take focus from script, and screen readers read it out.
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}

/**
 * Runs `attempt` now and on every DOM change until it returns true; when the wait is over, `last` once.
 * Returns a function that stops waiting.
 */
function whenPresent(attempt: () => boolean, last: () => void): () => void {
  if (attempt()) return () => {};
  const observer = new MutationObserver(() => {
    if (attempt()) stop();
  });
  const timer = setTimeout(() => {
    stop();
    last();
  }, WAIT_MS);
  function stop(): void {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}

/**
 * Focus follows navigation, as a screen-reader or keyboard user expects of a page load: on a new page it
 * moves to the page's heading; on Back (or Forward) it returns to the control that was focused when that
 * page was left, e.g. the tile's "Details" link, and to the heading when that control is gone. A change
 * that stays on the same page (a range, a filter) leaves focus where it is; the first load moves nothing.
 */
export function watchFocusOnNavigation(router: AnyRouter): () => void {
  const history: RouterHistory = router.history;
  const marks = new Map<string, FocusMark>();
  const keyOf = (state: unknown): string | undefined => {
    const s = state as { __TSR_key?: string; key?: string } | undefined;
    return s?.__TSR_key ?? s?.key;
  };
  let currentKey = keyOf(history.location.state);
  let currentPath = history.location.pathname;
  /** What to focus once the new page is drawn: a control to return to, or just the heading. */
  let pending: { mark?: FocusMark } | undefined;
  let cancel: () => void = () => {};
  const unsubscribeHistory = history.subscribe(({ location, action }) => {
    // The old page is still on screen: remember where focus was on it.
    const leaving = markOf(document.activeElement);
    if (currentKey && leaving) marks.set(currentKey, leaving);
    const key = keyOf(location.state);
    const samePage = location.pathname === currentPath;
    currentKey = key;
    currentPath = location.pathname;
    cancel();
    cancel = () => {};
    if (samePage) {
      pending = undefined;
      return;
    }
    const returning = action.type === 'BACK' || action.type === 'FORWARD' || action.type === 'GO';
    const mark = returning && key ? marks.get(key) : undefined;
    pending = mark ? { mark } : {};
  });
  // The router has drawn the new route (its screen may still be loading its data): look from here.
  const unsubscribeRender = router.subscribe('onRendered', () => {
    const task = pending;
    pending = undefined;
    if (!task) return;
    const toHeading = (): boolean => {
      const target = heading();
      if (!target) return false;
      focusHeading(target);
      return true;
    };
    const { mark } = task;
    cancel = mark
      ? whenPresent(
          () => {
            const control = find(mark);
            if (!control) return false;
            control.focus();
            return true;
          },
          () => {
            toHeading();
          },
        )
      : whenPresent(toHeading, () => {});
  });
  return () => {
    cancel();
    unsubscribeHistory();
    unsubscribeRender();
  };
}
