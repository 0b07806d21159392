import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
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
    credentials: options.credentials,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    protocol: AwsJson1_0Protocol,
    maxAttempts: 1,
  });
}

/** The endpoint a client talks to, for error messages ("could not reach CloudWatch at …"). */
export function endpointFor(region: string, endpoint?: string): string {
  return endpoint ?? `https://monitoring.${region}.amazonaws.com`;
}
