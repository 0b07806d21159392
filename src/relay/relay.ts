import { createHash } from 'node:crypto';
import { withSeriesCache } from '../data/cached-source';
import { CloudWatchError } from '../data/cloudwatch/errors';
import { alarmNamesByRegion, buildDashboardRequests } from '../data/kpi-requests';
import type {
  AlarmState,
  FetchReport,
  MetricsSource,
  SeriesRequest,
  SeriesResult,
} from '../data/metrics-source';
import {
  INDEX_KEY,
  parseSnapshot,
  SNAPSHOT_SCHEMA,
  type Snapshot,
  type SnapshotFault,
  type SnapshotIndex,
  snapshotKey,
} from '../data/snapshot/snapshot-format';
import { parseDashboard } from '../domain/kpi/parse-dashboard';
import type { LoadedDashboard } from '../domain/kpi/parse-result';
import type { Kpi } from '../domain/kpi/schema';
import { resolveVariables } from '../domain/kpi/variables';
import { resolveRange } from '../domain/time/range';
import { toViewRange } from '../domain/time/view-range';
import { seedFrom } from './seed';
import type { SnapshotStore } from './snapshot-store';

/**
 * What the relay publishes: each dashboard file, and the sets of variable values to publish it for (one
 * set with every variable at its default when absent, e.g. `env: prod`).
 */
export interface RelayConfig {
  dashboards: { file: string; variables?: Record<string, string>[] }[];
  /** The region of a dashboard that names none (dashboards normally do). */
  region?: string;
  /** Where the store serves snapshots from, for the stores that need to know (S3: `snapshots/`). */
  prefix?: string;
}

/** What one run did, per snapshot, for logs and tests. */
export interface RelayRunReport {
  startedAt: number;
  finishedAt: number;
  snapshots: RelaySnapshotReport[];
  /** GetMetricData calls of this run, NextToken pages included, and the metrics they asked (billed). */
  calls: number;
  metrics: number;
  /** DescribeAlarms calls of this run. */
  alarmCalls: number;
}

export interface RelaySnapshotReport {
  file: string;
  dashboard?: string;
  variables: Record<string, string>;
  key?: string;
  /**
   * written: refreshed and written; fault: the refresh failed and the last good series were written
   * again with the fault; not-due: refreshed less than an interval ago; invalid: the dashboard file
   * could not be read or has no valid KPI (nothing written).
   */
  status: 'written' | 'fault' | 'not-due' | 'invalid';
  /** Seeded its series cache from the stored snapshot (a cold start). */
  seeded?: boolean;
  calls: number;
  metrics: number;
  fetchedPoints: number;
  cachedPoints: number;
  /** Queries that failed in a refresh that otherwise succeeded. */
  queryErrors: number;
  fault?: SnapshotFault;
  message?: string;
}

/** The shortest refresh the relay runs: CloudWatch's standard resolution. */
export const MIN_INTERVAL_SECONDS = 60;
/** A run a little early (a scheduler's jitter) still refreshes: a snapshot is due this much before its interval. */
const DUE_SLACK_MS = 10_000;

export interface RelayOptions {
  config: RelayConfig;
  /** The YAML text of a dashboard file named in the config. */
  loadDashboard(file: string): Promise<string>;
  /**
   * CloudWatch, without a series cache (createMetricsSource(…, { cache: false })): the relay keeps one
   * cache per snapshot itself, in `state`, seeded from the stored snapshot on a cold start.
   */
  source: MetricsSource;
  store: SnapshotStore;
  now?: () => number;
  /** Kept between runs of a long-lived process (the CLI, a warm Lambda); a fresh one is a cold start. */
  state?: RelayState;
  /** Refresh every snapshot at this interval instead of its dashboard's (never under `minIntervalSeconds`). */
  intervalSeconds?: number;
  /** Test only: allow intervals under 60 s. */
  minIntervalSeconds?: number;
  signal?: AbortSignal;
}

/** One snapshot's relay: its own series cache (over a source that can be switched for seeding). */
interface Job {
  key: string;
  last: Snapshot | undefined;
  loaded: boolean;
  seeded: boolean;
  cache: MetricsSource;
  inner: { source: MetricsSource };
  clock: { now: number };
}

