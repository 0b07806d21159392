import { useState } from 'react';

/**
 * Since when `on` has held without a break (undefined while it does not): when the refresh in flight
 * started, or since when refreshes have been failing. Decided during render, so the first frame that shows
 * the condition already knows when it began.
 */
export function useSince(on: boolean): number | undefined {
  const [since, setSince] = useState<number | undefined>(undefined);
  if (on && since === undefined) {
    const started = Date.now();
    setSince(started);
    return started;
  }
  if (!on && since !== undefined) setSince(undefined);
  return on ? since : undefined;
}
