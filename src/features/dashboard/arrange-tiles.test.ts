import { describe, expect, test } from 'vitest';
import type { BoardStatus, KpiTileView } from '../../domain/board/board-types';
import { arrangeTiles } from './arrange-tiles';

function tile(id: string, title: string, status: BoardStatus): KpiTileView {
  return {
    id,
    title,
    category: 'health',
    status,
    valueText: '1',
    dimmed: false,
    notes: [],
    points: [],
    lines: [],
    sparklineLabel: title,
  };
}

const tiles: KpiTileView[] = [
  tile('orders', 'Orders per minute', 'ok'),
  tile('payments', 'Payment success rate', 'breached'),
  tile('broken', 'Broken one', 'error'),
  tile('latency', 'Checkout latency', 'at-risk'),
];

describe('arrangeTiles', () => {
  test.each([
    [undefined, undefined, ['orders', 'payments', 'broken', 'latency']],
    ['PAY', undefined, ['payments']],
    ['latency', undefined, ['latency']],
    [undefined, 'title' as const, ['broken', 'latency', 'orders', 'payments']],
    [undefined, 'status' as const, ['payments', 'broken', 'latency', 'orders']],
    ['o', 'status' as const, ['broken', 'latency', 'orders']],
  ])('filter %j, order %j', (q, sort, expected) => {
    expect(arrangeTiles(tiles, q, sort).map((t) => t.id)).toEqual(expected);
  });
});
