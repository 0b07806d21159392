import { useEffect, useState } from 'react';

/** Seconds without pointer movement before the cursor hides. */
export const CURSOR_IDLE_MS = 3000;

/** True once the pointer has not moved for a few seconds, so a wall shows no stray cursor; moving shows it again. */
export function useIdleCursor(idleMs: number = CURSOR_IDLE_MS): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let timer = setTimeout(() => setIdle(true), idleMs);
    const wake = (): void => {
      setIdle(false);
      clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), idleMs);
    };
    window.addEventListener('pointermove', wake, { passive: true });
    window.addEventListener('pointerdown', wake, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('pointerdown', wake);
    };
  }, [idleMs]);
  return idle;
}
