/**
 * The relay as an AWS Lambda function (infra/bellwether-site.yaml's RelayFunction, run every minute by
 * EventBridge Scheduler): the site's dashboards from its bucket, CloudWatch with the function's role,
 * snapshots written back under `snapshots/`, where CloudFront serves them to screens. One relayOnce per
 * invocation; the relay's state lives as long as the Lambda environment, and a cold start seeds it from the
 * snapshots already written, so it stays incremental.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import type { StaticCredentials } from '../data/cloudwatch/client';
import { createMetricsSource } from '../data/source-config';
import { parseDashboardIndex } from '../domain/kpi/parse-dashboard-index';
import { createRelayState, type RelayConfig, type RelayRunReport, type RelayState, relayOnce } from './relay';
import { s3Store } from './s3-store';

/** What the template sets in the function's environment. */
export interface RelayEnvironment {
  siteBucket: string;
  snapshotPrefix: string;
  dashboardPrefix: string;
  /** The relay config as JSON (`RelayDashboards`), or empty for every dashboard at its defaults. */
  dashboards: string;
}

/** Reads the function's environment; a missing bucket is a deployment mistake, said as one. */
export function relayEnvironment(env: Readonly<Record<string, string | undefined>>): RelayEnvironment {
  const siteBucket = env.BELLWETHER_SITE_BUCKET ?? '';
  if (siteBucket === '') {
    throw new Error(
      'BELLWETHER_SITE_BUCKET is not set: deploy the function with infra/bellwether-site.yaml, which sets it to the site bucket',
    );
  }
  return {
    siteBucket,
    snapshotPrefix: env.BELLWETHER_SNAPSHOT_PREFIX || 'snapshots/',
    dashboardPrefix: env.BELLWETHER_DASHBOARD_PREFIX || 'dashboards/',
    dashboards: env.BELLWETHER_RELAY_DASHBOARDS ?? '',
  };
}

const RELAY_CONFIG = z
  .object({
    dashboards: z
      .array(
        z
          .object({
            file: z.string().regex(/^[a-zA-Z0-9._-]+\.ya?ml$/, 'a dashboard file name such as checkout.yaml'),
            variables: z.array(z.record(z.string(), z.string())).min(1).optional(),
          })
          .strict(),
      )
      .min(1),
    region: z.string().optional(),
  })
  .strict();

/** The relay config from `RelayDashboards` (relay.json at deploy time), checked before any call. */
export function parseRelayConfig(text: string): RelayConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`BELLWETHER_RELAY_DASHBOARDS is not JSON: ${(error as Error).message}`);
  }
  const parsed = RELAY_CONFIG.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `BELLWETHER_RELAY_DASHBOARDS: ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'not a relay config'}`,
    );
  }
  const { dashboards, region } = parsed.data;
  return {
    dashboards: dashboards.map((d) => ({ file: d.file, ...(d.variables ? { variables: d.variables } : {}) })),
    ...(region ? { region } : {}),
  };
}

/** The function's role credentials, as Lambda puts them in its environment. */
export function roleCredentials(env: Readonly<Record<string, string | undefined>>): StaticCredentials {
  const accessKeyId = env.AWS_ACCESS_KEY_ID ?? '';
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY ?? '';
  if (accessKeyId === '' || secretAccessKey === '') {
    throw new Error('no AWS credentials in the environment (Lambda sets the role’s as AWS_ACCESS_KEY_ID …)');
  }
  return {
    accessKeyId,
    secretAccessKey,
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
  };
}

export interface RelayHandlerOptions {
  env?: Readonly<Record<string, string | undefined>>;
  s3?: S3Client;
  now?: () => number;
  /** Left to the run, a little less than the function's own remaining time, so it ends before Lambda kills it. */
  remainingMs?: () => number;
}

