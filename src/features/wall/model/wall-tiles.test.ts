import { describe, expect, test } from 'vitest';
import type { BoardStatus, KpiTileView, OutcomeView } from '../../../domain/board/board-types';
import { EMPTY_BREACH_MEMORY, noteBreaches } from './breach-memory';
import { sortWallOutcomes } from './wall-outcomes';
import { buildWallTiles, type WallTilesInput } from './wall-tiles';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

function tile(id: string, title: string, status: BoardStatus, extra: Partial<KpiTileView> = {}): KpiTileView {
  return {
    id,
    title,
    category: 'health',
    status,
    valueText: '42',
    dimmed: false,
    notes: [],
    points: Array.from({ length: 360 }, (_, i) => ({ t: NOW - (360 - i) * 60_000, v: i % 7 })),
    lines: [],
    sparklineLabel: title,
    ...extra,
  };
}

const tiles = [
  tile('orders', 'Orders per minute', 'ok'),
  tile('payments', 'Payment success rate', 'breached'),
  tile('latency', 'Checkout latency', 'at-risk'),
  tile('cost', 'Cost per order', 'no-data'),
  tile('broken', 'Refund rate', 'error', { errors: ['shop.yaml line 40, kpis[4].query: bad'] }),
];
const base: WallTilesInput = { tiles, breaches: EMPTY_BREACH_MEMORY, now: NOW };

describe('wall tiles', () => {
  test('keep the board order; a tile that could not be loaded has its own key', () => {
    const out = buildWallTiles(base);
    expect(out.map((t) => t.id)).toEqual(['orders', 'payments', 'latency', 'cost', 'broken']);
    expect(out.at(-1)?.key).toBe('invalid-broken');
  });

  test('sort=status puts breached first, then error, at risk, no data, then the healthy', () => {
    expect(buildWallTiles({ ...base, sort: 'status' }).map((t) => t.id)).toEqual([
      'payments',
      'broken',
      'latency',
      'cost',
      'orders',
    ]);
  });

  test('sort=title orders by name and q filters by title', () => {
    expect(buildWallTiles({ ...base, sort: 'title' }).map((t) => t.id)[0]).toBe('latency');
    expect(buildWallTiles({ ...base, filter: 'PAY' }).map((t) => t.id)).toEqual(['payments']);
  });

  test('a KPI that has just become breached is emphasised, unless the board is stale', () => {
    const before = noteBreaches(EMPTY_BREACH_MEMORY, { payments: 'ok' }, NOW - 60_000);
    const breaches = noteBreaches(before, { payments: 'breached' }, NOW - 30_000);
    expect(
      buildWallTiles({ ...base, breaches })
        .filter((t) => t.justBreached)
        .map((t) => t.id),
    ).toEqual(['payments']);
    const stale = tiles.map((t) => ({ ...t, staleAge: '5 min' }));
    expect(buildWallTiles({ ...base, tiles: stale, breaches }).some((t) => t.justBreached)).toBe(false);
  });
});

describe('wall outcomes', () => {
  const outcome = (title: string, status: BoardStatus): OutcomeView => ({
    key: title,
    title,
    status,
    responsible: [],
    kpis: [],
  });
  test('sort=status puts the worst outcome first, pending last; otherwise the file order', () => {
    const outcomes = [
      outcome('A', 'ok'),
      outcome('B', 'pending'),
      outcome('C', 'breached'),
      outcome('D', 'at-risk'),
    ];
    expect(sortWallOutcomes(outcomes, 'status').map((o) => o.title)).toEqual(['C', 'D', 'A', 'B']);
    expect(sortWallOutcomes(outcomes).map((o) => o.title)).toEqual(['A', 'B', 'C', 'D']);
  });
});
