import { describe, expect, test } from 'vitest';
import type { Point, TimeWindow } from '../domain/series';
import {
  type CacheMode,
  completeBoundary,
  createSeriesCacheStore,
  decideFetch,
  type FetchDecision,
  HORIZON_REFRESHES,
  mergeFetch,
  pruneEntry,
  type SeriesCacheEntry,
  serveEntry,
} from './series-cache';

const M = 60_000;
const T = Date.UTC(2025, 2, 10, 14, 0);

/** Minutes after T as epoch ms. */
const at = (minutes: number): number => T + minutes * M;
const win = (from: number, to: number): TimeWindow => ({ start: at(from), end: at(to) });
const points = (from: number, to: number, value = (m: number) => m): Point[] =>
  Array.from({ length: to - from }, (_, i) => ({ t: at(from + i), v: value(from + i) }));

function entry(extra: Partial<SeriesCacheEntry> = {}): SeriesCacheEntry {
  return {
    period: 60,
    series: [{ label: '', points: points(0, 60) }],
    components: {},
    coveredFrom: at(0),
    completeUntil: at(55),
    fetchedUntil: at(60),
    origin: at(0),
    horizons: [],
    ...extra,
  };
}

describe('completeBoundary: the end of the newest period that is final', () => {
  test.each([
    [at(60) + 30_000, 60, 300, at(55)],
    [at(60), 60, 300, at(55)],
    [at(60) - 1, 60, 300, at(54)],
    [at(125), 3600, 300, at(120)],
    [at(124), 3600, 300, at(60)],
    [at(60) + 30_000, 60, 0, at(60)],
  ])('now %i, period %i s, %i s late → %i', (now, period, late, expected) => {
    expect(completeBoundary(now, period, late)).toBe(expected);
  });
});

describe('decideFetch: what a refresh asks CloudWatch for', () => {
  test.each<[string, SeriesCacheEntry | undefined, TimeWindow, CacheMode, number, FetchDecision]>([
    [
      'no entry: the whole window',
      undefined,
      win(0, 60),
      'pointwise',
      at(55),
      { kind: 'whole', window: win(0, 60) },
    ],
    [
      'a minute later: the periods from completeUntil',
      entry(),
      win(1, 61),
      'pointwise',
      at(56),
      { kind: 'parts', tail: { window: win(55, 61), keepFrom: at(55) } },
    ],
    [
      'DIFF: one period earlier, kept from completeUntil',
      entry(),
      win(1, 61),
      'lookback',
      at(56),
      { kind: 'parts', tail: { window: win(54, 61), keepFrom: at(55) } },
    ],
    ['no new complete period: nothing', entry(), win(0, 60), 'pointwise', at(55), { kind: 'cached' }],
    [
      'a longer range: its head, and the tail when due',
      entry(),
      win(-60, 61),
      'pointwise',
      at(56),
      {
        kind: 'parts',
        head: { window: win(-60, 0), keepFrom: at(-60) },
        tail: { window: win(55, 61), keepFrom: at(55) },
      },
    ],
    [
      'a longer range, nothing due: the head only',
      entry(),
      win(-60, 60),
      'pointwise',
      at(55),
      { kind: 'parts', head: { window: win(-60, 0), keepFrom: at(-60) } },
    ],
    [
      'DIFF over a longer range: whole',
      entry(),
      win(-60, 61),
      'lookback',
      at(56),
      { kind: 'whole', window: win(-60, 61) },
    ],
    [
      'an older, disjoint window: whole',
      entry(),
      win(-120, -60),
      'pointwise',
      at(56),
      { kind: 'whole', window: win(-120, -60) },
    ],
    [
      'a window past the cache: whole',
      entry(),
      win(60, 90),
      'pointwise',
      at(85),
      { kind: 'whole', window: win(60, 90) },
    ],
    [
      'a window starting after completeUntil: whole',
      entry(),
      win(56, 70),
      'pointwise',
      at(65),
      { kind: 'whole', window: win(56, 70) },
    ],
    [
      'a shorter window inside the complete part: nothing',
      entry(),
      win(10, 40),
      'pointwise',
      at(56),
      { kind: 'cached' },
    ],
    [
      'DIFF with a gap just before the tail: whole',
      entry({ series: [{ label: '', points: points(0, 60).filter((p) => p.t !== at(54)) }] }),
      win(1, 61),
      'lookback',
      at(56),
      { kind: 'whole', window: win(1, 61) },
    ],
    [
      'DIFF whose window starts on a gap: whole',
      entry({ series: [{ label: '', points: points(0, 60).filter((p) => p.t !== at(1)) }] }),
      win(1, 61),
      'lookback',
      at(56),
      { kind: 'whole', window: win(1, 61) },
    ],
  ])('%s', (_name, cached, window, mode, boundary, expected) => {
    expect(decideFetch(cached, window, mode, boundary)).toEqual(expected);
  });
});

