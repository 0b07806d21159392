import { useEffect, useState } from 'react';

/**
 * Whether the screen is being kept awake: `held`; `released` (the browser let go, e.g. the tab was hidden;
 * it is asked again when the page is visible); `denied` (the browser refused, e.g. battery saver);
 * `unsupported` (no Screen Wake Lock API: nothing to do).
 */
export type WakeLockStatus = 'held' | 'released' | 'denied' | 'unsupported';

interface WakeLockSentinelLike extends EventTarget {
  released: boolean;
  release(): Promise<void>;
}

interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

function wakeLockApi(): WakeLockLike | undefined {
  const nav =
    typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { wakeLock?: WakeLockLike });
  return nav?.wakeLock;
}

/** How often a visible wall without the lock (released by the browser, or refused) asks for it again. */
export const WAKE_LOCK_RETRY_MS = 60_000;

/**
 * Keeps the screen on while the wall is open (Screen Wake Lock API). Browsers drop the lock when the page
 * is hidden, so it is asked for again whenever the page becomes visible, and every minute while it is
 * visible without one (a browser can also let go, or refuse, while the page stays visible: battery saver
 * switched on and off). Every failure is caught: a wall that cannot hold the lock still shows its data.
 */
export function useWakeLock(): WakeLockStatus {
  const [status, setStatus] = useState<WakeLockStatus>(() => (wakeLockApi() ? 'released' : 'unsupported'));
  useEffect(() => {
    const api = wakeLockApi();
    if (!api) return;
    let sentinel: WakeLockSentinelLike | undefined;
    let disposed = false;
    let asking = false;
    const onRelease = (): void => {
      if (!disposed) setStatus('released');
    };
    const acquire = async (): Promise<void> => {
      if (asking || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      asking = true;
      try {
        const next = await api.request('screen');
        if (disposed) {
          await next.release().catch(() => undefined);
          return;
        }
        sentinel = next;
        next.addEventListener('release', onRelease);
        setStatus('held');
      } catch {
        if (!disposed) setStatus('denied');
      } finally {
        asking = false;
      }
    };
    const onVisibility = (): void => {
      void acquire();
    };
    document.addEventListener('visibilitychange', onVisibility);
    const retry = setInterval(onVisibility, WAKE_LOCK_RETRY_MS);
    void acquire();
    return () => {
      disposed = true;
      clearInterval(retry);
      document.removeEventListener('visibilitychange', onVisibility);
      if (sentinel) {
        sentinel.removeEventListener('release', onRelease);
        sentinel.release().catch(() => undefined);
      }
    };
  }, []);
  return status;
}
