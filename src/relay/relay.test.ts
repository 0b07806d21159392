import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOW, setupFakeCloudWatch } from '@bellwether/fake-cloudwatch/test-support';
import { describe, expect, test } from 'vitest';
import { buildDashboardRequests } from '../data/kpi-requests';
import type { MetricsSource } from '../data/metrics-source';
import { parseSnapshot, type Snapshot, type SnapshotIndex } from '../data/snapshot/snapshot-format';
import { createMetricsSource } from '../data/source-config';
import { parseDashboard } from '../domain/kpi/parse-dashboard';
import type { KpiQuery } from '../domain/kpi/query-schema';
import type { Kpi } from '../domain/kpi/schema';
import { resolveRange } from '../domain/time/range';
import { toViewRange } from '../domain/time/view-range';
import { createRelayState, type RelayConfig, relayOnce } from './relay';
import { folderStore, type SnapshotStore } from './snapshot-store';

const MINUTE = 60_000;
let clock = NOW;
const fake = setupFakeCloudWatch(() => clock);

const DASHBOARDS = join(import.meta.dirname, '../../public/dashboards');
const loadDashboard = async (file: string): Promise<string> => readFileSync(join(DASHBOARDS, file), 'utf8');
const CONFIG: RelayConfig = { dashboards: [{ file: 'checkout.yaml' }] };

/** CloudWatch as the relay gets it: the app's source without a series cache (the relay keeps its own). */
const direct = (): MetricsSource => createMetricsSource({ kind: 'demo' }, { now: () => clock, cache: false });

function memoryStore(): SnapshotStore & { objects: Map<string, string>; puts: string[] } {
  const objects = new Map<string, string>();
  const puts: string[] = [];
  return {
    objects,
    puts,
    async put(key, body) {
      puts.push(key);
      objects.set(key, body);
    },
    async get(key) {
      return objects.get(key);
    },
  };
}

function read(store: { objects: Map<string, string> }, key = 'checkout/env=prod.json'): Snapshot {
  const text = store.objects.get(key);
  const snapshot = text === undefined ? undefined : parseSnapshot(text);
  if (!snapshot) throw new Error(`no snapshot at ${key}`);
  return snapshot;
}

const getMetricDataCalls = (): number => fake.calls.filter((c) => c.operation === 'GetMetricData').length;

