import { describe, expect, test } from 'vitest';
import type { FetchContext, MetricsSource, SeriesRequest } from '../metrics-source';
import type { Snapshot } from './snapshot-format';
import { parseSnapshot, snapshotKey, variablesKey } from './snapshot-format';
import { createSnapshotSource, type SnapshotFetch } from './snapshot-source';

const T = Date.UTC(2026, 11, 1, 12, 0, 0);
const HOUR = 3_600_000;
const context: FetchContext = { dashboardId: 'checkout', variables: { env: 'prod' } };

function request(ref: string, end = T, hours = 6): SeriesRequest {
  return {
    ref,
    query: { kind: 'metric', metric: { namespace: 'Shop', name: 'Orders', dimensions: {}, stat: 'Sum' } },
    region: 'us-east-1',
    window: { start: end - hours * HOUR, end },
    period: 60,
  };
}

function snapshot(extra: Partial<Snapshot> = {}): Snapshot {
  const requests = [request('orders'), request('orders#band')];
  const result = (ref: string) => ({
    ref,
    series: [{ label: ref, points: [{ t: T - 60_000, v: 42 }] }],
    components: {},
    period: 60,
    complete: true,
    messages: [],
  });
  return {
    schema: 1,
    dashboard: { id: 'checkout', file: 'checkout.yaml', hash: 'ab', region: 'us-east-1', refresh: 60 },
    variables: { env: 'prod' },
    range: 'now-6h',
    window: { start: T - 6 * HOUR, end: T },
    now: T,
    fetchedAt: T,
    attemptedAt: T,
    requests,
    results: { orders: result('orders'), 'orders#band': result('orders#band') },
    alarms: {
      names: { 'us-east-1': ['high'] },
      states: [
        { name: 'high', state: 'ALARM', reason: 'x', updatedAt: T },
        { name: 'other', state: 'OK', reason: 'y', updatedAt: T },
      ],
    },
    usage: { calls: 1, queries: 2, metrics: 2, fetchedPoints: 2, cachedPoints: 0 },
    ...extra,
  };
}

function site(files: Record<string, string | number>) {
  const gets: { url: string; headers?: Record<string, string>; cache?: RequestCache }[] = [];
  const fetch: SnapshotFetch = async (url, init) => {
    gets.push({
      url,
      ...(init.headers ? { headers: init.headers } : {}),
      ...(init.cache ? { cache: init.cache } : {}),
    });
    const file = files[url];
    if (file === undefined) return new Response('<!doctype html><title>app</title>', { status: 200 });
    return typeof file === 'number' ? new Response('', { status: file }) : new Response(file);
  };
  return { fetch, gets };
}

const URL_OF = '/snapshots/checkout/env=prod.json';

