import { QueryClient } from '@tanstack/react-query';

const MAX_RETRIES = 4;
/** A throttled account gets one more call per refresh tick, not five: the next tick retries anyway. */
const MAX_THROTTLED_RETRIES = 1;

/** Errors say whether retrying can help (throttling, 5xx, network); validation errors never retry. */
export function isRetryable(error: unknown): boolean {
  if (typeof error === 'object' && error !== null && 'retryable' in error) {
    return (error as { retryable: unknown }).retryable === true;
  }
  return false;
}

function isThrottling(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'Throttling';
}

/**
 * Whether to try again after `failureCount` failures within one refresh tick: retryable errors up to four
 * times, throttling only once, because every extra call adds to the load CloudWatch is refusing.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isRetryable(error)) return false;
  return failureCount < (isThrottling(error) ? MAX_THROTTLED_RETRIES : MAX_RETRIES);
}

/**
 * Exponential backoff with equal jitter ("Exponential Backoff And Jitter", AWS Architecture Blog), capped
 * at 30 s: half the ceiling is always waited, the other half is random, so no retry comes back at once.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1000 * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** One QueryClient for the app: retries only what can succeed later, keeps last good data on screen. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: (attempt) => retryDelay(attempt),
        refetchOnWindowFocus: false,
        staleTime: 10_000,
        gcTime: 5 * 60_000,
      },
    },
  });
}
