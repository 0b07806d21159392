import type { Series, TimeWindow } from '../domain/series';
import { groupRequests, pinnedRequest, uniqueByRef } from './cache-groups';
import { addUnique } from './cloudwatch/messages';
import type {
  CloudWatchMessage,
  FetchReport,
  MetricsSource,
  SeriesRequest,
  SeriesResult,
  SourceStats,
} from './metrics-source';
import {
  completeBoundary,
  createSeriesCacheStore,
  decideFetch,
  entryPoints,
  type FetchDecision,
  type FetchedPart,
  mergeFetch,
  pruneEntry,
  type SeriesCacheStore,
  serveEntry,
} from './series-cache';

export interface SeriesCacheOptions {
  now?: () => number;
  /**
   * Seconds after a period ends before its datapoint is taken as final and never asked again. AWS
   * documents no delivery delay for current datapoints; its PutMetricData reference says only that
   * datapoints timestamped 3–24 hours in the past can take up to 2 hours to become readable (and older
   * ones 48 hours), which is back-filling, not live publishing. 5 minutes covers the 1–2 minutes usually
   * seen for 1-minute metrics with room; raise it for metrics published late (basic-monitoring EC2,
   * batch jobs, back-filled custom metrics).
   */
  lateDataSeconds?: number;
  /** Entries kept (one per query, region and period); the least recently used go first. */
  maxEntries?: number;
  /** Who the credentials belong to; when it changes the cache is emptied, since the account may differ. */
  identity?: () => string;
}

export const DEFAULT_LATE_DATA_SECONDS = 300;
const DEFAULT_MAX_ENTRIES = 2000;
/**
 * Spans kept per query and period: a view and a window that does not touch it (the drill-down's comparison
 * with the day before, next to the board's last hours) each keep their entry instead of pushing the other
 * out at every refresh. A third span takes the place of the one that reaches least far forward.
 */
const SPANS_PER_QUERY = 2;

/** A MetricsSource that asks CloudWatch only for what its series cache cannot answer. */
export interface CachedSource extends MetricsSource {
  stats(): SourceStats;
}

interface Sent {
  ref: string;
  request: SeriesRequest;
}

const SELF = '';

/**
 * Wraps a source with a series cache per (region, account, query, period): a steady-state refresh asks
 * only for the periods that can have changed since the last one and merges them in, and a series with
 * no new complete period is not asked at all. Only queries whose values can be computed period by
 * period are cached (src/data/cloudwatch/incremental.ts); the others pass through whole.
 */
