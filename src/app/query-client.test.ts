import { describe, expect, test } from 'vitest';
import { CloudWatchError, type CloudWatchErrorCode } from '../data/cloudwatch/errors';
import { createQueryClient, isRetryable, retryDelay, shouldRetry } from './query-client';

function failure(code: CloudWatchErrorCode, retryable: boolean): CloudWatchError {
  return new CloudWatchError({ code, message: code, retryable });
}

describe('retry policy', () => {
  test.each([
    [{ retryable: true }, true],
    [{ retryable: false }, false],
    [new Error('boom'), false],
    ['text', false],
    [null, false],
  ])('isRetryable(%o) is %s', (error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });

  test.each([
    ['Throttling', true, 0, true],
    ['Throttling', true, 1, false],
    ['ServerError', true, 0, true],
    ['ServerError', true, 3, true],
    ['ServerError', true, 4, false],
    ['Network', true, 3, true],
    ['ExpiredToken', true, 3, true],
    ['ExpiredToken', false, 0, false],
    ['InvalidQuery', false, 0, false],
  ] as const)('%s (retryable %s) after %i failures: retry %s', (code, retryable, failures, expected) => {
    expect(shouldRetry(failures, failure(code, retryable))).toBe(expected);
  });

  test.each([
    [failure('Throttling', true), 2],
    [failure('ServerError', true), 5],
    [failure('Network', true), 5],
    [failure('AccessDenied', false), 1],
  ])(
    'the app QueryClient calls CloudWatch at most as often as the policy allows: %s → %i calls',
    async (error, expected) => {
      const client = createQueryClient();
      let calls = 0;
      const fetched = client.fetchQuery({
        queryKey: ['retry-policy', error.code],
        queryFn: async () => {
          calls += 1;
          throw error;
        },
        retryDelay: 0,
      });
      await expect(fetched).rejects.toBe(error);
      expect(calls).toBe(expected);
    },
  );

  test.each([
    [0, 0, 500],
    [0, 1, 1000],
    [3, 0, 4000],
    [3, 1, 8000],
    [10, 0, 15_000],
    [10, 1, 30_000],
  ])(
    'attempt %i with jitter %d waits %i ms (equal jitter: never less than half)',
    (attempt, jitter, expected) => {
      expect(retryDelay(attempt, () => jitter)).toBe(expected);
    },
  );
});