/** What the handler returns (and logs as one JSON line): the run's report, less the per-snapshot detail. */
export interface RelaySummary {
  written: number;
  notDue: number;
  faults: number;
  invalid: number;
  seeded: number;
  calls: number;
  metrics: number;
  alarmCalls: number;
  ms: number;
  problems: string[];
}

function summarize(report: RelayRunReport): RelaySummary {
  const count = (status: string): number => report.snapshots.filter((s) => s.status === status).length;
  return {
    written: count('written'),
    notDue: count('not-due'),
    faults: count('fault'),
    invalid: count('invalid'),
    seeded: report.snapshots.filter((s) => s.seeded).length,
    calls: report.calls,
    metrics: report.metrics,
    alarmCalls: report.alarmCalls,
    ms: report.finishedAt - report.startedAt,
    problems: report.snapshots.flatMap((s) =>
      s.message || s.fault
        ? [`${s.key ?? s.file}: ${s.message ?? `${s.fault?.code}: ${s.fault?.message}`}`]
        : [],
    ),
  };
}

/** A run stops this long before the function's timeout, to write what it has. */
const SAFETY_MS = 5_000;

/**
 * Builds the handler. Its state (each snapshot's series cache and last snapshot) is kept between the
 * invocations of one Lambda environment; a new environment starts empty and relayOnce seeds it from S3.
 */
export function createRelayHandler(
  options: RelayHandlerOptions = {},
): (event?: unknown, context?: { getRemainingTimeInMillis?: () => number }) => Promise<RelaySummary> {
  let state: RelayState = createRelayState();
  let stateFor = '';
  return async (_event, context) => {
    const env = options.env ?? process.env;
    const settings = relayEnvironment(env);
    const client = options.s3 ?? new S3Client({});
    const dashboards = s3Store({ client, bucket: settings.siteBucket, prefix: settings.dashboardPrefix });
    const store = s3Store({ client, bucket: settings.siteBucket, prefix: settings.snapshotPrefix });
    const config = settings.dashboards.trim()
      ? parseRelayConfig(settings.dashboards)
      : await everyDashboard(await dashboards.get('index.yaml'));
    // Another bucket or prefix (a changed deployment) is another set of snapshots: start over.
    const where = `${settings.siteBucket}/${settings.snapshotPrefix}`;
    if (where !== stateFor) {
      state = createRelayState();
      stateFor = where;
    }
    const now = options.now ?? Date.now;
    const source = createMetricsSource(
      { kind: 'aws', credentials: async () => roleCredentials(env) },
      { now, cache: false },
    );
    const remaining = options.remainingMs ?? context?.getRemainingTimeInMillis;
    const signal = remaining ? AbortSignal.timeout(Math.max(1_000, remaining() - SAFETY_MS)) : undefined;
    const report = await relayOnce({
      config: { ...config, prefix: settings.snapshotPrefix },
      loadDashboard: async (file) => {
        const text = await dashboards.get(file);
        if (text === undefined)
          throw new Error(`s3://${settings.siteBucket}/${settings.dashboardPrefix}${file} is not there`);
        return text;
      },
      source,
      store,
      now,
      state,
      ...(signal ? { signal } : {}),
    });
    const summary = summarize(report);
    console.log(JSON.stringify({ relay: summary }));
    return summary;
  };
}

/** No relay config: every dashboard the site lists, at its default variable values. */
async function everyDashboard(indexText: string | undefined): Promise<RelayConfig> {
  if (indexText === undefined) {
    throw new Error(
      'dashboards/index.yaml is not in the site bucket: deploy the site (npm run deploy) first',
    );
  }
  const index = parseDashboardIndex('index.yaml', indexText);
  if (!index.ok)
    throw new Error(`dashboards/index.yaml: ${index.errors[0]?.message ?? 'not a dashboard index'}`);
  return { dashboards: index.dashboards.map((file) => ({ file })) };
}

/** The Lambda entry point (`index.handler`). */
export const handler = createRelayHandler();
