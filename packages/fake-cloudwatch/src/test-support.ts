import { CloudWatchClient, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { AwsJson1_0Protocol, AwsQueryProtocol } from '@aws-sdk/core/protocols';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createFakeCloudWatch, type FakeCloudWatch } from './core/account';
import { type SetupServerApi, startFakeCloudWatchServer } from './transports/node';

/** Wednesday 21 May 2025, 14:00 UTC: the fixed "now" of the fake's tests. */
export const NOW = Date.UTC(2025, 4, 21, 14, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/** The wire protocols the installed SDK can speak to CloudWatch (its README, "Supported Message Protocols"). */
export type SdkProtocol = 'json' | 'query';

/**
 * A real SDK client with static fake credentials and the default endpoint; no retries unless asked.
 * `query` swaps the SDK's default awsJson1_0 for its own awsQuery protocol (form in, XML out).
 */
export function cloudWatchClient(maxAttempts = 1, protocol: SdkProtocol = 'json'): CloudWatchClient {
  return new CloudWatchClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAFAKEFAKEFAKE', secretAccessKey: 'fake-secret' },
    maxAttempts,
    protocol: protocol === 'query' ? AwsQueryProtocol : AwsJson1_0Protocol,
  });
}

/** Starts a fake with a fixed clock; clears faults, calls and default labels between tests. */
export function setupFakeCloudWatch(now: () => number = () => NOW): FakeCloudWatch {
  const fake = createFakeCloudWatch({ now });
  let server: SetupServerApi | undefined;
  beforeAll(() => {
    server = startFakeCloudWatchServer(fake);
  });
  afterEach(() => {
    fake.faults.clear();
    fake.clearCalls();
    fake.defaultLabel = undefined;
  });
  afterAll(() => server?.close());
  return fake;
}

/** A MetricStat query for tests. */
export function metricQuery(
  id: string,
  namespace: string,
  name: string,
  dimensions: Record<string, string>,
  stat: string,
  period: number,
  extra: Partial<MetricDataQuery> = {},
): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: namespace,
        MetricName: name,
        Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })),
      },
      Period: period,
      Stat: stat,
    },
    ...extra,
  };
}

/** The SDK exception fields tests look at. */
export interface SdkError {
  name: string;
  message: string;
  Code?: string;
  $metadata: { httpStatusCode?: number; attempts?: number };
}

/** Runs a call that must fail and returns the SDK's exception. */
export async function failure(call: Promise<unknown>): Promise<SdkError> {
  try {
    await call;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected the call to fail');
}
