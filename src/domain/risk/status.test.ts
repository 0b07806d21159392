import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareSeverity, isHealthy, RISK_STATUSES, type RiskStatus, worstStatus } from './status';

describe('severity order', () => {
  test('runs ok < unknown < no-data < at-risk < error < breached', () => {
    const sorted = [...RISK_STATUSES].reverse().sort(compareSeverity);
    expect(sorted).toEqual(['ok', 'unknown', 'no-data', 'at-risk', 'error', 'breached']);
  });

  test.each([
    ['breached', 'error'],
    ['error', 'at-risk'],
    ['at-risk', 'no-data'],
    ['no-data', 'unknown'],
    ['unknown', 'ok'],
  ] as const)('%s is more severe than %s', (worse, better) => {
    expect(compareSeverity(worse, better)).toBeGreaterThan(0);
    expect(compareSeverity(better, worse)).toBeLessThan(0);
    expect(worstStatus([better, worse])).toBe(worse);
  });

  test('only ok is healthy', () => {
    expect(RISK_STATUSES.filter(isHealthy)).toEqual(['ok']);
  });

  test('worst of nothing is ok', () => {
    expect(worstStatus([])).toBe('ok');
  });

  test('worstStatus is a member, ignores order and is at least as severe as every member', () => {
    const status = fc.constantFrom<RiskStatus>(...RISK_STATUSES);
    fc.assert(
      fc.property(fc.array(status, { minLength: 1 }), (statuses) => {
        const worst = worstStatus(statuses);
        expect(statuses).toContain(worst);
        expect(worstStatus([...statuses].reverse())).toBe(worst);
        for (const s of statuses) expect(compareSeverity(worst, s)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
