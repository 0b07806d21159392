import { describe, expect, test } from 'vitest';
import type { KpiEntry } from '../../domain/kpi/parse-result';
import { type Kpi, kpiSchema } from '../../domain/kpi/schema';
import type { RiskStatus } from '../../domain/risk';
import { arrangeEntries } from './arrange-entries';

function entry(id: string, title: string, index: number): KpiEntry {
  const kpi: Kpi = kpiSchema.parse({
    id,
    title,
    category: 'health',
    unit: 'count',
    direction: 'higher-is-better',
    query: { metric: { namespace: 'N', name: 'M', stat: 'Sum' } },
  });
  return { ok: true, index, kpi };
}

const entries: KpiEntry[] = [
  entry('orders', 'Orders per minute', 0),
  entry('payments', 'Payment success rate', 1),
  { ok: false, index: 2, id: 'broken', title: 'Broken one', errors: [] },
  entry('latency', 'Checkout latency', 3),
];
const statuses: Record<string, RiskStatus> = { orders: 'ok', payments: 'breached', latency: 'at-risk' };
const ids = (list: KpiEntry[]): string[] => list.map((e) => (e.ok ? e.kpi.id : (e.id ?? '')));

describe('arrangeEntries', () => {
  test.each([
    [undefined, undefined, ['orders', 'payments', 'broken', 'latency']],
    ['PAY', undefined, ['payments']],
    ['latency', undefined, ['latency']],
    [undefined, 'title' as const, ['broken', 'latency', 'orders', 'payments']],
    [undefined, 'status' as const, ['payments', 'broken', 'latency', 'orders']],
    ['o', 'status' as const, ['broken', 'latency', 'orders']],
  ])('filter %j, order %j', (q, sort, expected) => {
    expect(ids(arrangeEntries(entries, q, sort, (id) => statuses[id]))).toEqual(expected);
  });
});
