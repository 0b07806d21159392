import { describe, expect, test } from 'vitest';
import { assessStaleness, staleLimitSeconds, staleReason } from './staleness';
import { NOW } from './test-fixtures';

describe('staleLimitSeconds', () => {
  test.each([
    { period: 60, staleAfter: undefined, limit: 180 },
    { period: 300, staleAfter: undefined, limit: 600 },
    { period: 10, staleAfter: undefined, limit: 180 },
    { period: 3600, staleAfter: undefined, limit: 7200 },
    { period: 60, staleAfter: 1800, limit: 1800 },
  ])('period $period s, staleAfter $staleAfter → $limit s', ({ period, staleAfter, limit }) => {
    expect(staleLimitSeconds(period, staleAfter)).toBe(limit);
  });
});

describe('assessStaleness', () => {
  test.each([
    { ageSeconds: 30, period: 60, staleAfter: undefined, stale: false },
    { ageSeconds: 180, period: 60, staleAfter: undefined, stale: false },
    { ageSeconds: 181, period: 60, staleAfter: undefined, stale: true },
    { ageSeconds: 1500, period: 60, staleAfter: undefined, stale: true },
    { ageSeconds: 1500, period: 60, staleAfter: 3600, stale: false },
    { ageSeconds: 500, period: 300, staleAfter: undefined, stale: false },
    { ageSeconds: 601, period: 300, staleAfter: undefined, stale: true },
  ])(
    'no data for $ageSeconds s after the newest period, period $period s, staleAfter $staleAfter → stale $stale',
    ({ ageSeconds, period, staleAfter, stale }) => {
      const facts = assessStaleness({ t: NOW - (ageSeconds + period) * 1000, v: 1 }, period, NOW, staleAfter);
      expect(facts).toMatchObject({ stale, ageSeconds });
    },
  );

  test('no point, no staleness facts', () => {
    expect(assessStaleness(undefined, 60, NOW)).toBeUndefined();
  });

  test('the reason says how long and how often', () => {
    const facts = assessStaleness({ t: NOW - 26 * 60_000, v: 1 }, 60, NOW);
    expect(facts).toBeDefined();
    if (!facts) return;
    expect(staleReason(facts, 'Orders per minute', 60, NOW)).toMatchObject({
      rule: 'stale',
      status: 'no-data',
      message: 'Orders per minute: no data for 25 min (expected every 1 min)',
      lastAt: NOW - 26 * 60_000,
      ageSeconds: 1500,
      expectedEverySeconds: 60,
    });
  });
});
