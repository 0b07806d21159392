import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { AwsSdkSigV4Memoized } from '@aws-sdk/core';
import { AwsJson1_0Protocol } from '@aws-sdk/core/protocols';

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
}

/**
 * Builds the SDK client the way Bellwether needs it: the awsJson1_0 protocol pinned explicitly (the
 * wire format the fake account and the protocol test assert), and no SDK retries, because React
 * Query owns retries so backoff is visible on screen and testable.
 */
export function createCloudWatchClient(options: CloudWatchClientOptions): CloudWatchClient {
  return new CloudWatchClient({
    region: options.region,
    credentials: askEveryTime(options.credentials),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    protocol: AwsJson1_0Protocol,
    maxAttempts: 1,
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
