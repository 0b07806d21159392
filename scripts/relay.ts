/**
 * `npm run relay`: one fetch per dashboard per interval for every screen. Refreshes each dashboard (at
 * its default variable values, or the sets a relay config lists) through the app's own data layer and
 * writes its snapshot whole to a folder, which a site serves under snapshots/ to screens configured with
 * `"source": "snapshot"`. On AWS the same core runs as a Lambda function (src/relay/lambda.ts).
 *
 *   npm run relay -- --out dist/snapshots                       # the default credential chain
 *   npm run relay -- --out public/snapshots --endpoint http://127.0.0.1:4566 --once
 *
 * Options:
 *   --out <folder>         where snapshots are written (required)
 *   --endpoint <url>       a CloudWatch-compatible endpoint (the loopback fake account, an emulator);
 *                          fake credentials unless AWS credentials are in the environment
 *   --dashboards <folder>  the dashboard files and their index.yaml (default public/dashboards)
 *   --config <file.json>   {"dashboards": [{"file": "checkout.yaml", "variables": [{"env": "prod"}]}]};
 *                          default: every dashboard in index.yaml at its default variable values
 *   --region <region>      region of the credential chain's client (dashboards name their own)
 *   --once                 one pass, then exit (non-zero when a snapshot could not be refreshed)
 *   --interval <seconds>   refresh every snapshot at this interval instead of its dashboard's (≥ 60)
 *   --allow-short-interval tests only: accept an --interval under 60 s
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { createMetricsSource, type SourceConfig } from '../src/data/source-config';
import { parseDashboardIndex } from '../src/domain/kpi/parse-dashboard-index';
import {
  createRelayState,
  MIN_INTERVAL_SECONDS,
  type RelayConfig,
  type RelayRunReport,
  relayOnce,
} from '../src/relay/relay';
import { folderStore } from '../src/relay/snapshot-store';

export interface RelayCliOptions {
  out: string;
  endpoint?: string;
  dashboards: string;
  config?: string;
  region?: string;
  once: boolean;
  interval?: number;
  allowShortInterval: boolean;
}

export function parseRelayArgs(argv: string[]): RelayCliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      endpoint: { type: 'string' },
      dashboards: { type: 'string', default: 'public/dashboards' },
      config: { type: 'string' },
      region: { type: 'string' },
      once: { type: 'boolean', default: false },
      interval: { type: 'string' },
      'allow-short-interval': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.out) throw new Error('--out <folder> is required: where the snapshots are written');
  const interval = values.interval === undefined ? undefined : Number(values.interval);
  const allowShortInterval = values['allow-short-interval'] ?? false;
  if (interval !== undefined && !(interval > 0 && Number.isFinite(interval))) {
    throw new Error(`--interval ${values.interval}: a number of seconds`);
  }
  if (interval !== undefined && interval < MIN_INTERVAL_SECONDS && !allowShortInterval) {
    throw new Error(
      `--interval ${interval}: at least ${MIN_INTERVAL_SECONDS} s (CloudWatch's standard resolution); shorter only for tests, with --allow-short-interval`,
    );
  }
  return {
    out: values.out,
    dashboards: values.dashboards ?? 'public/dashboards',
    once: values.once ?? false,
    allowShortInterval,
    ...(values.endpoint ? { endpoint: values.endpoint } : {}),
    ...(values.config ? { config: values.config } : {}),
    ...(values.region ? { region: values.region } : {}),
    ...(interval !== undefined ? { interval } : {}),
  };
}

/** The relay config: the file given, or every dashboard the folder's index.yaml lists. */
export function relayConfigFrom(
  options: Pick<RelayCliOptions, 'config' | 'dashboards' | 'region'>,
): RelayConfig {
  const region = options.region ? { region: options.region } : {};
  if (options.config) {
    const value = JSON.parse(readFileSync(options.config, 'utf8')) as Partial<RelayConfig>;
    if (!Array.isArray(value.dashboards) || value.dashboards.some((d) => typeof d?.file !== 'string')) {
      throw new Error(`${options.config}: expected {"dashboards": [{"file": "checkout.yaml"}, …]}`);
    }
    return { ...region, ...value, dashboards: value.dashboards };
  }
  const indexFile = join(options.dashboards, 'index.yaml');
  const index = parseDashboardIndex('index.yaml', readFileSync(indexFile, 'utf8'));
  if (!index.ok) throw new Error(`${indexFile}: ${index.errors[0]?.message ?? 'not a dashboard index'}`);
  return { ...region, dashboards: index.dashboards.map((file) => ({ file })) };
}

