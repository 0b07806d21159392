import type { CredentialsInput, StaticCredentials } from './cloudwatch/client';
import { createCloudWatchSource } from './cloudwatch/cloudwatch-source';
import type { MetricsSource } from './metrics-source';

/**
 * Which CloudWatch the app talks to. This file is the only place that decides; screens get a
 * MetricsSource and never know whether the account is real.
 *
 * - demo: the simulated account. Requests go to the regional AWS endpoint with static fake
 *   credentials and the msw worker answers them in the browser, so nothing leaves the machine.
 * - custom-endpoint: any endpoint that speaks CloudWatch's protocol (the loopback fake server, a
 *   local emulator), with fake credentials unless given.
 * - aws: a real account. Credentials come from sign-in (Cognito) or are pasted; how they are
 *   obtained arrives in a later change, so this takes them ready-made.
 */
export type SourceConfig =
  | { kind: 'demo' }
  | { kind: 'custom-endpoint'; endpoint: string; credentials?: CredentialsInput }
  | { kind: 'aws'; credentials: CredentialsInput };

/** Static fake keys in the shape of AWS's documentation examples; they open nothing. */
export const DEMO_CREDENTIALS: StaticCredentials = {
  accessKeyId: 'AKIDEXAMPLEBELLWETHER',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

export interface SourceOptions {
  now?: () => number;
}

/** Builds the MetricsSource for a configuration. */
export function createMetricsSource(config: SourceConfig, options: SourceOptions = {}): MetricsSource {
  const clock = options.now === undefined ? {} : { now: options.now };
  switch (config.kind) {
    case 'demo':
      return createCloudWatchSource({ credentials: DEMO_CREDENTIALS, ...clock });
    case 'custom-endpoint':
      return createCloudWatchSource({
        credentials: config.credentials ?? DEMO_CREDENTIALS,
        endpoint: config.endpoint,
        ...clock,
      });
    case 'aws':
      return createCloudWatchSource({ credentials: config.credentials, ...clock });
  }
}

/** Words for the header badge, so nobody mistakes the simulated account for production. */
export function describeSource(config: SourceConfig): string {
  switch (config.kind) {
    case 'demo':
      return 'Simulated account (demo data)';
    case 'custom-endpoint':
      return `CloudWatch at ${config.endpoint}`;
    case 'aws':
      return 'AWS account';
  }
}

/** What the app starts with until sign-in exists: the simulated account. */
export function defaultSourceConfig(): SourceConfig {
  return { kind: 'demo' };
}
