import { type SeriesCacheOptions, withSeriesCache } from './cached-source';
import type { CredentialsInput, StaticCredentials } from './cloudwatch/client';
import {
  type CloudWatchClientOptions,
  type CloudWatchSender,
  createCloudWatchClient,
  endpointFor,
} from './cloudwatch/client';
import { createCloudWatchSource } from './cloudwatch/cloudwatch-source';
import { CloudWatchError, type UnreachableCause, withUnreachableCause } from './cloudwatch/errors';
import { senderOf } from './cloudwatch/wire-protocol';
import type { Connection } from './credentials/connection';
import type { FetchContext, FetchReport, MetricsSource, SeriesRequest } from './metrics-source';
import { createSnapshotSource, type SnapshotFetch } from './snapshot/snapshot-source';

/**
 * Which CloudWatch the app talks to. This file is the only place that decides; screens get a
 * MetricsSource and never know whether the account is real.
 *
 * - demo: the simulated account. Requests go to the regional AWS endpoint with static fake
 *   credentials and the msw worker answers them in the browser, so nothing leaves the machine.
 * - custom-endpoint: any endpoint that speaks CloudWatch's protocol (the loopback fake server, a
 *   local emulator, a proxy on the operator's side), with fake credentials unless given.
 * - aws: a real account at the regional endpoints, with credentials from a Connection (Cognito,
 *   pasted) or given ready-made.
 * - snapshot: no CloudWatch at all: the relay's snapshots, files on the site (src/data/snapshot/), with
 *   a direct source of one of the kinds above for the views the relay does not publish, when allowed.
 */
export type SourceConfig =
  | {
      kind: 'demo';
      /**
       * True while the simulated account's service worker answers this page: when it does not (the page
       * is unloading, or no worker controls it), a call would reach the real AWS endpoint, so none is sent.
       */
      inControl?: () => boolean;
    }
  | {
      kind: 'custom-endpoint';
      endpoint: string;
      credentials?: CredentialsInput;
      onCredentialsRefused?: RefusedCredentials;
      identity?: () => string;
    }
  | {
      kind: 'aws';
      credentials: CredentialsInput;
      onCredentialsRefused?: RefusedCredentials;
      /**
       * Changes when the credentials may belong to someone else (keys pasted, another sign-in), so the
       * series cache, which holds one account's data, starts over.
       */
      identity?: () => string;
    }
  | {
      kind: 'snapshot';
      /** Where the site serves the snapshots, e.g. /snapshots/. */
      baseUrl: string;
      /** A direct connection for the views the relay does not publish; absent: they say they need one. */
      fallback?: Exclude<SourceConfig, { kind: 'snapshot' }>;
      /** The screen's key for the edge check in front of the snapshots, when it has one. */
      screenKey?: () => string | undefined;
      fetch?: SnapshotFetch;
    };

/** Told when CloudWatch refuses the credentials (a Connection's `refused`); returns the error to show. */
export type RefusedCredentials = (error: CloudWatchError) => CloudWatchError;