/** CloudWatch for the relay: the endpoint given, or AWS with the default credential chain; no series cache. */
export function relaySourceConfig(options: Pick<RelayCliOptions, 'endpoint' | 'region'>): SourceConfig {
  const hasEnvKeys = process.env.AWS_ACCESS_KEY_ID !== undefined || process.env.AWS_PROFILE !== undefined;
  const chain = fromNodeProviderChain(options.region ? { clientConfig: { region: options.region } } : {});
  const credentials = async () => {
    const c = await chain();
    return {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
      ...(c.expiration ? { expiration: c.expiration } : {}),
    };
  };
  if (options.endpoint) {
    return hasEnvKeys
      ? { kind: 'custom-endpoint', endpoint: options.endpoint, credentials }
      : { kind: 'custom-endpoint', endpoint: options.endpoint };
  }
  return { kind: 'aws', credentials };
}

/** One line per snapshot, for a terminal or a log. */
export function describeRun(report: RelayRunReport): string[] {
  const at = new Date(report.startedAt).toISOString();
  return report.snapshots.map((s) => {
    const where = s.key ?? s.file;
    switch (s.status) {
      case 'written':
        return `${at} ${where}: ${s.calls} GetMetricData call(s), ${s.metrics} metric(s), ${s.fetchedPoints} points fetched, ${s.cachedPoints} from cache${s.seeded ? ' (seeded from the last snapshot)' : ''}${s.queryErrors ? `, ${s.queryErrors} query error(s)` : ''}`;
      case 'fault':
        return `${at} ${where}: FAILED (${s.fault?.code}) ${s.fault?.message}; the last good series stay, marked with it`;
      case 'not-due':
        return `${at} ${where}: not due`;
      case 'invalid':
        return `${at} ${where}: SKIPPED ${s.message}`;
    }
    return `${at} ${where}: ${s.status}`;
  });
}

async function main(): Promise<void> {
  const options = parseRelayArgs(process.argv.slice(2));
  const config = relayConfigFrom(options);
  const source = createMetricsSource(relaySourceConfig(options), { cache: false });
  const store = folderStore(options.out);
  const state = createRelayState();
  const dashboards = resolve(options.dashboards);
  const controller = new AbortController();
  let stopping = false;
  const stop = (): void => {
    stopping = true;
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const run = async (): Promise<RelayRunReport> => {
    const report = await relayOnce({
      config,
      loadDashboard: (file) => readFile(join(dashboards, file), 'utf8'),
      source,
      store,
      state,
      signal: controller.signal,
      ...(options.interval !== undefined ? { intervalSeconds: options.interval } : {}),
      ...(options.allowShortInterval ? { minIntervalSeconds: 1 } : {}),
    });
    for (const line of describeRun(report)) console.log(line);
    return report;
  };

  if (options.once) {
    const report = await run();
    if (report.snapshots.some((s) => s.status === 'fault' || s.status === 'invalid')) process.exitCode = 1;
    return;
  }
  // Every tick runs the relay; each snapshot refreshes when its interval is due.
  const tickMs = (options.interval ?? MIN_INTERVAL_SECONDS) * 1000;
  console.log(`relay: writing to ${resolve(options.out)} every ${tickMs / 1000} s; Ctrl-C stops`);
  while (!stopping) {
    const started = Date.now();
    await run().catch((error: unknown) => console.error(`relay: ${(error as Error).message}`));
    const wait = Math.max(0, tickMs - (Date.now() - started));
    await new Promise<void>((done) => {
      const timer = setTimeout(done, wait);
      controller.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        done();
      });
    });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(`relay: ${(error as Error).message}`);
    process.exit(1);
  });
}
