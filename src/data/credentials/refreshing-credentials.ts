import type { StaticCredentials } from '../cloudwatch/client';

export interface RefreshOptions {
  now?: () => number;
  /** Fetch new credentials this long before the old ones expire (default 5 minutes). */
  marginMs?: number;
}

const DEFAULT_MARGIN_MS = 5 * 60_000;

/**
 * Wraps a provider of expiring credentials (Cognito gives one hour) so every caller shares one cached set
 * and a new set is fetched before the old one expires, never after a request has already been refused.
 * Concurrent callers during a refresh wait for the same call.
 */
export function refreshingCredentials(
  provider: () => Promise<StaticCredentials>,
  options: RefreshOptions = {},
): { get: () => Promise<StaticCredentials>; invalidate: () => void } {
  const now = options.now ?? Date.now;
  const margin = options.marginMs ?? DEFAULT_MARGIN_MS;
  let cached: StaticCredentials | undefined;
  let pending: Promise<StaticCredentials> | undefined;
  const fresh = (c: StaticCredentials): boolean =>
    c.expiration === undefined || c.expiration.getTime() - now() > margin;
  return {
    get(): Promise<StaticCredentials> {
      if (cached && fresh(cached)) return Promise.resolve(cached);
      if (!pending) {
        pending = provider()
          .then((credentials) => {
            cached = credentials;
            return credentials;
          })
          .finally(() => {
            pending = undefined;
          });
      }
      return pending;
    },
    invalidate(): void {
      cached = undefined;
    },
  };
}