/** What the relay keeps between runs: per snapshot, the last one written and its series cache. */
export interface RelayState {
  jobs: Map<string, Job>;
}

export function createRelayState(): RelayState {
  return { jobs: new Map() };
}

/**
 * One pass of the relay: every configured dashboard and variable set whose snapshot is due is refreshed
 * through the app's own request builder, planner, executor, series cache and error mapping, and written
 * whole to the store; then the index. Faults never throw: they are kept in the snapshot beside the last
 * good series, and in the report.
 */
export async function relayOnce(options: RelayOptions): Promise<RelayRunReport> {
  const clock = options.now ?? Date.now;
  const state = options.state ?? createRelayState();
  const startedAt = clock();
  const report: RelayRunReport = {
    startedAt,
    finishedAt: startedAt,
    snapshots: [],
    calls: 0,
    metrics: 0,
    alarmCalls: 0,
  };
  const published: SnapshotIndex['snapshots'] = [];

  for (const entry of options.config.dashboards) {
    const loaded = await readDashboard(entry.file, options.loadDashboard);
    if (!loaded.ok) {
      report.snapshots.push({
        ...emptyCounts(),
        file: entry.file,
        variables: {},
        status: 'invalid',
        message: loaded.message,
      });
      continue;
    }
    const { dashboard, kpis } = loaded;
    for (const chosen of entry.variables ?? [{}]) {
      const variables = resolveVariables(dashboard, chosen).values;
      const key = snapshotKey(dashboard.id, variables);
      const job = await jobFor(state, key, options);
      const one = await refreshJob(
        job,
        { dashboard, kpis, file: entry.file, variables, key },
        options,
        clock,
      );
      report.snapshots.push(one);
      report.calls += one.calls;
      report.metrics += one.metrics;
      report.alarmCalls += one.alarmCalls;
      published.push({
        dashboard: dashboard.id,
        variables,
        key,
        ...(job.last ? { fetchedAt: job.last.fetchedAt, attemptedAt: job.last.attemptedAt } : {}),
        ...(job.last?.fault ? { fault: job.last.fault } : {}),
      });
    }
  }

  const index: SnapshotIndex = { schema: SNAPSHOT_SCHEMA, writtenAt: clock(), snapshots: published };
  await options.store.put(INDEX_KEY, `${JSON.stringify(index, null, 2)}\n`, JSON_TYPE);
  report.finishedAt = clock();
  return report;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function emptyCounts(): Omit<RelaySnapshotReport, 'file' | 'variables' | 'status'> {
  return { calls: 0, metrics: 0, fetchedPoints: 0, cachedPoints: 0, queryErrors: 0 };
}

type Loaded = { ok: true; dashboard: LoadedDashboard; kpis: Kpi[] } | { ok: false; message: string };

async function readDashboard(file: string, load: (file: string) => Promise<string>): Promise<Loaded> {
  let text: string;
  try {
    text = await load(file);
  } catch (error) {
    return { ok: false, message: `${file} could not be read: ${errorText(error)}` };
  }
  const parsed = parseDashboard(file, text);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    return {
      ok: false,
      message: `${file} is not a valid dashboard: ${first ? first.message : 'unknown error'}`,
    };
  }
  const kpis = parsed.dashboard.kpis.flatMap((e): Kpi[] => (e.ok ? [e.kpi] : []));
  if (kpis.length === 0) return { ok: false, message: `${file} has no valid KPI to fetch` };
  return { ok: true, dashboard: parsed.dashboard, kpis };
}

async function jobFor(state: RelayState, key: string, options: RelayOptions): Promise<Job> {
  let job = state.jobs.get(key);
  if (!job) {
    const inner = { source: options.source };
    const clock = { now: 0 };
    const switching: MetricsSource = {
      fetchSeries: (requests, signal) => inner.source.fetchSeries(requests, signal),
      describeAlarms: (region, names, signal) => inner.source.describeAlarms(region, names, signal),
    };
    job = {
      key,
      last: undefined,
      loaded: false,
      seeded: false,
      inner,
      clock,
      cache: withSeriesCache(switching, { now: () => clock.now }),
    };
    state.jobs.set(key, job);
  }
  if (!job.loaded) {
    // A cold start: the last snapshot written (by this relay or an earlier process) is the last good one.
    const text = await options.store.get(key).catch(() => undefined);
    job.last = text === undefined ? undefined : parseSnapshot(text);
    job.loaded = true;
  }
  return job;
}

