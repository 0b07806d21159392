import { CloudWatchClient, type CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';
import type { AwsSdkSigV4Memoized } from '@aws-sdk/core';
import { AwsJson1_0Protocol } from '@aws-sdk/core/protocols';
import {
  type CloudWatchSender,
  type ProtocolSetting,
  senderOf,
  type WireProtocolStatus,
  wireProtocol,
  withProtocolFallback,
} from './wire-protocol';

export type { CloudWatchSender } from './wire-protocol';

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Static keys, or a provider the SDK calls when it needs them (Cognito, refreshed sessions). */
export type CredentialsInput = StaticCredentials | (() => Promise<StaticCredentials>);

export interface CloudWatchClientOptions {
  region: string;
  credentials: CredentialsInput;
  /** A loopback or custom endpoint; the regional AWS endpoint when absent. */
  endpoint?: string;
  /** The wire protocol; the session's setting (config.json's `protocol`, default auto) when absent. */
  protocol?: ProtocolSetting;
  /** Where `auto` reads and records the session's protocol; the app's `wireProtocol` when absent. */
  status?: WireProtocolStatus;
}

/**
 * Builds the client the way Bellwether needs it: the SDK's CloudWatch client with its protocol pinned
 * explicitly (the wire format the fake account and the protocol tests assert) and no SDK retries,
 * because React Query owns retries so backoff is visible on screen and testable. `json` is AWS JSON 1.0,
 * `query` the query protocol, `auto` JSON that switches the session to query when an endpoint's CORS
 * preflight refuses JSON (wire-protocol.ts).
 */
export function createCloudWatchClient(options: CloudWatchClientOptions): CloudWatchSender {
  const status = options.status ?? wireProtocol;
  const setting = options.protocol ?? status.state().setting;
  if (setting === 'json') return jsonClient(options);
  if (setting === 'query') return queryClient(options);
  let json: CloudWatchSender | undefined;
  let query: CloudWatchSender | undefined;
  return withProtocolFallback(
    {
      json: () => {
        json ??= jsonClient(options);
        return json;
      },
      query: () => {
        query ??= queryClient(options);
        return query;
      },
    },
    { endpoint: endpointFor(options.region, options.endpoint), region: options.region },
    status,
  );
}

function sdkConfig(options: CloudWatchClientOptions): CloudWatchClientConfig {
  return {
    region: options.region,
    credentials: askEveryTime(options.credentials),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    maxAttempts: 1,
  };
}

function jsonClient(options: CloudWatchClientOptions): CloudWatchClient {
  return new CloudWatchClient({ ...sdkConfig(options), protocol: AwsJson1_0Protocol });
}

/** The query-protocol client, its module fetched on the first call (and again if that fetch failed). */
function queryClient(options: CloudWatchClientOptions): CloudWatchSender {
  let client: Promise<CloudWatchClient> | undefined;
  return senderOf(async (command, sendOptions) => {
    client ??= import('./query-client').then(
      (m) => m.createQueryProtocolClient(sdkConfig(options)),
      (error: unknown) => {
        client = undefined;
        throw error;
      },
    );
    return (await client).send(command, sendOptions);
  });
}

/**
 * Marks a provider as memoized so the SDK asks it before every request instead of keeping its own copy
 * (until five minutes before expiry, or for good when there is no expiry): the connection's cache is then
 * the only one, so forgetting refused credentials or pasting new keys takes effect on the next call.
 */
function askEveryTime(credentials: CredentialsInput): CredentialsInput {
  if (typeof credentials !== 'function') return credentials;
  const provider = (): Promise<StaticCredentials> => credentials();
  const marked: AwsSdkSigV4Memoized = { memoized: true };
  return Object.assign(provider, marked);
}

/** The endpoint a client talks to, for error messages ("could not reach CloudWatch at …"). */
export function endpointFor(region: string, endpoint?: string): string {
  return endpoint ?? `https://monitoring.${region}.amazonaws.com`;
}
