import { describe, expect, test } from 'vitest';
import type { RiskStatus } from '../../../domain/risk';
import {
  currentStatuses,
  EMPTY_BREACH_MEMORY,
  isJustBreached,
  JUST_BREACHED_MS,
  noteBreaches,
} from './breach-memory';

const T0 = Date.UTC(2026, 10, 27, 12, 0, 0);

describe('breach memory', () => {
  test.each<[string, RiskStatus | undefined, boolean]>([
    ['ok → breached', 'ok', true],
    ['at risk → breached', 'at-risk', true],
    ['no data → breached', 'no-data', true],
    ['first seen already breached', undefined, false],
    ['breached → breached', 'breached', false],
  ])('%s is emphasised: %s', (_, before, emphasised) => {
    const seen =
      before === undefined ? EMPTY_BREACH_MEMORY : noteBreaches(EMPTY_BREACH_MEMORY, { p99: before }, T0);
    const after = noteBreaches(seen, { p99: 'breached' }, T0 + 60_000);
    expect(isJustBreached(after, 'p99', T0 + 60_000)).toBe(emphasised);
  });

  test('emphasis lasts a couple of minutes, then the tile is simply breached', () => {
    let memory = noteBreaches(EMPTY_BREACH_MEMORY, { p99: 'ok' }, T0);
    memory = noteBreaches(memory, { p99: 'breached' }, T0 + 60_000);
    memory = noteBreaches(memory, { p99: 'breached' }, T0 + 120_000);
    expect(isJustBreached(memory, 'p99', T0 + 60_000 + JUST_BREACHED_MS - 1)).toBe(true);
    expect(isJustBreached(memory, 'p99', T0 + 60_000 + JUST_BREACHED_MS)).toBe(false);
  });

  test('recovering and breaching again starts a new emphasis', () => {
    let memory = noteBreaches(EMPTY_BREACH_MEMORY, { p99: 'ok' }, T0);
    memory = noteBreaches(memory, { p99: 'breached' }, T0 + 1);
    memory = noteBreaches(memory, { p99: 'ok' }, T0 + 2);
    expect(memory.breachedAt).toEqual({});
    const later = T0 + 10 * JUST_BREACHED_MS;
    memory = noteBreaches(memory, { p99: 'breached' }, later);
    expect(memory.breachedAt).toEqual({ p99: later });
  });

  test('forgets KPIs that are no longer on the board', () => {
    let memory = noteBreaches(EMPTY_BREACH_MEMORY, { a: 'ok', b: 'ok' }, T0);
    memory = noteBreaches(memory, { a: 'breached', b: 'breached' }, T0 + 1);
    memory = noteBreaches(memory, { a: 'breached' }, T0 + 2);
    expect(Object.keys(memory.statuses)).toEqual(['a']);
    expect(Object.keys(memory.breachedAt)).toEqual(['a']);
  });

  test('a KPI on another page keeps its last status, so its breach is still noticed when judged again', () => {
    const ids = ['p99', 'orders'];
    // Page 1 judged p99 and orders; then only orders (p99 is on page 2); then p99 again, now breached.
    let memory = noteBreaches(
      EMPTY_BREACH_MEMORY,
      currentStatuses(EMPTY_BREACH_MEMORY, { p99: 'ok', orders: 'ok' }, ids),
      T0,
    );
    memory = noteBreaches(memory, currentStatuses(memory, { orders: 'ok' }, ids), T0 + 60_000);
    expect(memory.statuses.p99).toBe('ok');
    memory = noteBreaches(memory, currentStatuses(memory, { p99: 'breached' }, ids), T0 + 120_000);
    expect(isJustBreached(memory, 'p99', T0 + 120_000)).toBe(true);
    // A KPI taken off the board is forgotten.
    expect(currentStatuses(memory, {}, ['orders'])).toEqual({ orders: 'ok' });
  });
});
