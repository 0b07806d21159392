import { describeSpan } from '../../domain/time/duration';
import { CloudWatchError } from '../cloudwatch/errors';
import { errorResult } from '../cloudwatch/results';
import type {
  AlarmState,
  FetchContext,
  FetchReport,
  MetricsSource,
  RelayedReport,
  SeriesRequest,
  SeriesResult,
} from '../metrics-source';
import { parseSnapshot, type Snapshot, snapshotKey } from './snapshot-format';

/** The slice of `fetch` the source uses, so tests can pass a fake. */
export type SnapshotFetch = (
  url: string,
  init: { signal?: AbortSignal; cache?: RequestCache; headers?: Record<string, string> },
) => Promise<Response>;

export interface SnapshotSourceOptions {
  /** Where the site serves the relay's snapshots, e.g. `/snapshots/` (same origin: no CloudWatch, no AWS credential). */
  baseUrl: string;
  fetch?: SnapshotFetch;
  now?: () => number;
  /**
   * A direct connection to CloudWatch for the views the relay does not publish (another range, a
   * drill-down, other variable values). Absent: those views say they need one.
   */
  fallback?: MetricsSource;
  /** The screen's key for the edge check in front of the snapshots (docs/aws.md), when it has one. */
  screenKey?: () => string | undefined;
  /** A snapshot read this recently is read again from memory: a refresh's series and alarms share one GET. */
  reuseMs?: number;
}

/** Said, on screen, for a view the relay does not publish when there is no direct connection to fall back on. */
const NEEDS_DIRECT =
  'This view needs a direct connection to CloudWatch: the relay publishes each dashboard only over its own range and listed variable values, and this deployment reads nothing else';

const DEFAULT_REUSE_MS = 2000;

/**
 * The app's MetricsSource over the relay's snapshots (src/relay/relay.ts): each refresh reads its
 * dashboard's snapshot, a static file on the site, and answers the requests the screen built from the
 * series the relay fetched for those same requests. The browser calls no CloudWatch API; the series are
 * judged by the same risk engine, as of the relay's instant, and age from the relay's fetch (the report's
 * `relayed`), so a relay that stops makes every screen stale.
 */
export function createSnapshotSource(options: SnapshotSourceOptions): MetricsSource {
  const fetchFn: SnapshotFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const clock = options.now ?? Date.now;
  const reuseMs = options.reuseMs ?? DEFAULT_REUSE_MS;
  const recent = new Map<string, { at: number; snapshot: Promise<Snapshot | undefined> }>();

  const read = (context: FetchContext, signal?: AbortSignal): Promise<Snapshot | undefined> => {
    const key = snapshotKey(context.dashboardId, context.variables);
    const now = clock();
    const hit = recent.get(key);
    if (hit && now - hit.at < reuseMs) return hit.snapshot;
    const snapshot = load(`${options.baseUrl}${key}`, fetchFn, options.screenKey?.(), signal);
    recent.set(key, { at: now, snapshot });
    snapshot.catch(() => recent.delete(key));
    return snapshot;
  };

  const fallback = options.fallback;
  return {
    async fetchSeries(requests, signal, context) {
      if (!context) return direct(fallback, requests, signal);
      const snapshot = await read(context, signal);
      if (!snapshot) return direct(fallback, requests, signal, context, notPublished(context));
      if (snapshot.fetchedAt <= 0) {
        throw new CloudWatchError({
          code: 'Unknown',
          message: `The relay has not fetched this dashboard yet${snapshot.fault ? `: ${snapshot.fault.message}` : ''}`,
          retryable: true,
        });
      }
      const { served, missing } = serve(snapshot, requests);
      const relayed = relayedOf(snapshot, clock());
      if (missing.length === 0) return { results: served, calls: 0, fetchedAt: clock(), relayed };
      if (fallback) {
        const rest = await fallback.fetchSeries(missing, signal, context);
        return { ...rest, results: { ...served, ...rest.results }, relayed };
      }
      // A KPI the snapshot has never heard of (added since the relay's last run) waits for the relay;
      // anything else missing is another view of the dashboard, which the relay does not publish.
      const known = new Set(snapshot.requests.map((r) => kpiOf(r.ref)));
      if (missing.some((request) => known.has(kpiOf(request.ref)))) throw needsDirect();
      for (const request of missing) served[request.ref] = notRelayed(request);
      return { results: served, calls: 0, fetchedAt: clock(), relayed };
    },

    async describeAlarms(region, names, signal, context) {
      if (!context) return directAlarms(fallback, region, names, signal);
      const snapshot = await read(context, signal);
      const published = snapshot?.alarms.names[region] ?? [];
      if (!snapshot || !names.every((name) => published.includes(name))) {
        return directAlarms(fallback, region, names, signal, context);
      }
      if (snapshot.alarms.error && snapshot.alarms.states.length === 0) {
        throw new CloudWatchError({
          code: 'Unknown',
          message: `The relay could not read the alarms: ${snapshot.alarms.error.message}`,
          retryable: true,
        });
      }
      const wanted = new Set(names);
      return snapshot.alarms.states.filter((alarm: AlarmState) => wanted.has(alarm.name));
    },
  };
}

