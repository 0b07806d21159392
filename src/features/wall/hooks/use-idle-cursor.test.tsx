import { act, renderHook } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { CURSOR_IDLE_MS, useIdleCursor } from './use-idle-cursor';

afterEach(() => {
  vi.useRealTimers();
});

test('the cursor hides after a few still seconds and comes back when the pointer moves', () => {
  vi.useFakeTimers();
  const { result } = renderHook(() => useIdleCursor());
  expect(result.current).toBe(false);
  act(() => vi.advanceTimersByTime(CURSOR_IDLE_MS));
  expect(result.current).toBe(true);
  act(() => {
    window.dispatchEvent(new Event('pointermove'));
  });
  expect(result.current).toBe(false);
  act(() => vi.advanceTimersByTime(CURSOR_IDLE_MS - 1));
  expect(result.current).toBe(false);
  act(() => vi.advanceTimersByTime(1));
  expect(result.current).toBe(true);
});