export function withSeriesCache(source: MetricsSource, options: SeriesCacheOptions = {}): CachedSource {
  const clock = options.now ?? Date.now;
  const late = options.lateDataSeconds ?? DEFAULT_LATE_DATA_SECONDS;
  const store = createSeriesCacheStore(options.maxEntries ?? DEFAULT_MAX_ENTRIES);
  let identity = options.identity?.();
  const totals = { fetches: 0, calls: 0, queries: 0, metrics: 0, fetchedPoints: 0, cachedPoints: 0 };

  const send = async (sent: Sent[], now: number, signal?: AbortSignal): Promise<FetchReport> => {
    if (sent.length === 0) return { results: {}, calls: 0, fetchedAt: now };
    const report = await source.fetchSeries(
      sent.map((s) => s.request),
      signal,
    );
    totals.calls += report.calls;
    totals.queries += report.queries ?? 0;
    totals.metrics += report.metrics ?? 0;
    return report;
  };

  return {
    async fetchSeries(requests: SeriesRequest[], signal?: AbortSignal): Promise<FetchReport> {
      const now = clock();
      const current = options.identity?.();
      if (current !== identity) {
        store.clear();
        identity = current;
      }
      totals.fetches += 1;
      const unique = uniqueByRef(requests);
      const { groups, passThrough } = groupRequests(unique, now);

      const sent: Sent[] = [];
      const sendAs = (request: SeriesRequest): string => {
        const ref = `\u0000${sent.length}`;
        sent.push({ ref, request: { ...request, ref } });
        return ref;
      };
      const passRefs = new Map(passThrough.map((r) => [r.ref, sendAs(r)]));
      const taken = new Set<string>();
      const decisions = groups.map((group) => {
        const slot = spanSlot(store, group.key, group.union, taken);
        if (slot !== undefined) taken.add(slot);
        const entry = slot === undefined ? undefined : store.get(slot);
        const held = entry !== undefined && Object.keys(entry.components).length > 0;
        // Components once fetched keep being fetched, so the entry's parts stay alike.
        if (held) group.includeComponents = true;
        const boundary = completeBoundary(now, group.period, late);
        const lacksComponents =
          entry !== undefined &&
          !held &&
          group.includeComponents &&
          group.query.kind === 'math' &&
          Object.keys(group.query.metrics).length > 0;
        const decision: FetchDecision = lacksComponents
          ? { kind: 'whole', window: group.union }
          : decideFetch(entry, group.union, group.mode, boundary);
        const refs: Partial<Record<'whole' | 'head' | 'tail', string>> = {};
        const part = (window: TimeWindow): string => sendAs(pinnedRequest(group, window));
        if (decision.kind === 'whole') refs.whole = part(decision.window);
        if (decision.kind === 'parts') {
          if (decision.head) refs.head = part(decision.head.window);
          if (decision.tail) refs.tail = part(decision.tail.window);
        }
        return { group, slot, entry, boundary, decision, refs };
      });

      const report = await send(sent, now, signal);
      const results: Record<string, SeriesResult> = {};
      const counts = { fetchedPoints: 0, cachedPoints: 0, cachedRequests: 0 };
      for (const { ref } of sent) {
        const result = report.results[ref];
        if (result) counts.fetchedPoints += resultPoints(result);
      }
      for (const request of passThrough) {
        const ref = passRefs.get(request.ref)!;
        const result = report.results[ref];
        if (result) results[request.ref] = relabel(result, ref, request.ref);
      }

      const retry: { request: SeriesRequest; notes: string[] }[] = [];
      for (const { group, slot, entry, boundary, decision, refs } of decisions) {
        const got = (['whole', 'head', 'tail'] as const).flatMap((part) => {
          const ref = refs[part];
          const result = ref === undefined ? undefined : report.results[ref];
          return result && ref !== undefined ? [{ part, ref, result }] : [];
        });
        const failed = got.find(({ result }) => result.error !== undefined || !result.complete);
        const next =
          decision.kind === 'cached'
            ? entry
            : mergeFetch(
                entry,
                decision,
                Object.fromEntries(got.map(({ part, ref, result }) => [part, toPart(result, ref)])),
                group.period,
                boundary,
              );
        if (next && !failed) {
          // Another fetch may have stored this key meanwhile; its entry is as new as this one.
          if (slot !== undefined && store.peek(slot) === entry) {
            store.set(slot, pruneEntry(next, group.union.start));
          }
        } else if (!next && !failed && entry && slot !== undefined) {
          store.delete(slot);
        }

        const fresh = freshSpans(decision);
        for (const { request, window } of group.asks) {
          const served = next ? serveEntry(next, window, group.mode) : undefined;
          if (!served && failed) {
            results[request.ref] = withNotes(relabel(failed.result, failed.ref, request.ref), group.notes);
            continue;
          }
          if (!served) {
            retry.push({ request: pinnedRequest(group, window, request.ref), notes: group.notes });
            continue;
          }
          const result = servedResult(
            request.ref,
            group.period,
            request.includeComponents ? served : { ...served, components: {} },
            got,
            group.notes,
          );
          results[request.ref] = result;
          if (got.length === 0) counts.cachedRequests += 1;
          counts.cachedPoints += resultPoints(result, (t) => !fresh.some((s) => t >= s.start && t < s.end));
        }
      }

      let { calls, queries = 0, metrics = 0, bytes = 0 } = report;
      if (retry.length > 0) {
        // Served exactly only by a fetch of its own window (see serveEntry): asked as it is, not cached.
        const second = await send(
          retry.map(({ request }) => ({ ref: request.ref, request })),
          now,
          signal,
        );
        calls += second.calls;
        queries += second.queries ?? 0;
        metrics += second.metrics ?? 0;
        bytes += second.bytes ?? 0;
        for (const { request, notes } of retry) {
          const result = second.results[request.ref];
          if (!result) continue;
          results[request.ref] = withNotes(result, notes);
          counts.fetchedPoints += resultPoints(result);
        }
      }

      totals.fetchedPoints += counts.fetchedPoints;
      totals.cachedPoints += counts.cachedPoints;
      return { results, calls, queries, metrics, bytes, fetchedAt: now, cache: counts };
    },

    describeAlarms: (region, names, signal) => source.describeAlarms(region, names, signal),

    stats(): SourceStats {
      let cachePoints = 0;
      for (const [, entry] of store.entries()) cachePoints += entryPoints(entry);
      return { ...totals, cacheEntries: store.size(), cachePoints };
    },
  };
}