describe('relayOnce', () => {
  test('writes each dashboard and variable set whole, with the series a live fetch of its requests returns', async () => {
    clock = NOW;
    const store = memoryStore();
    const report = await relayOnce({
      config: { dashboards: [{ file: 'checkout.yaml', variables: [{}, { env: 'staging' }] }] },
      loadDashboard,
      source: direct(),
      store,
      now: () => clock,
    });
    expect(report.snapshots.map((s) => [s.key, s.status])).toEqual([
      ['checkout/env=prod.json', 'written'],
      ['checkout/env=staging.json', 'written'],
    ]);
    expect(store.puts).toEqual(['checkout/env=prod.json', 'checkout/env=staging.json', 'index.json']);

    const snapshot = read(store);
    expect(snapshot).toMatchObject({
      schema: 1,
      dashboard: { id: 'checkout', file: 'checkout.yaml', region: 'us-east-1', refresh: 60 },
      variables: { env: 'prod' },
      range: 'now-6h',
      window: { start: NOW - 6 * 60 * MINUTE, end: NOW },
      now: NOW,
      fetchedAt: NOW,
      attemptedAt: NOW,
    });
    expect(snapshot.dashboard.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshot.fault).toBeUndefined();
    expect(snapshot.alarms.names).toEqual({ 'us-east-1': ['checkout-prod-p99-high'] });
    expect(snapshot.alarms.states.map((a) => a.name)).toEqual(['checkout-prod-p99-high']);

    // The same requests the app builds for this view, answered as a live (cached) source answers them.
    const parsed = parseDashboard('checkout.yaml', await loadDashboard('checkout.yaml'));
    if (!parsed.ok) throw new Error('checkout.yaml does not parse');
    const kpis = parsed.dashboard.kpis.flatMap((e): Kpi[] => (e.ok ? [e.kpi] : []));
    const window = resolveRange(toViewRange(undefined, parsed.dashboard.timeRange).range, NOW);
    const requests = buildDashboardRequests(kpis, {
      region: 'us-east-1',
      variables: { env: 'prod' },
      window,
      now: NOW,
    });
    expect(snapshot.requests).toEqual(requests);
    const live = await createMetricsSource({ kind: 'demo' }, { now: () => clock }).fetchSeries(requests);
    expect(snapshot.results).toEqual(live.results);
    expect(Object.values(snapshot.results).some((r) => (r.series[0]?.points.length ?? 0) > 100)).toBe(true);

    const index = JSON.parse(store.objects.get('index.json') ?? '') as SnapshotIndex;
    expect(index.snapshots.map((s) => [s.key, s.fetchedAt])).toEqual([
      ['checkout/env=prod.json', NOW],
      ['checkout/env=staging.json', NOW],
    ]);
    expect(read(store, 'checkout/env=staging.json').alarms.names).toEqual({
      'us-east-1': ['checkout-staging-p99-high'],
    });
  });

  test('refreshes once per interval, asking only for the periods since the last refresh', async () => {
    clock = NOW;
    const store = memoryStore();
    const state = createRelayState();
    const run = () =>
      relayOnce({ config: CONFIG, loadDashboard, source: direct(), store, now: () => clock, state });
    const first = await run();
    const [cold] = first.snapshots;
    expect(cold?.fetchedPoints).toBeGreaterThan(1000);

    clock = NOW + 30_000;
    fake.clearCalls();
    const early = await run();
    expect(early.snapshots[0]?.status).toBe('not-due');
    expect(getMetricDataCalls()).toBe(0);
    expect(read(store).fetchedAt).toBe(NOW);

    clock = NOW + MINUTE;
    const due = await run();
    const [warm] = due.snapshots;
    expect(warm?.status).toBe('written');
    expect(getMetricDataCalls()).toBe(warm?.calls);
    expect(warm?.calls).toBeGreaterThan(0);
    expect(warm?.cachedPoints).toBeGreaterThan(1000);
    expect(warm?.fetchedPoints).toBeLessThan((cold?.fetchedPoints ?? 0) / 10);
    expect(read(store)).toMatchObject({ now: NOW + MINUTE, fetchedAt: NOW + MINUTE });
  });

  test('a cold start seeds its cache from the last snapshot, so it too asks only for new periods', async () => {
    clock = NOW;
    const store = memoryStore();
    await relayOnce({ config: CONFIG, loadDashboard, source: direct(), store, now: () => clock });
    clock = NOW + MINUTE;
    const warmState = createRelayState();
    // A warm process for comparison: seeded the same way, from the same snapshot.
    const seededRun = await relayOnce({
      config: CONFIG,
      loadDashboard,
      source: direct(),
      store: { put: async () => {}, get: store.get },
      now: () => clock,
      state: warmState,
    });
    const unseeded = await relayOnce({
      config: CONFIG,
      loadDashboard,
      source: direct(),
      store: memoryStore(),
      now: () => clock,
    });
    const [seeded] = seededRun.snapshots;
    expect(seeded?.seeded).toBe(true);
    expect(seeded?.cachedPoints).toBeGreaterThan(1000);
    expect(seeded?.fetchedPoints).toBeLessThan((unseeded.snapshots[0]?.fetchedPoints ?? 0) / 10);
    expect(unseeded.snapshots[0]?.seeded).toBeUndefined();
  });

  test('a seeded refresh returns exactly what a refresh without a seed returns', async () => {
    clock = NOW;
    const store = memoryStore();
    await relayOnce({ config: CONFIG, loadDashboard, source: direct(), store, now: () => clock });
    clock = NOW + 5 * MINUTE;
    const seeded = memoryStore();
    seeded.objects.set('checkout/env=prod.json', store.objects.get('checkout/env=prod.json') ?? '');
    await relayOnce({ config: CONFIG, loadDashboard, source: direct(), store: seeded, now: () => clock });
    const fresh = memoryStore();
    await relayOnce({ config: CONFIG, loadDashboard, source: direct(), store: fresh, now: () => clock });
    expect(read(seeded).results).toEqual(read(fresh).results);
  });
});

