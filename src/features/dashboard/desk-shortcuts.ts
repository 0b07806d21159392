import { useEffect, useRef } from 'react';

/** What the desk's keys do; documented in the README ("Keyboard") and shown under the dashboard. */
export interface DeskShortcuts {
  /** `r`: refresh now. */
  refresh: () => void;
  /** `[` a shorter quick range, `]` a longer one. */
  stepRange: (by: -1 | 1) => void;
  /** `/`: to the KPI filter. */
  focusFilter: () => void;
}

/** Keys typed into a field belong to the field. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/**
 * A few single keys on a desk page, as in Grafana or the CloudWatch console: never with a modifier (the
 * browser's and the screen reader's own keys win), never while typing in a field.
 */
export function useDeskShortcuts(shortcuts: DeskShortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || typing(event.target))
        return;
      const actions: Record<string, () => void> = {
        r: () => latest.current.refresh(),
        '[': () => latest.current.stepRange(-1),
        ']': () => latest.current.stepRange(1),
        '/': () => latest.current.focusFilter(),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
