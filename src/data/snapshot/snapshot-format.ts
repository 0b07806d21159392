import type { VariableValues } from '../../domain/kpi/variables';
import type { TimeWindow } from '../../domain/series';
import type { AlarmState, SeriesRequest, SeriesResult } from '../metrics-source';

/**
 * A relay snapshot: one dashboard, one set of variable values, as the relay (src/relay/relay.ts) last
 * fetched it. Screens on `source: snapshot` read it instead of calling CloudWatch
 * (./snapshot-source.ts); the relay also reads its own last snapshot to seed a cold start.
 *
 * The series are kept exactly as the app's data layer returned them for the dashboard's requests
 * (src/data/kpi-requests.ts buildDashboardRequests at `now`), keyed by request ref, so a screen builds
 * its board from a snapshot the way it builds it from a live fetch.
 */
export const SNAPSHOT_SCHEMA = 1;

export interface Snapshot {
  schema: typeof SNAPSHOT_SCHEMA;
  dashboard: {
    id: string;
    /** The file it was read from, e.g. checkout.yaml. */
    file: string;
    /** SHA-256 (hex) of the dashboard's KPIs and outcomes as parsed: changes when a definition does. */
    hash: string;
    region: string;
    /** Seconds between the relay's refreshes of this snapshot. */
    refresh: number;
  };
  /** Every declared variable's value, as resolved against the dashboard. */
  variables: Record<string, string>;
  /** The range the relay fetched (the dashboard's timeRange, canonical text such as now-6h). */
  range: string;
  /** That range pinned at `now`: the view window on screen. */
  window: TimeWindow;
  /** The instant the requests were built for, of the last refresh that brought series. */
  now: number;
  /** When those series came from CloudWatch: a screen's age and staleness count from here. */
  fetchedAt: number;
  /** When the relay last tried, successfully or not. */
  attemptedAt: number;
  /** The requests of that refresh, in buildDashboardRequests' order. */
  requests: SeriesRequest[];
  /** Their results by ref; a query that failed keeps its last good series and says why in `error`. */
  results: Record<string, SeriesResult>;
  alarms: {
    /** Alarm names asked, per region. */
    names: Record<string, string[]>;
    states: AlarmState[];
    /** DescribeAlarms failed on the last attempt: the states are the last good ones. */
    error?: SnapshotFault;
  };
  /** The last refresh failed as a whole (throttling, expired credentials, …): the series are the last good. */
  fault?: SnapshotFault;
  /** What the last refresh asked of CloudWatch. */
  usage: { calls: number; queries: number; metrics: number; fetchedPoints: number; cachedPoints: number };
}

export interface SnapshotFault {
  code: string;
  message: string;
  /** Since when it has been failing, without a success in between. */
  since: number;
}

/** The relay's list of what it publishes, beside the snapshots (for operators; screens do not need it). */
export interface SnapshotIndex {
  schema: typeof SNAPSHOT_SCHEMA;
  writtenAt: number;
  snapshots: {
    dashboard: string;
    variables: Record<string, string>;
    key: string;
    fetchedAt?: number;
    attemptedAt?: number;
    fault?: SnapshotFault;
  }[];
}

export const INDEX_KEY = 'index.json';

/**
 * A set of variable values as a file name: `env=prod`, names in order, values encoded; `default` for a
 * dashboard without variables.
 */
export function variablesKey(values: VariableValues): string {
  const names = Object.keys(values).sort();
  if (names.length === 0) return 'default';
  return names
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(values[name] ?? '')}`)
    .join(',');
}

/** Where a dashboard's snapshot for these values lives, relative to the snapshot prefix. */
export function snapshotKey(dashboardId: string, values: VariableValues): string {
  return `${dashboardId}/${variablesKey(values)}.json`;
}

/** Reads a snapshot's text; undefined when it is not one this version understands. */
export function parseSnapshot(text: string): Snapshot | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Partial<Snapshot>;
  if (s.schema !== SNAPSHOT_SCHEMA) return undefined;
  if (typeof s.dashboard?.id !== 'string' || typeof s.fetchedAt !== 'number') return undefined;
  if (typeof s.now !== 'number' || typeof s.attemptedAt !== 'number') return undefined;
  if (!Array.isArray(s.requests) || typeof s.results !== 'object' || s.results === null) return undefined;
  if (typeof s.alarms !== 'object' || s.alarms === null || !Array.isArray(s.alarms.states)) return undefined;
  return s as Snapshot;
}