interface Target {
  dashboard: LoadedDashboard;
  kpis: Kpi[];
  file: string;
  variables: Record<string, string>;
  key: string;
}

/** The seconds between refreshes of a dashboard's snapshots. */
function relayInterval(
  dashboardRefresh: number,
  options: Pick<RelayOptions, 'intervalSeconds' | 'minIntervalSeconds'>,
): number {
  return Math.max(
    options.intervalSeconds ?? dashboardRefresh,
    options.minIntervalSeconds ?? MIN_INTERVAL_SECONDS,
  );
}

async function refreshJob(
  job: Job,
  target: Target,
  options: RelayOptions,
  clock: () => number,
): Promise<RelaySnapshotReport & { alarmCalls: number }> {
  const { dashboard, kpis, variables, key } = target;
  const refresh = relayInterval(dashboard.refresh, options);
  const base = {
    ...emptyCounts(),
    alarmCalls: 0,
    file: target.file,
    dashboard: dashboard.id,
    variables,
    key,
  };
  const now = clock();
  const hash = definitionHash(dashboard, kpis);
  const last = job.last?.dashboard.id === dashboard.id ? job.last : undefined;
  if (last && now - last.attemptedAt < refresh * 1000 - Math.min(DUE_SLACK_MS, refresh * 100)) {
    return { ...base, status: 'not-due' };
  }

  let seeded = false;
  if (!job.seeded) {
    job.seeded = true;
    if (last && last.fetchedAt > 0) seeded = await seed(job, last);
  }

  const range = toViewRange(undefined, dashboard.timeRange);
  const window = resolveRange(range.range, now);
  const region = dashboard.region ?? options.config.region ?? 'us-east-1';
  const requests = buildDashboardRequests(kpis, { region, variables, window, now });
  const alarmNames = alarmNamesByRegion(kpis, region, variables);

  job.clock.now = now;
  job.inner.source = options.source;
  let fetched: FetchReport | undefined;
  let fault: SnapshotFault | undefined;
  try {
    fetched = await job.cache.fetchSeries(requests, options.signal);
  } catch (error) {
    fault = toFault(error, last?.fault, now);
  }

  const alarms = await fetchAlarms(options.source, alarmNames, last, now, options.signal);

  const snapshot: Snapshot = fetched
    ? {
        schema: SNAPSHOT_SCHEMA,
        dashboard: { id: dashboard.id, file: target.file, hash, region, refresh },
        variables,
        range: range.text,
        window,
        now,
        fetchedAt: fetched.fetchedAt,
        attemptedAt: now,
        requests,
        results: keepLastGood(fetched.results, requests, last),
        alarms: alarms.value,
        usage: {
          calls: fetched.calls,
          queries: fetched.queries ?? 0,
          metrics: fetched.metrics ?? 0,
          fetchedPoints: fetched.cache?.fetchedPoints ?? 0,
          cachedPoints: fetched.cache?.cachedPoints ?? 0,
        },
      }
    : {
        // Nothing new: the last good series, said to be as old as they are, with what went wrong.
        ...(last ?? emptySnapshot(target, hash, region, refresh, range.text, window, now)),
        dashboard: { id: dashboard.id, file: target.file, hash, region, refresh },
        attemptedAt: now,
        alarms: alarms.value,
        usage: { calls: 0, queries: 0, metrics: 0, fetchedPoints: 0, cachedPoints: 0 },
        ...(fault ? { fault } : {}),
      };

  await options.store.put(key, JSON.stringify(snapshot), JSON_TYPE);
  job.last = snapshot;
  const queryErrors = Object.values(snapshot.results).filter((r) => r.error !== undefined).length;
  return {
    ...base,
    status: fault ? 'fault' : 'written',
    ...(seeded ? { seeded } : {}),
    calls: fetched?.calls ?? 0,
    metrics: fetched?.metrics ?? 0,
    fetchedPoints: fetched?.cache?.fetchedPoints ?? 0,
    cachedPoints: fetched?.cache?.cachedPoints ?? 0,
    queryErrors: fetched ? queryErrors : 0,
    alarmCalls: alarms.calls,
    ...(fault ? { fault } : {}),
  };
}