async function load(
  url: string,
  fetchFn: SnapshotFetch,
  screenKey: string | undefined,
  signal?: AbortSignal,
): Promise<Snapshot | undefined> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      // Revalidated every time: the CDN in front keeps a snapshot for seconds, not the browser.
      cache: 'no-cache',
      ...(signal ? { signal } : {}),
      ...(screenKey ? { headers: { 'X-Bellwether-Screen-Key': screenKey } } : {}),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new CloudWatchError({
      code: 'Network',
      message: `The relay's snapshot at ${url} could not be fetched: the site is unreachable`,
      retryable: true,
      cause,
    });
  }
  if (response.status === 404) return undefined;
  if (response.status === 401 || response.status === 403) {
    throw new CloudWatchError({
      code: 'AccessDenied',
      message: `This screen may not read the relay's snapshot at ${url} (HTTP ${response.status}): give it a screen key that lists this dashboard`,
      retryable: true,
      httpStatus: response.status,
    });
  }
  if (!response.ok) {
    throw new CloudWatchError({
      code: 'ServerError',
      message: `The site answered HTTP ${response.status} for the relay's snapshot at ${url}`,
      retryable: true,
      httpStatus: response.status,
    });
  }
  const text = await response.text();
  // A static host answers a file that is not there with the app's page.
  if (/^\s*</.test(text)) return undefined;
  const snapshot = parseSnapshot(text);
  if (!snapshot) {
    throw new CloudWatchError({
      code: 'Unknown',
      message: `The file at ${url} is not a relay snapshot this version of Bellwether reads`,
      retryable: true,
    });
  }
  return snapshot;
}

/**
 * Each KPI is answered with everything the relay fetched for it, when the relay asked the same view
 * (query, region, period) over a window of the same shape: as long, and ending no earlier than the
 * relay's own (a live view whose snapshot may be a little behind, not a view of the past). The screen
 * judges it as of the relay's instant, so the relay's requests are the right ones, not the screen's:
 * a screen a few seconds later may ask for an evaluation window the relay's view window still covered.
 */