/**
 * Where a group's entry lives: the span of its query that its window overlaps or touches, else a free
 * span, else the span that reaches least far forward (the one the views have moved away from).
 */
function spanSlot(
  store: SeriesCacheStore,
  key: string,
  window: TimeWindow,
  taken: Set<string>,
): string | undefined {
  let free: string | undefined;
  let stalest: { slot: string; until: number } | undefined;
  for (let i = 0; i < SPANS_PER_QUERY; i++) {
    const slot = i === 0 ? key : `${key}\u0000${i}`;
    if (taken.has(slot)) continue;
    const entry = store.peek(slot);
    if (!entry) {
      free ??= slot;
      continue;
    }
    if (window.start <= entry.fetchedUntil && window.end >= entry.coveredFrom) return slot;
    if (!stalest || entry.fetchedUntil < stalest.until) stalest = { slot, until: entry.fetchedUntil };
  }
  // More spans of one query in one fetch than are kept: the extra ones are fetched whole and not kept.
  return free ?? stalest?.slot;
}

/**
 * A request's answer from the cache entry: its status and messages are those of what this refresh
 * fetched (none when nothing was), its notes the planner's for its whole window.
 */
function servedResult(
  ref: string,
  period: number,
  served: FetchedPart,
  got: { result: SeriesResult }[],
  notes: string[],
): SeriesResult {
  const messages: CloudWatchMessage[] = [];
  for (const { result } of got) addUnique(messages, result.messages);
  const error = got.find(({ result }) => result.error !== undefined)?.result.error;
  return {
    ref,
    series: served.series.map((s) => ({ label: s.label === SELF ? ref : s.label, points: s.points })),
    components: served.components,
    period,
    complete: got.every(({ result }) => result.complete),
    messages,
    ...(notes.length > 0 ? { notes: [...notes] } : {}),
    ...(error ? { error } : {}),
  };
}

/** The fetched series with the sent ref (CloudWatch's label for an unlabelled expression) as SELF. */
function toPart(result: SeriesResult, sentRef: string): FetchedPart {
  return {
    series: result.series.map((s) => ({ label: s.label === sentRef ? SELF : s.label, points: s.points })),
    components: result.components,
  };
}

function relabel(result: SeriesResult, sentRef: string, ref: string): SeriesResult {
  return {
    ...result,
    ref,
    series: result.series.map((s: Series) => (s.label === sentRef ? { ...s, label: ref } : s)),
  };
}

function withNotes(result: SeriesResult, notes: string[]): SeriesResult {
  if (notes.length === 0) return result;
  const merged = [...(result.notes ?? [])];
  for (const note of notes) if (!merged.includes(note)) merged.push(note);
  return { ...result, notes: merged };
}

/** Datapoints of a result (those at times `counted`, when given). */
function resultPoints(result: SeriesResult, counted?: (t: number) => boolean): number {
  const all = [...result.series, ...Object.values(result.components)];
  return all.reduce(
    (n, s) => n + (counted ? s.points.filter((p) => counted(p.t)).length : s.points.length),
    0,
  );
}

/** The spans whose points a decision fetched anew. */
function freshSpans(decision: FetchDecision): TimeWindow[] {
  if (decision.kind === 'whole') return [decision.window];
  if (decision.kind === 'cached') return [];
  return [decision.head, decision.tail].flatMap((part) =>
    part ? [{ start: part.keepFrom, end: part.window.end }] : [],
  );
}
