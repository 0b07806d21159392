import type { Point, Series, TimeWindow } from '../domain/series';

/**
 * The series cache of incremental refresh, as plain data and pure functions: what one query at one
 * period is known to be, and which part of a window must be fetched again. No clock is read here and
 * nothing is fetched; src/data/cached-source.ts does both.
 *
 * Times are epoch ms aligned to the entry's period. An entry holds every series of the answer (a math
 * array or an anomaly band has several) and the math components when they were asked for.
 */
export interface SeriesCacheEntry {
  /** Seconds. */
  period: number;
  /**
   * Series in CloudWatch's order. A label of '' stands for the asking request's ref, which CloudWatch
   * uses when an expression has no label of its own.
   */
  series: Series[];
  components: Record<string, Series>;
  /** Oldest instant fetched (and not pruned since). */
  coveredFrom: number;
  /**
   * End of the newest period that was complete and older than the late-data allowance when fetched:
   * everything before it is final, everything from it on is fetched again when a new period is due.
   */
  completeUntil: number;
  /** End of the newest fetch; the periods in [completeUntil, fetchedUntil) were still filling. */
  fetchedUntil: number;
  /**
   * Start of the window the oldest points were computed over. For DIFF-like queries the first point of a
   * window has no value (nothing precedes it), so this says which cached point that is.
   */
  origin: number;
  /** Oldest window start asked for in each of the last refreshes that used this entry, newest last. */
  horizons: number[];
}

/** How values depend on the window: see src/data/cloudwatch/incremental.ts. */
export type CacheMode = 'pointwise' | 'lookback';

/** One fetch the cache needs: `window` is sent, points from `keepFrom` on are kept. */
export interface PartFetch {
  window: TimeWindow;
  keepFrom: number;
}

export type FetchDecision =
  /** Nothing can have changed: serve from the entry. */
  | { kind: 'cached' }
  /** No usable entry: fetch the whole window and start a new one. */
  | { kind: 'whole'; window: TimeWindow }
  /** Fetch the missing oldest part, the periods that can have changed, or both. */
  | { kind: 'parts'; head?: PartFetch; tail?: PartFetch };

/** Refreshes whose oldest window start keeps points from being pruned. */
export const HORIZON_REFRESHES = 8;

/** The end of the newest period that is complete and older than the allowance: floor((now − late) / period). */
export function completeBoundary(now: number, period: number, lateDataSeconds: number): number {
  const step = period * 1000;
  return Math.floor((now - lateDataSeconds * 1000) / step) * step;
}

/**
 * What to fetch for `window` (aligned to the entry's period) given the entry, or undefined entry:
 * - no entry, a window that does not touch the cached span, or an entry whose complete part ends before
 *   the window starts → the whole window;
 * - a window older than the cache → its missing head (for lookback queries: the whole window, since the
 *   first cached point would need its predecessor);
 * - a newer complete period since the last fetch → the tail from completeUntil (lookback: one period
 *   earlier, kept from completeUntil, when the cache holds the datapoint that period's value needs);
 * - otherwise → nothing: even the newest, still filling periods are served from the cache until a new
 *   period can have completed (so a 1-hour series is asked for once an hour).
 */
export function decideFetch(
  entry: SeriesCacheEntry | undefined,
  window: TimeWindow,
  mode: CacheMode,
  boundary: number,
): FetchDecision {
  const whole: FetchDecision = { kind: 'whole', window };
  if (!entry) return whole;
  const step = entry.period * 1000;
  if (window.end <= entry.coveredFrom || window.start >= entry.fetchedUntil) return whole;
  if (entry.completeUntil <= window.start) return whole;
  if (window.start < entry.coveredFrom && mode === 'lookback') return whole;
  if (mode === 'lookback' && window.start > entry.origin && !everyHasPointAt(entry, window.start))
    return whole;

  const head =
    window.start < entry.coveredFrom
      ? { window: { start: window.start, end: entry.coveredFrom }, keepFrom: window.start }
      : undefined;
  const due = window.end > entry.completeUntil && boundary > entry.completeUntil;
  let tail: PartFetch | undefined;
  if (due) {
    const from = entry.completeUntil;
    if (mode === 'lookback') {
      const before = from - step;
      if (before < entry.coveredFrom || !everyHasPointAt(entry, before)) return whole;
      tail = { window: { start: before, end: window.end }, keepFrom: from };
    } else {
      tail = { window: { start: from, end: window.end }, keepFrom: from };
    }
  }
  if (!head && !tail) return { kind: 'cached' };
  return { kind: 'parts', ...(head ? { head } : {}), ...(tail ? { tail } : {}) };
}