describe('mergeFetch: fetched points replace cached ones from where they are kept', () => {
  test('a whole fetch starts an entry, complete up to the boundary', () => {
    const merged = mergeFetch(
      undefined,
      { kind: 'whole', window: win(0, 60) },
      { whole: { series: [{ label: '', points: points(0, 60) }], components: {} } },
      60,
      at(55),
    );
    expect(merged).toMatchObject({
      coveredFrom: at(0),
      completeUntil: at(55),
      fetchedUntil: at(60),
      origin: at(0),
    });
  });

  test('a tail replaces the filling periods and moves completeUntil', () => {
    const fresh = points(55, 61, (m) => m * 10);
    const merged = mergeFetch(
      entry(),
      { kind: 'parts', tail: { window: win(55, 61), keepFrom: at(55) } },
      { tail: { series: [{ label: '', points: fresh }], components: {} } },
      60,
      at(56),
    )!;
    expect(merged.series[0]!.points).toEqual([...points(0, 55), ...fresh]);
    expect(merged).toMatchObject({ completeUntil: at(56), fetchedUntil: at(61), coveredFrom: at(0) });
  });

  test('a DIFF tail keeps the cached period it was fetched from', () => {
    const merged = mergeFetch(
      entry(),
      { kind: 'parts', tail: { window: win(54, 61), keepFrom: at(55) } },
      { tail: { series: [{ label: '', points: points(55, 61, () => -1) }], components: {} } },
      60,
      at(56),
    )!;
    expect(merged.series[0]!.points.find((p) => p.t === at(54))?.v).toBe(54);
    expect(merged.series[0]!.points.find((p) => p.t === at(55))?.v).toBe(-1);
  });

  test('a head is put before the cached points', () => {
    const merged = mergeFetch(
      entry(),
      { kind: 'parts', head: { window: win(-10, 0), keepFrom: at(-10) } },
      { head: { series: [{ label: '', points: points(-10, 0) }], components: {} } },
      60,
      at(55),
    )!;
    expect(merged.series[0]!.points).toEqual(points(-10, 60));
    expect(merged.coveredFrom).toBe(at(-10));
  });

  test('series that do not line up with the cached ones give no entry', () => {
    const decision: FetchDecision = { kind: 'parts', tail: { window: win(55, 61), keepFrom: at(55) } };
    const other = { series: [{ label: 'Upper', points: [] }], components: {} };
    expect(mergeFetch(entry(), decision, { tail: other }, 60, at(56))).toBeUndefined();
    const two = {
      series: [
        { label: '', points: [] },
        { label: '', points: [] },
      ],
      components: {},
    };
    expect(mergeFetch(entry(), decision, { tail: two }, 60, at(56))).toBeUndefined();
  });

  test('components are merged by name', () => {
    const withComponents = entry({
      components: { ok: { label: 'PaymentsSucceeded', points: points(0, 60) } },
    });
    const merged = mergeFetch(
      withComponents,
      { kind: 'parts', tail: { window: win(55, 61), keepFrom: at(55) } },
      {
        tail: {
          series: [{ label: '', points: points(55, 61) }],
          components: { ok: { label: 'PaymentsSucceeded', points: points(55, 61, () => 0) } },
        },
      },
      60,
      at(56),
    )!;
    expect(merged.components.ok!.points).toHaveLength(61);
    expect(merged.components.ok!.points.at(-1)).toEqual({ t: at(60), v: 0 });
  });
});

describe('serveEntry: a window as a fetch of it would answer', () => {
  test('the points inside the window', () => {
    expect(serveEntry(entry(), win(10, 20), 'pointwise')?.series[0]?.points).toEqual(points(10, 20));
  });

  test('DIFF: a window starting after the entry has no value at its first period', () => {
    expect(serveEntry(entry(), win(10, 20), 'lookback')?.series[0]?.points).toEqual(points(11, 20));
    expect(serveEntry(entry(), win(0, 20), 'lookback')?.series[0]?.points).toEqual(points(0, 20));
  });

  test('nothing when the window starts before the entry', () => {
    expect(serveEntry(entry(), win(-1, 20), 'pointwise')).toBeUndefined();
  });
});

describe('pruneEntry: an entry keeps only what recent refreshes asked for', () => {
  test('points older than every recent window start go', () => {
    let pruned = entry();
    for (let i = 0; i < HORIZON_REFRESHES + 2; i++) pruned = pruneEntry(pruned, at(i));
    expect(pruned.coveredFrom).toBe(at(2));
    expect(pruned.series[0]!.points[0]!.t).toBe(at(2));
    expect(pruned.horizons).toHaveLength(HORIZON_REFRESHES);
  });

  test('a longer window asked recently keeps its points', () => {
    const pruned = pruneEntry(pruneEntry(entry(), at(0)), at(30));
    expect(pruned.coveredFrom).toBe(at(0));
  });
});

describe('the store', () => {
  test('keeps at most maxEntries, dropping the least recently used', () => {
    const store = createSeriesCacheStore(2);
    store.set('a', entry());
    store.set('b', entry());
    store.get('a');
    store.set('c', entry());
    expect([...store.entries()].map(([key]) => key)).toEqual(['a', 'c']);
    expect(store.size()).toBe(2);
  });
});