describe('relay faults keep the last good series and say what went wrong', () => {
  async function primed(): Promise<{
    store: ReturnType<typeof memoryStore>;
    run: () => ReturnType<typeof relayOnce>;
  }> {
    clock = NOW;
    const store = memoryStore();
    const state = createRelayState();
    const run = () =>
      relayOnce({ config: CONFIG, loadDashboard, source: direct(), store, now: () => clock, state });
    await run();
    return { store, run };
  }

  test.each([
    ['throttling', () => fake.faults.throttle(), 'Throttling'],
    ['expired credentials', () => fake.faults.expiredToken(), 'ExpiredToken'],
  ] as const)('%s', async (_name, inject, code) => {
    const { store, run } = await primed();
    const good = read(store);
    inject();
    clock = NOW + MINUTE;
    const failed = await run();
    expect(failed.snapshots[0]).toMatchObject({ status: 'fault', fault: { code, since: NOW + MINUTE } });
    const kept = read(store);
    expect(kept.results).toEqual(good.results);
    expect(kept).toMatchObject({ now: NOW, fetchedAt: NOW, attemptedAt: NOW + MINUTE, fault: { code } });
    expect(kept.alarms.states).toEqual(good.alarms.states);
    expect(kept.alarms.error?.code).toBe(code);

    clock = NOW + 2 * MINUTE;
    await run();
    expect(read(store).fault).toMatchObject({ code, since: NOW + MINUTE });
    const index = JSON.parse(store.objects.get('index.json') ?? '') as SnapshotIndex;
    expect(index.snapshots[0]).toMatchObject({ fetchedAt: NOW, fault: { code } });

    fake.faults.clear();
    clock = NOW + 3 * MINUTE;
    const recovered = await run();
    expect(recovered.snapshots[0]?.status).toBe('written');
    expect(read(store).fault).toBeUndefined();
    expect(read(store).fetchedAt).toBe(NOW + 3 * MINUTE);
  });

  test('a relay that has never fetched writes the fault with no series, fetchedAt 0', async () => {
    clock = NOW;
    fake.faults.throttle();
    const store = memoryStore();
    const report = await relayOnce({
      config: CONFIG,
      loadDashboard,
      source: direct(),
      store,
      now: () => clock,
    });
    expect(report.snapshots[0]?.status).toBe('fault');
    expect(read(store)).toMatchObject({
      fetchedAt: 0,
      results: {},
      fault: { code: 'Throttling', since: NOW },
    });
  });

  test('a failing query keeps its last good series beside its error; the others refresh', async () => {
    const { store } = await primed();
    const good = read(store);
    const failing = 'payment-success-rate';
    const expression = (query: KpiQuery): string | undefined =>
      query.kind === 'math' ? query.expression : undefined;
    const failingRequest = good.requests.find((r) => r.ref === failing);
    const failingExpression = failingRequest ? expression(failingRequest.query) : undefined;
    expect(failingExpression).toBe('100 * succeeded / attempted');
    // One query fails (as a query CloudWatch refuses would); the wrapper sees the cache's own refs.
    const broken: MetricsSource = {
      ...direct(),
      async fetchSeries(requests, signal) {
        const report = await direct().fetchSeries(requests, signal);
        for (const request of requests) {
          if (expression(request.query) !== failingExpression) continue;
          report.results[request.ref] = {
            ref: request.ref,
            series: [],
            components: {},
            period: 60,
            complete: false,
            messages: [],
            error: {
              code: 'InvalidQuery',
              message: 'The metric math expression is not valid',
              retryable: false,
            },
          };
        }
        return report;
      },
    };
    clock = NOW + MINUTE;
    const state = createRelayState();
    const report = await relayOnce({
      config: CONFIG,
      loadDashboard,
      source: broken,
      store,
      now: () => clock,
      state,
    });
    expect(report.snapshots[0]).toMatchObject({ status: 'written', queryErrors: 1 });
    const after = read(store);
    expect(after.fault).toBeUndefined();
    expect(after.fetchedAt).toBe(NOW + MINUTE);
    expect(after.results[failing]?.error?.code).toBe('InvalidQuery');
    expect(after.results[failing]?.series).toEqual(good.results[failing]?.series);
    const other = after.results['orders-per-minute'];
    expect(other?.error).toBeUndefined();
    expect(other?.series[0]?.points.at(-1)?.t).toBeGreaterThan(
      good.results['orders-per-minute']?.series[0]?.points.at(-1)?.t ?? 0,
    );
  });

  test('a dashboard that cannot be read is reported and nothing is written for it', async () => {
    clock = NOW;
    const store = memoryStore();
    const report = await relayOnce({
      config: { dashboards: [{ file: 'missing.yaml' }, { file: 'checkout.yaml' }] },
      loadDashboard,
      source: direct(),
      store,
      now: () => clock,
    });
    expect(report.snapshots.map((s) => s.status)).toEqual(['invalid', 'written']);
    expect(report.snapshots[0]?.message).toContain('missing.yaml could not be read');
    expect([...store.objects.keys()].sort()).toEqual(['checkout/env=prod.json', 'index.json']);
  });
});

describe('folderStore', () => {
  test('writes through a temporary file renamed over the target, and reads what it wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bellwether-relay-'));
    const store = folderStore(dir);
    expect(await store.get('checkout/env=prod.json')).toBeUndefined();
    await store.put('checkout/env=prod.json', '{"n":1}', 'application/json');
    await store.put('checkout/env=prod.json', '{"n":2}', 'application/json');
    expect(await store.get('checkout/env=prod.json')).toBe('{"n":2}');
    expect(readdirSync(join(dir, 'checkout'))).toEqual(['env=prod.json']);
    await expect(store.put('../outside.json', '{}', 'application/json')).rejects.toThrow(/leaves/);
  });

  test('a write that fails leaves the previous snapshot whole and no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bellwether-relay-'));
    const store = folderStore(dir);
    await store.put('a/b.json', 'old', 'application/json');
    // A folder where the file should go: the rename fails after the temporary file was written.
    await store.put('a/c.json/x.json', 'x', 'application/json');
    await expect(store.put('a/c.json', 'new', 'application/json')).rejects.toThrow();
    expect(await store.get('a/b.json')).toBe('old');
    expect(readdirSync(join(dir, 'a')).sort()).toEqual(['b.json', 'c.json']);
  });
});