/**
 * Fills a fresh series cache with the last snapshot's series, as if it had fetched them itself at the
 * snapshot's instant, so the first refresh of a new process (a cold Lambda) asks CloudWatch only for the
 * periods since. Returns whether anything could be seeded.
 */
async function seed(job: Job, last: Snapshot): Promise<boolean> {
  job.clock.now = last.now;
  job.inner.source = seedFrom(last);
  try {
    const report = await job.cache.fetchSeries(last.requests);
    return Object.values(report.results).some((r) => r.error === undefined);
  } catch {
    return false;
  } finally {
    job.inner.source = {
      fetchSeries: () => Promise.reject(new Error('unused')),
      describeAlarms: () => Promise.resolve([]),
    };
  }
}

/**
 * A query that failed in a refresh that otherwise worked keeps its last good series (when it asked the
 * same thing then) and carries the error beside them, as the series cache does for a live screen.
 */
function keepLastGood(
  results: Record<string, SeriesResult>,
  requests: readonly SeriesRequest[],
  last: Snapshot | undefined,
): Record<string, SeriesResult> {
  if (!last) return results;
  const before = new Map(last.requests.map((r) => [r.ref, r]));
  const out: Record<string, SeriesResult> = {};
  for (const request of requests) {
    const result = results[request.ref];
    if (!result) continue;
    const previous = last.results[request.ref];
    const asked = before.get(request.ref);
    if (
      result.error &&
      result.series.length === 0 &&
      previous &&
      previous.series.length > 0 &&
      asked &&
      sameQuery(asked, request)
    ) {
      out[request.ref] = { ...previous, error: result.error, messages: result.messages, complete: false };
      continue;
    }
    out[request.ref] = result;
  }
  return out;
}

function sameQuery(a: SeriesRequest, b: SeriesRequest): boolean {
  return (
    a.region === b.region &&
    a.period === b.period &&
    (a.includeComponents ?? false) === (b.includeComponents ?? false) &&
    JSON.stringify(a.query) === JSON.stringify(b.query)
  );
}

async function fetchAlarms(
  source: MetricsSource,
  names: Map<string, string[]>,
  last: Snapshot | undefined,
  now: number,
  signal: AbortSignal | undefined,
): Promise<{ value: Snapshot['alarms']; calls: number }> {
  const asked = Object.fromEntries(names);
  if (names.size === 0) return { value: { names: asked, states: [] }, calls: 0 };
  let calls = 0;
  try {
    const lists: AlarmState[][] = [];
    for (const [region, list] of names) {
      calls += 1;
      lists.push(await source.describeAlarms(region, list, signal));
    }
    return { value: { names: asked, states: lists.flat() }, calls };
  } catch (error) {
    const fault = toFault(error, last?.alarms.error, now);
    return { value: { names: asked, states: last?.alarms.states ?? [], error: fault }, calls };
  }
}

function emptySnapshot(
  target: Target,
  hash: string,
  region: string,
  refresh: number,
  range: string,
  window: Snapshot['window'],
  now: number,
): Snapshot {
  return {
    schema: SNAPSHOT_SCHEMA,
    dashboard: { id: target.dashboard.id, file: target.file, hash, region, refresh },
    variables: target.variables,
    range,
    window,
    now,
    fetchedAt: 0,
    attemptedAt: now,
    requests: [],
    results: {},
    alarms: { names: {}, states: [] },
    usage: { calls: 0, queries: 0, metrics: 0, fetchedPoints: 0, cachedPoints: 0 },
  };
}

function toFault(error: unknown, previous: SnapshotFault | undefined, now: number): SnapshotFault {
  const code = error instanceof CloudWatchError ? error.code : 'Unknown';
  return { code, message: errorText(error), since: previous?.since ?? now };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** SHA-256 of what the snapshot's numbers depend on: the KPIs, outcomes, region and variables, as parsed. */
function definitionHash(dashboard: LoadedDashboard, kpis: readonly Kpi[]): string {
  const definition = {
    region: dashboard.region,
    variables: dashboard.variables,
    kpis,
    outcomes: dashboard.outcomes,
  };
  return createHash('sha256').update(JSON.stringify(definition)).digest('hex');
}
