const MIN_TIMEOUT_MS = 10_000;
const MAX_TIMEOUT_MS = 30_000;

/**
 * How long a screen waits for a refresh before abandoning it and letting the retry policy try again:
 * half the dashboard's interval, within 10–30 s, so a hang that clears is over (back-off included) within
 * one interval of 20 s or more, and one hung connection never freezes a screen.
 */
export function refreshTimeoutMs(refreshSeconds: number): number {
  return Math.min(Math.max((refreshSeconds * 1000) / 2, MIN_TIMEOUT_MS), MAX_TIMEOUT_MS);
}