function serve(
  snapshot: Snapshot,
  requests: readonly SeriesRequest[],
): { served: Record<string, SeriesResult>; missing: SeriesRequest[] } {
  const asked = new Map(snapshot.requests.map((r) => [r.ref, r]));
  const byKpi = new Map<string, SeriesRequest[]>();
  for (const request of requests) {
    const id = kpiOf(request.ref);
    byKpi.set(id, [...(byKpi.get(id) ?? []), request]);
  }
  const served: Record<string, SeriesResult> = {};
  const missing: SeriesRequest[] = [];
  for (const [id, wanted] of byKpi) {
    const view = wanted.find((r) => r.ref === id);
    const relayed = asked.get(id);
    if (view && relayed && snapshot.results[id] && sameShape(relayed, view)) {
      for (const r of snapshot.requests) {
        const result = snapshot.results[r.ref];
        if (result && kpiOf(r.ref) === id) served[r.ref] = result;
      }
      continue;
    }
    for (const request of view ? wanted : []) missing.push(request);
    // Parts asked without their view (a drill-down's): each must match on its own.
    for (const request of view ? [] : wanted) {
      const one = asked.get(request.ref);
      const result = snapshot.results[request.ref];
      if (one && result && sameShape(one, request)) served[request.ref] = result;
      else missing.push(request);
    }
  }
  return { served, missing };
}

/** How far a screen's clock may run behind the relay's before their windows no longer count as the same. */
const CLOCK_SKEW_MS = 5 * 60_000;

function sameShape(relayed: SeriesRequest, wanted: SeriesRequest): boolean {
  if (relayed.region !== wanted.region || relayed.period !== wanted.period) return false;
  if ((relayed.includeComponents ?? false) !== (wanted.includeComponents ?? false)) return false;
  if (JSON.stringify(relayed.query) !== JSON.stringify(wanted.query)) return false;
  const step = (relayed.period ?? 60) * 1000;
  const length = (w: SeriesRequest['window']): number => w.end - w.start;
  return (
    Math.abs(length(relayed.window) - length(wanted.window)) <= step &&
    wanted.window.end >= relayed.window.end - step - CLOCK_SKEW_MS
  );
}

function relayedOf(snapshot: Snapshot, now: number): RelayedReport {
  const base = { now: snapshot.now, fetchedAt: snapshot.fetchedAt };
  if (snapshot.fault) {
    return {
      ...base,
      fault: { message: `The relay is failing: ${snapshot.fault.message}`, since: snapshot.fault.since },
    };
  }
  const age = now - snapshot.fetchedAt;
  if (age > 2 * snapshot.dashboard.refresh * 1000) {
    const message = `The relay has written no snapshot for ${describeSpan(age / 1000)}: it may have stopped`;
    return { ...base, fault: { message, since: snapshot.fetchedAt } };
  }
  return base;
}

function notPublished(context: FetchContext): string {
  const values = Object.entries(context.variables).map(([name, value]) => `${name}=${value}`);
  return `The relay publishes no snapshot of ${context.dashboardId}${values.length ? ` for ${values.join(', ')}` : ''}`;
}

function needsDirect(detail?: string): CloudWatchError {
  return new CloudWatchError({
    code: 'Unknown',
    message: detail ? `${detail}. ${NEEDS_DIRECT}` : NEEDS_DIRECT,
    retryable: false,
  });
}

/** The KPI a request ref belongs to (src/data/kpi-requests.ts names them `<kpi>` and `<kpi>#<part>`). */
function kpiOf(ref: string): string {
  const hash = ref.indexOf('#');
  return hash < 0 ? ref : ref.slice(0, hash);
}

function notRelayed(request: SeriesRequest): SeriesResult {
  return errorResult(request.ref, request.period ?? 60, {
    code: 'NotRelayedYet',
    message: "The relay's snapshot predates this KPI: it appears at the relay's next refresh",
    retryable: true,
  });
}

function direct(
  fallback: MetricsSource | undefined,
  requests: SeriesRequest[],
  signal?: AbortSignal,
  context?: FetchContext,
  why?: string,
): Promise<FetchReport> {
  if (!fallback) return Promise.reject(needsDirect(why));
  return fallback.fetchSeries(requests, signal, context);
}

function directAlarms(
  fallback: MetricsSource | undefined,
  region: string,
  names: string[],
  signal?: AbortSignal,
  context?: FetchContext,
): Promise<AlarmState[]> {
  if (!fallback) return Promise.reject(needsDirect());
  return fallback.describeAlarms(region, names, signal, context);
}
