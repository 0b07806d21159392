import { describe, expect, test } from 'vitest';
import { isRetryable, retryDelay } from './query-client';

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
    [0, 0, 500],
    [0, 1, 1000],
    [3, 0, 4000],
    [3, 1, 8000],
    [10, 1, 30_000],
  ])('attempt %i with jitter %d waits %i ms', (attempt, jitter, expected) => {
    expect(retryDelay(attempt, () => jitter)).toBe(expected);
  });
});
