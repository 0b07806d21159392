import { describe, expect, test } from 'vitest';
import type { Kpi } from '../../domain/kpi/schema';
import { type FetchedSeries, kpisToFetch } from './use-dashboard-evaluation';

const kpis = ['a', 'b', 'c', 'd'].map((id) => ({ id }) as Kpi);
const held = (fetched?: string[]): FetchedSeries => ({
  report: { results: {}, calls: 0, fetchedAt: 0 },
  now: 0,
  ...(fetched ? { fetched } : {}),
});

describe('kpisToFetch', () => {
  test.each([
    { case: 'a screen that wants every KPI', wanted: undefined, before: undefined, out: undefined },
    { case: 'the first fetch of a long page', wanted: ['c', 'a'], before: undefined, out: ['a', 'c'] },
    { case: 'a scroll adds to what is held', wanted: ['d'], before: held(['a', 'c']), out: ['a', 'c', 'd'] },
    { case: 'an entry that holds every KPI keeps them all', wanted: ['a'], before: held(), out: undefined },
    { case: 'wanting what is held asks the same', wanted: ['a'], before: held(['a', 'b']), out: ['a', 'b'] },
    {
      case: 'every KPI wanted is every KPI',
      wanted: ['a', 'b', 'c', 'd'],
      before: undefined,
      out: undefined,
    },
    { case: 'ids that are no KPI are not asked', wanted: ['x', 'b'], before: held(['y']), out: ['b'] },
  ])('$case', ({ wanted, before, out }) => {
    expect(kpisToFetch(kpis, wanted && new Set(wanted), before)).toEqual(out);
  });
});