describe('the snapshot source', () => {
  test('answers a screen from its dashboard snapshot, relayed as of the relay instant', async () => {
    const { fetch, gets } = site({ [URL_OF]: JSON.stringify(snapshot()) });
    const source = createSnapshotSource({ baseUrl: '/snapshots/', fetch, now: () => T + 30_000 });
    const report = await source.fetchSeries([request('orders', T + 30_000)], undefined, context);
    expect(Object.keys(report.results)).toEqual(['orders', 'orders#band']);
    expect(report.relayed).toEqual({ now: T, fetchedAt: T });
    expect(report.calls).toBe(0);
    const alarms = await source.describeAlarms('us-east-1', ['high'], undefined, context);
    expect(alarms.map((a) => a.name)).toEqual(['high']);
    // One GET for the refresh's series and alarms, revalidated with the site (no browser cache).
    expect(gets).toEqual([{ url: URL_OF, cache: 'no-cache' }]);
  });

  test('a snapshot older than two of its intervals is served, with why it is stale', async () => {
    const { fetch } = site({ [URL_OF]: JSON.stringify(snapshot()) });
    const source = createSnapshotSource({ baseUrl: '/snapshots/', fetch, now: () => T + 5 * 60_000 });
    const report = await source.fetchSeries([request('orders', T + 5 * 60_000)], undefined, context);
    expect(report.relayed).toEqual({
      now: T,
      fetchedAt: T,
      fault: { message: 'The relay has written no snapshot for 5 min: it may have stopped', since: T },
    });
  });

  test("the relay's own fault reaches the screen beside the last good series", async () => {
    const fault = { code: 'Throttling', message: 'CloudWatch is throttling requests', since: T + 60_000 };
    const { fetch } = site({ [URL_OF]: JSON.stringify(snapshot({ fault, attemptedAt: T + 60_000 })) });
    const source = createSnapshotSource({ baseUrl: '/snapshots/', fetch, now: () => T + 70_000 });
    const report = await source.fetchSeries([request('orders', T + 70_000)], undefined, context);
    expect(report.results.orders?.series[0]?.points).toEqual([{ t: T - 60_000, v: 42 }]);
    expect(report.relayed?.fault).toEqual({
      message: 'The relay is failing: CloudWatch is throttling requests',
      since: T + 60_000,
    });
  });

  test('a relay that has never fetched, a refused screen key and a foreign file are errors in words', async () => {
    const never = snapshot({ fetchedAt: 0, fault: { code: 'ExpiredToken', message: 'expired', since: T } });
    const { fetch, gets } = site({
      [URL_OF]: JSON.stringify(never),
      '/snapshots/platform/default.json': 403,
      '/snapshots/other/default.json': '{"hello":1}',
    });
    const source = createSnapshotSource({
      baseUrl: '/snapshots/',
      fetch,
      now: () => T,
      screenKey: () => 'k'.repeat(40),
    });
    await expect(source.fetchSeries([request('orders')], undefined, context)).rejects.toThrow(
      'The relay has not fetched this dashboard yet: expired',
    );
    await expect(
      source.fetchSeries([request('orders')], undefined, { dashboardId: 'platform', variables: {} }),
    ).rejects.toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('HTTP 403') });
    await expect(
      source.fetchSeries([request('orders')], undefined, { dashboardId: 'other', variables: {} }),
    ).rejects.toThrow('is not a relay snapshot');
    expect(gets[0]?.headers).toEqual({ 'X-Bellwether-Screen-Key': 'k'.repeat(40) });
  });

  test('a view the relay does not publish goes to the fallback, or says it needs a direct connection', async () => {
    const { fetch } = site({ [URL_OF]: JSON.stringify(snapshot()) });
    const asked: SeriesRequest[][] = [];
    const fallback: MetricsSource = {
      fetchSeries: async (requests) => {
        asked.push(requests);
        return { results: {}, calls: 3, fetchedAt: T };
      },
      describeAlarms: async () => [],
    };
    const bare = createSnapshotSource({ baseUrl: '/snapshots/', fetch, now: () => T });
    const backed = createSnapshotSource({ baseUrl: '/snapshots/', fetch, now: () => T, fallback });
    const past = request('orders', T - 24 * HOUR);
    const wider = request('orders', T, 24);
    const staging = { dashboardId: 'checkout', variables: { env: 'staging' } };
    for (const [requests, ctx] of [
      [[past]],
      [[wider]],
      [[request('orders')], staging],
      [[request('orders')]],
    ] as const) {
      await expect(bare.fetchSeries([...requests], undefined, ctx)).rejects.toThrow(
        /This view needs a direct connection to CloudWatch/,
      );
      await backed.fetchSeries([...requests], undefined, ctx);
    }
    expect(asked.map((list) => list.map((r) => r.window.end - r.window.start))).toEqual([
      [6 * HOUR],
      [24 * HOUR],
      [6 * HOUR],
      [6 * HOUR],
    ]);
    await expect(bare.describeAlarms('us-east-1', ['not-published'], undefined, context)).rejects.toThrow(
      /needs a direct connection/,
    );
  });

  test('a KPI newer than the snapshot waits for the relay; the others are served', async () => {
    const { fetch } = site({ [URL_OF]: JSON.stringify(snapshot()) });
    const source = createSnapshotSource({ baseUrl: '/snapshots/', fetch, now: () => T });
    const report = await source.fetchSeries([request('orders'), request('refunds')], undefined, context);
    expect(report.results.orders?.error).toBeUndefined();
    expect(report.results.refunds?.error?.code).toBe('NotRelayedYet');
  });
});

describe('snapshot keys', () => {
  test('name a dashboard and its variable values as a file', () => {
    expect(snapshotKey('checkout', { env: 'prod', region: 'eu west/1' })).toBe(
      'checkout/env=prod,region=eu%20west%2F1.json',
    );
    expect(variablesKey({})).toBe('default');
    expect(parseSnapshot('{"schema":2}')).toBeUndefined();
    expect(parseSnapshot(JSON.stringify(snapshot()))?.dashboard.id).toBe('checkout');
  });
});
