import { QueryClient } from '@tanstack/react-query';

const MAX_RETRIES = 4;

/** Errors say whether retrying can help (throttling, 5xx, network); validation errors never retry. */
export function isRetryable(error: unknown): boolean {
  if (typeof error === 'object' && error !== null && 'retryable' in error) {
    return (error as { retryable: unknown }).retryable === true;
  }
  return false;
}

/** Exponential backoff with full jitter (AWS architecture blog), capped at 30 s. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1000 * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** One QueryClient for the app: retries only what can succeed later, keeps last good data on screen. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < MAX_RETRIES && isRetryable(error),
        retryDelay: (attempt) => retryDelay(attempt),
        refetchOnWindowFocus: false,
        staleTime: 10_000,
        gcTime: 5 * 60_000,
      },
    },
  });
}
