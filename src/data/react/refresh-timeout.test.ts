import { expect, test } from 'vitest';
import { refreshTimeoutMs } from './refresh-timeout';

test.each([
  [10, 10_000],
  [30, 15_000],
  [60, 30_000],
  [300, 30_000],
])('a %d s interval abandons a hung refresh after %d ms', (seconds, ms) => {
  expect(refreshTimeoutMs(seconds)).toBe(ms);
});
