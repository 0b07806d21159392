import { describe, expect, test } from 'vitest';
import { assessFreshness, describeAge, type FreshnessInput, SLOW_AFTER_MS } from './freshness';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const MINUTE = 60_000;
const base: FreshnessInput = { now: NOW, refreshMs: MINUTE };

describe('freshness of a board', () => {
  test.each<[string, Partial<FreshnessInput>, string, string | undefined]>([
    ['nothing fetched yet', {}, 'waiting', undefined],
    [
      'first fetch failing',
      { failure: { message: 'boom', since: NOW - 20_000 } },
      'waiting',
      'Refresh failing: boom',
    ],
    ['refreshed 30 s ago', { lastSuccessAt: NOW - 30_000 }, 'live', undefined],
    ['exactly twice the interval is still not stale', { lastSuccessAt: NOW - 2 * MINUTE }, 'live', undefined],
    ['just past twice the interval', { lastSuccessAt: NOW - 2 * MINUTE - 1 }, 'stale', undefined],
    [
      'recent data but the latest refresh failed',
      { lastSuccessAt: NOW - 70_000, failure: { message: 'CloudWatch is throttling requests' } },
      'degraded',
      'Refresh failing: CloudWatch is throttling requests',
    ],
    [
      'old data and failing',
      {
        lastSuccessAt: NOW - 5 * MINUTE,
        failure: { message: 'Could not reach CloudWatch', since: NOW - 4 * MINUTE - 10_000 },
      },
      'stale',
      'Refresh failing for 4 min: Could not reach CloudWatch',
    ],
    [
      'a refresh in flight for longer than the slow limit',
      { lastSuccessAt: NOW - 65_000, fetchingSince: NOW - SLOW_AFTER_MS - 7000 },
      'degraded',
      'CloudWatch is slow to answer: waiting 12 s',
    ],
    [
      'a refresh in flight for a moment',
      { lastSuccessAt: NOW - 61_000, fetchingSince: NOW - 800 },
      'live',
      undefined,
    ],
    [
      'offline',
      { lastSuccessAt: NOW - 10_000, offline: true },
      'degraded',
      'The browser is offline; waiting for the network to come back',
    ],
  ])('%s → %s', (_, input, state, problem) => {
    const freshness = assessFreshness({ ...base, ...input });
    expect(freshness.state).toBe(state);
    expect(freshness.problem).toBe(problem);
    expect(freshness.staleAfterMs).toBe(2 * MINUTE);
  });

  test('says how old the data is, and a clock running behind never gives a negative age', () => {
    expect(assessFreshness({ ...base, lastSuccessAt: NOW - 4 * MINUTE }).ageMs).toBe(4 * MINUTE);
    expect(assessFreshness({ ...base, lastSuccessAt: NOW + 5000 }).ageMs).toBe(0);
  });

  test.each([
    [45_000, '45 s'],
    [4 * MINUTE, '4 min'],
    [125 * MINUTE, '2 h 5 min'],
  ])('an age of %i ms reads %s', (ms, words) => {
    expect(describeAge(ms)).toBe(words);
  });
});
