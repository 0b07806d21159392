import { useEffect, useState } from 'react';

/**
 * The current time, re-read every `intervalMs` (never when null), so ages and clocks move on a wall nobody
 * touches. When a paused clock starts again (a board coming on screen) it is re-read during that render,
 * so the first frame never shows the age the board had when it went off screen.
 */
export function useNow(intervalMs: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  const running = intervalMs !== null;
  const [wasRunning, setWasRunning] = useState(running);
  let current = now;
  if (running !== wasRunning) {
    setWasRunning(running);
    if (running) {
      current = Date.now();
      setNow(current);
    }
  }
  useEffect(() => {
    if (intervalMs === null) return;
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return current;
}