/** Static fake keys in the shape of AWS's documentation examples; they open nothing. */
export const DEMO_CREDENTIALS: StaticCredentials = {
  accessKeyId: 'AKIDEXAMPLEBELLWETHER',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

export interface SourceOptions {
  now?: () => number;
  /**
   * Tells a CORS or CSP refusal from a dead network when a call gets no HTTP answer (the browser reports
   * all three alike). Absent: errors stay as the SDK reported them.
   */
  diagnose?: (endpoint: string) => Promise<UnreachableCause>;
  /**
   * The series cache of incremental refresh (src/data/cached-source.ts), on for every kind of source:
   * `false` turns it off, an object sets its late-data allowance and size.
   */
  cache?: false | Pick<SeriesCacheOptions, 'lateDataSeconds' | 'maxEntries'>;
}

/** Builds the MetricsSource for a configuration. */
export function createMetricsSource(config: SourceConfig, options: SourceOptions = {}): MetricsSource {
  const clock = options.now === undefined ? {} : { now: options.now };
  if (config.kind === 'snapshot') {
    // Nothing to cache: the relay's own series cache made the snapshot; the fallback keeps its own.
    return createSnapshotSource({
      baseUrl: config.baseUrl,
      ...clock,
      ...(config.fallback ? { fallback: createMetricsSource(config.fallback, options) } : {}),
      ...(config.screenKey ? { screenKey: config.screenKey } : {}),
      ...(config.fetch ? { fetch: config.fetch } : {}),
    });
  }
  const source = (() => {
    switch (config.kind) {
      case 'demo':
        return createCloudWatchSource({
          credentials: DEMO_CREDENTIALS,
          ...clock,
          ...(config.inControl ? { createClient: sealedDemoClient(config.inControl) } : {}),
        });
      case 'custom-endpoint':
        return createCloudWatchSource({
          credentials: config.credentials ?? DEMO_CREDENTIALS,
          endpoint: config.endpoint,
          ...clock,
        });
      case 'aws':
        return createCloudWatchSource({ credentials: config.credentials, ...clock });
    }
  })();
  const endpoint = config.kind === 'custom-endpoint' ? config.endpoint : undefined;
  const refused = config.kind === 'demo' ? undefined : config.onCredentialsRefused;
  const identity = config.kind === 'demo' ? undefined : config.identity;
  const cached =
    options.cache === false
      ? source
      : withSeriesCache(source, { ...options.cache, ...clock, ...(identity ? { identity } : {}) });
  return withDiagnosis(cached, endpoint, options.diagnose, refused);
}

/** Said when the demo refuses to send a call its simulated account would not answer. */
export const DEMO_NOT_IN_CONTROL =
  "The demo's simulated CloudWatch is not answering for this page (its service worker does not control it, as after a forced reload), so nothing was sent: reload the page";

/**
 * The demo's client: each call is sent only while the simulated account answers for the page, so a
 * call signed with the demo's keys can never go past the worker to AWS.
 */
export function sealedDemoClient(
  inControl: () => boolean,
): (options: CloudWatchClientOptions) => CloudWatchSender {
  return (options) => {
    const client = createCloudWatchClient(options);
    return senderOf((command, sendOptions) => {
      if (inControl()) return client.send(command as never, sendOptions);
      const error = new CloudWatchError({
        code: 'Unknown',
        message: DEMO_NOT_IN_CONTROL,
        retryable: true,
        region: options.region,
        endpoint: endpointFor(options.region),
      });
      return Promise.reject(error);
    });
  };
}

/** The source config a deployment's connection calls for: the demo, or real CloudWatch signed by the connection. */
export function sourceConfigFor(
  connection: Pick<Connection, 'config' | 'credentials' | 'refused'> & Partial<Pick<Connection, 'subscribe'>>,
  site: { baseUrl?: string } = {},
): SourceConfig {
  const { config } = connection;
  if (config.source === 'snapshot') {
    const path = config.snapshots?.path ?? 'snapshots/';
    const baseUrl = `${site.baseUrl ?? import.meta.env?.BASE_URL ?? '/'}${path}`;
    return config.snapshots?.fallback === 'direct'
      ? { kind: 'snapshot', baseUrl, fallback: directConfigFor(connection) }
      : { kind: 'snapshot', baseUrl };
  }
  return directConfigFor(connection);
}

function directConfigFor(
  connection: Pick<Connection, 'config' | 'credentials' | 'refused'> & Partial<Pick<Connection, 'subscribe'>>,
): Exclude<SourceConfig, { kind: 'snapshot' }> {
  const { config } = connection;
  if (config.credentials.source === 'demo') return { kind: 'demo' };
  const credentials = (): Promise<StaticCredentials> => connection.credentials();
  const onCredentialsRefused: RefusedCredentials = (error) => connection.refused(error);
  // The source outlives a change of credentials (the connection tells its listeners of a paste, a
  // sign-in or a sign-out); each change may bring another account.
  let changes = 0;
  connection.subscribe?.(() => {
    changes += 1;
  });
  const identity = (): string => String(changes);
  return config.endpoint === undefined
    ? { kind: 'aws', credentials, onCredentialsRefused, identity }
    : { kind: 'custom-endpoint', endpoint: config.endpoint, credentials, onCredentialsRefused, identity };
}

/**
 * Names the failures of a source in words the screens show, without changing what succeeded, and tells
 * the connection when CloudWatch refused its credentials so it can fetch new ones.
 */
function withDiagnosis(
  source: MetricsSource,
  endpoint: string | undefined,
  diagnose: SourceOptions['diagnose'],
  refused: RefusedCredentials | undefined,
): MetricsSource {
  const explain = async (failure: unknown, region: string): Promise<never> => {
    const error = refused && failure instanceof CloudWatchError ? refused(failure) : failure;
    if (diagnose && error instanceof CloudWatchError && error.code === 'Network') {
      const target = endpointFor(region, endpoint);
      throw withUnreachableCause(error, await diagnose(target), target);
    }
    throw error;
  };
  return {
    ...(source.stats ? { stats: source.stats.bind(source) } : {}),
    async fetchSeries(
      requests: SeriesRequest[],
      signal?: AbortSignal,
      context?: FetchContext,
    ): Promise<FetchReport> {
      try {
        return await source.fetchSeries(requests, signal, context);
      } catch (error) {
        return explain(error, requests[0]?.region ?? 'us-east-1');
      }
    },
    async describeAlarms(region, names, signal, context) {
      try {
        return await source.describeAlarms(region, names, signal, context);
      } catch (error) {
        return explain(error, region);
      }
    },
  };
}