/** What a fetch of one part brought back, labels normalised as in SeriesCacheEntry. */
export interface FetchedPart {
  series: Series[];
  components: Record<string, Series>;
}

/**
 * The entry after a fetch: a whole fetch starts a new entry; parts replace the cached points from their
 * `keepFrom` to their end. Returns undefined when the fetched series do not line up with the cached ones
 * (other labels, another count), in which case the caller fetches the whole window instead.
 */
export function mergeFetch(
  entry: SeriesCacheEntry | undefined,
  decision: Exclude<FetchDecision, { kind: 'cached' }>,
  fetched: { whole?: FetchedPart; head?: FetchedPart; tail?: FetchedPart },
  period: number,
  boundary: number,
): SeriesCacheEntry | undefined {
  if (decision.kind === 'whole') {
    const part = fetched.whole;
    if (!part) return undefined;
    const { window } = decision;
    return {
      period,
      series: part.series.map((s) => ({
        label: s.label,
        points: within(s.points, window.start, window.end),
      })),
      components: mapValues(part.components, (s) => ({
        label: s.label,
        points: within(s.points, window.start, window.end),
      })),
      coveredFrom: window.start,
      completeUntil: clamp(boundary, window.start, window.end),
      fetchedUntil: window.end,
      origin: window.start,
      horizons: [],
    };
  }
  if (!entry) return undefined;
  let next: SeriesCacheEntry = entry;
  for (const [part, got] of [
    [decision.head, fetched.head],
    [decision.tail, fetched.tail],
  ] as const) {
    if (!part) continue;
    if (!got) return undefined;
    const merged = mergePart(next, part, got);
    if (!merged) return undefined;
    next = merged;
  }
  if (decision.tail) {
    const end = decision.tail.window.end;
    next = {
      ...next,
      completeUntil: Math.max(next.completeUntil, clamp(boundary, decision.tail.keepFrom, end)),
      fetchedUntil: Math.max(next.fetchedUntil, end),
    };
  }
  return next;
}

function mergePart(entry: SeriesCacheEntry, part: PartFetch, got: FetchedPart): SeriesCacheEntry | undefined {
  if (!sameLabels(entry.series, got.series)) return undefined;
  const names = Object.keys(entry.components);
  const gotNames = Object.keys(got.components);
  if (names.length !== gotNames.length || names.some((n) => !(n in got.components))) return undefined;
  const splice = (cached: Point[], fresh: Point[]): Point[] => [
    ...cached.filter((p) => p.t < part.keepFrom),
    ...within(fresh, part.keepFrom, part.window.end),
    ...cached.filter((p) => p.t >= part.window.end),
  ];
  return {
    ...entry,
    series: entry.series.map((s, i) => ({ label: s.label, points: splice(s.points, got.series[i]!.points) })),
    components: mapValues(entry.components, (s, name) => ({
      label: s.label,
      points: splice(s.points, got.components[name]!.points),
    })),
    coveredFrom: Math.min(entry.coveredFrom, part.keepFrom),
  };
}

