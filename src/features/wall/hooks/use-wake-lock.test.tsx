import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { useWakeLock, WAKE_LOCK_RETRY_MS } from './use-wake-lock';

class FakeSentinel extends EventTarget {
  released = false;
  async release(): Promise<void> {
    this.released = true;
    this.dispatchEvent(new Event('release'));
  }
}

function installWakeLock(request: () => Promise<FakeSentinel>): { request: ReturnType<typeof vi.fn> } {
  const spy = vi.fn(request);
  Object.defineProperty(navigator, 'wakeLock', { value: { request: spy }, configurable: true });
  return { request: spy };
}

function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(navigator, 'wakeLock');
  Reflect.deleteProperty(document, 'visibilityState');
});

describe('screen wake lock', () => {
  test('does nothing where the browser has no Screen Wake Lock API', () => {
    const { result } = renderHook(() => useWakeLock());
    expect(result.current).toBe('unsupported');
  });

  test('holds the lock, and asks again when the page becomes visible after the browser let go', async () => {
    const sentinels: FakeSentinel[] = [];
    const api = installWakeLock(async () => {
      const sentinel = new FakeSentinel();
      sentinels.push(sentinel);
      return sentinel;
    });
    setVisibility('visible');
    const { result, unmount } = renderHook(() => useWakeLock());
    await act(async () => {});
    expect(result.current).toBe('held');
    expect(api.request).toHaveBeenCalledWith('screen');

    // Hiding the tab releases the lock; showing it again takes a new one.
    setVisibility('hidden');
    await act(() => sentinels[0]?.release());
    expect(result.current).toBe('released');
    setVisibility('visible');
    await act(async () => {});
    expect(result.current).toBe('held');
    expect(api.request).toHaveBeenCalledTimes(2);

    unmount();
    expect(sentinels[1]?.released).toBe(true);
  });

  test('a refusal is reported, never thrown', async () => {
    installWakeLock(() => Promise.reject(new DOMException('battery saver', 'NotAllowedError')));
    setVisibility('visible');
    const { result } = renderHook(() => useWakeLock());
    await act(async () => {});
    expect(result.current).toBe('denied');
  });

  test('a visible wall without the lock asks again every minute: released while visible, or refused then allowed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let allowed = false;
    const sentinels: FakeSentinel[] = [];
    const api = installWakeLock(async () => {
      if (!allowed) throw new DOMException('battery saver', 'NotAllowedError');
      const sentinel = new FakeSentinel();
      sentinels.push(sentinel);
      return sentinel;
    });
    setVisibility('visible');
    const { result } = renderHook(() => useWakeLock());
    await act(async () => {});
    expect(result.current).toBe('denied');

    allowed = true;
    await act(() => vi.advanceTimersByTimeAsync(WAKE_LOCK_RETRY_MS));
    expect(result.current).toBe('held');

    // Held: the minute passes without asking again.
    await act(() => vi.advanceTimersByTimeAsync(WAKE_LOCK_RETRY_MS));
    expect(api.request).toHaveBeenCalledTimes(2);

    // The browser lets go while the page stays visible: taken again within a minute.
    await act(() => sentinels[0]?.release());
    expect(result.current).toBe('released');
    await act(() => vi.advanceTimersByTimeAsync(WAKE_LOCK_RETRY_MS));
    expect(result.current).toBe('held');
    expect(api.request).toHaveBeenCalledTimes(3);
  });
});
