import { groupRequests } from '../data/cache-groups';
import { errorResult } from '../data/cloudwatch/results';
import type { MetricsSource, SeriesRequest, SeriesResult } from '../data/metrics-source';
import type { Snapshot } from '../data/snapshot/snapshot-format';
import type { Point, Series } from '../domain/series';

/** What a snapshot knows of one cache key: the union of its asks' windows and their series, by ask ref. */
interface Known {
  start: number;
  end: number;
  results: { ref: string; result: SeriesResult }[];
  usable: boolean;
}

/**
 * A source that answers the series cache's requests from a snapshot instead of CloudWatch, so a fresh
 * cache (src/data/cached-source.ts) can be filled with what the snapshot holds by replaying the
 * snapshot's own requests at the snapshot's instant. Requests are matched by the cache's own keys
 * (src/data/cache-groups.ts), so a key is seeded only with series asked exactly that way; anything it
 * cannot answer whole comes back as an error, which the cache never stores.
 */
export function seedFrom(snapshot: Snapshot): MetricsSource {
  const known = new Map<string, Known>();
  const { groups } = groupRequests(snapshot.requests, snapshot.now);
  for (const group of groups) {
    const results = group.asks.map(({ request }) => ({
      ref: request.ref,
      result: snapshot.results[request.ref],
    }));
    known.set(group.key, {
      start: group.union.start,
      end: group.union.end,
      results: results.flatMap(({ ref, result }) => (result ? [{ ref, result }] : [])),
      usable: results.every(({ result }) => result?.complete && result.error === undefined),
    });
  }
  return {
    async fetchSeries(requests) {
      const results: Record<string, SeriesResult> = {};
      for (const request of requests) results[request.ref] = answer(request, known, snapshot.now);
      return { results, calls: 0, queries: 0, metrics: 0, fetchedAt: snapshot.now };
    },
    describeAlarms: async () => [],
  };
}

function answer(request: SeriesRequest, known: Map<string, Known>, now: number): SeriesResult {
  const [group] = groupRequests([request], now).groups;
  const found = group ? known.get(group.key) : undefined;
  const window = request.window;
  if (!found?.usable || window.start < found.start || window.end > found.end) {
    return errorResult(request.ref, request.period ?? 60, {
      code: 'NotInSnapshot',
      message: 'not in the snapshot',
      retryable: true,
    });
  }
  // The asks' series merged, each relabelled as the sent request's own (the cache stores that as "self").
  const series = new Map<string, Map<number, number>>();
  const order: string[] = [];
  const components = new Map<string, Map<number, number>>();
  let period = request.period ?? 60;
  for (const { ref, result } of found.results) {
    period = result.period;
    for (const s of result.series) {
      const label = s.label === ref ? request.ref : s.label;
      if (!series.has(label)) {
        series.set(label, new Map());
        order.push(label);
      }
      addPoints(series.get(label)!, s.points, window);
    }
    for (const [name, s] of Object.entries(result.components)) {
      if (!components.has(name)) components.set(name, new Map());
      addPoints(components.get(name)!, s.points, window);
    }
  }
  return {
    ref: request.ref,
    series: order.map((label) => toSeries(label, series.get(label)!)),
    components: Object.fromEntries([...components].map(([name, points]) => [name, toSeries(name, points)])),
    period,
    complete: true,
    messages: [],
  };
}

function addPoints(
  into: Map<number, number>,
  points: readonly Point[],
  window: { start: number; end: number },
): void {
  for (const p of points) if (p.t >= window.start && p.t < window.end) into.set(p.t, p.v);
}

function toSeries(label: string, points: Map<number, number>): Series {
  return { label, points: [...points].sort((a, b) => a[0] - b[0]).map(([t, v]) => ({ t, v })) };
}