/** What the entry says for a window, or undefined when it cannot say it exactly as a fetch would. */
export function serveEntry(
  entry: SeriesCacheEntry,
  window: TimeWindow,
  mode: CacheMode,
): FetchedPart | undefined {
  if (window.start < entry.coveredFrom) return undefined;
  // A fetch of this window would have no value at its first datapoint, which nothing in it precedes.
  const dropFirst = mode === 'lookback' && window.start > entry.origin;
  if (dropFirst && !everyHasPointAt(entry, window.start)) return undefined;
  const from = dropFirst ? window.start + 1 : window.start;
  return {
    series: entry.series.map((s) => ({ label: s.label, points: within(s.points, from, window.end) })),
    components: mapValues(entry.components, (s) => ({
      label: s.label,
      points: within(s.points, window.start, window.end),
    })),
  };
}

/**
 * Records the oldest window start of this refresh and drops the points older than every window asked
 * for in the last HORIZON_REFRESHES refreshes, so an entry of a sliding window stays the window's size.
 */
export function pruneEntry(entry: SeriesCacheEntry, oldestAsked: number): SeriesCacheEntry {
  const horizons = [...entry.horizons, oldestAsked].slice(-HORIZON_REFRESHES);
  const horizon = Math.min(...horizons);
  if (horizon <= entry.coveredFrom) return { ...entry, horizons };
  return {
    ...entry,
    series: entry.series.map((s) => ({ label: s.label, points: within(s.points, horizon, Infinity) })),
    components: mapValues(entry.components, (s) => ({
      label: s.label,
      points: within(s.points, horizon, Infinity),
    })),
    coveredFrom: Math.min(horizon, entry.fetchedUntil),
    horizons,
  };
}

/** Datapoints held by an entry, for the bench and the memory bound. */
export function entryPoints(entry: SeriesCacheEntry): number {
  return (
    entry.series.reduce((n, s) => n + s.points.length, 0) +
    Object.values(entry.components).reduce((n, s) => n + s.points.length, 0)
  );
}

/** A bounded map of entries, least recently used first out. */
export interface SeriesCacheStore {
  get(key: string): SeriesCacheEntry | undefined;
  /** The entry without making it the most recent. */
  peek(key: string): SeriesCacheEntry | undefined;
  set(key: string, entry: SeriesCacheEntry): void;
  delete(key: string): void;
  clear(): void;
  size(): number;
  entries(): IterableIterator<[string, SeriesCacheEntry]>;
}

/** An LRU store of at most `maxEntries` entries: a read or a write makes an entry the most recent. */
export function createSeriesCacheStore(maxEntries: number): SeriesCacheStore {
  const map = new Map<string, SeriesCacheEntry>();
  return {
    get(key) {
      const entry = map.get(key);
      if (entry) {
        map.delete(key);
        map.set(key, entry);
      }
      return entry;
    },
    set(key, entry) {
      map.delete(key);
      map.set(key, entry);
      while (map.size > maxEntries) {
        const oldest = map.keys().next().value;
        if (oldest === undefined) break;
        map.delete(oldest);
      }
    },
    peek: (key) => map.get(key),
    delete: (key) => void map.delete(key),
    clear: () => map.clear(),
    size: () => map.size,
    entries: () => map.entries(),
  };
}

function everyHasPointAt(entry: SeriesCacheEntry, t: number): boolean {
  return entry.series.length > 0 && entry.series.every((s) => hasPointAt(s.points, t));
}

function hasPointAt(points: Point[], t: number): boolean {
  let lo = 0;
  let hi = points.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = points[mid]!.t;
    if (v === t) return true;
    if (v < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function sameLabels(a: Series[], b: Series[]): boolean {
  return a.length === b.length && a.every((s, i) => s.label === b[i]!.label);
}

/** Points with start ≤ t < end, as a new array. */
function within(points: Point[], start: number, end: number): Point[] {
  return points.filter((p) => p.t >= start && p.t < end);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function mapValues<T, U>(record: Record<string, T>, f: (value: T, key: string) => U): Record<string, U> {
  const out: Record<string, U> = {};
  for (const [key, value] of Object.entries(record)) out[key] = f(value, key);
  return out;
}
