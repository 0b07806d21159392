import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { createFakeCloudWatch } from '@bellwether/fake-cloudwatch';
import { cloudWatchHandlers } from '@bellwether/fake-cloudwatch/msw';
import { NOW } from '@bellwether/fake-cloudwatch/test-support';
import { setupServer } from 'msw/node';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  type MockInstance,
  test,
  vi,
} from 'vitest';
import { parseSnapshot, type Snapshot } from '../data/snapshot/snapshot-format';
import { fakeS3 } from '../testing/fake-s3';
import { createRelayHandler, parseRelayConfig, relayEnvironment, roleCredentials } from './lambda';

const MINUTE = 60_000;
let clock = NOW;
const fake = createFakeCloudWatch({ now: () => clock });
const bucket = fakeS3('bellwether-site-1a2b3c', 'us-east-1');
const server = setupServer(...cloudWatchHandlers(fake), ...bucket.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const DASHBOARDS = join(import.meta.dirname, '../../public/dashboards');
/** The site as `npm run deploy` leaves it: the dashboard files under dashboards/. */
function deploySite(): void {
  bucket.objects.clear();
  for (const file of ['index.yaml', 'checkout.yaml', 'platform.yaml']) {
    bucket.objects.set(`dashboards/${file}`, {
      body: readFileSync(join(DASHBOARDS, file), 'utf8'),
      contentType: 'application/yaml; charset=utf-8',
      cacheControl: 'public, max-age=60, must-revalidate',
    });
  }
}
let log: MockInstance<typeof console.log>;
beforeEach(() => {
  log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  clock = NOW;
  deploySite();
  bucket.calls.length = 0;
  fake.clearCalls();
});
afterEach(() => fake.faults.clear());

/** What Lambda and the template put in the function's environment (the role's keys are fake here). */
const ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'ASIAFAKEROLEKEY00001',
  AWS_SECRET_ACCESS_KEY: 'fake-role-secret',
  AWS_SESSION_TOKEN: 'fake-role-session-token',
  BELLWETHER_SITE_BUCKET: 'bellwether-site-1a2b3c',
  BELLWETHER_SNAPSHOT_PREFIX: 'snapshots/',
  BELLWETHER_DASHBOARD_PREFIX: 'dashboards/',
  BELLWETHER_RELAY_DASHBOARDS: '',
};
const s3 = new S3Client({ region: 'us-east-1', credentials: roleCredentials(ENV), maxAttempts: 1 });
const handlerWith = (env: Record<string, string> = ENV) => createRelayHandler({ env, s3, now: () => clock });

function snapshot(key: string): Snapshot {
  const object = bucket.objects.get(key);
  const parsed = object ? parseSnapshot(object.body) : undefined;
  if (!parsed) throw new Error(`no snapshot at ${key}; objects: ${[...bucket.objects.keys()].join(', ')}`);
  return parsed;
}
const getMetricData = () => fake.calls.filter((c) => c.operation === 'GetMetricData');

// Each run computes a dashboard's worth of the simulated account: seconds on a loaded machine.
describe('the relay Lambda', { timeout: 30_000 }, () => {
  test('one invocation writes every listed dashboard at its defaults, whole, with a short cache life', async () => {
    const summary = await handlerWith()();
    expect(summary).toMatchObject({ written: 2, faults: 0, invalid: 0, problems: [] });
    for (const key of ['snapshots/checkout/env=prod.json', 'snapshots/platform/default.json']) {
      const object = bucket.objects.get(key);
      expect(object?.contentType).toBe('application/json; charset=utf-8');
      expect(object?.cacheControl).toBe('public, max-age=15');
      expect(snapshot(key).fetchedAt).toBe(NOW);
    }
    expect(bucket.objects.has('snapshots/index.json')).toBe(true);
    // One JSON line per run in the function's log.
    expect(log).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(log.mock.calls[0]?.[0]))).toEqual({ relay: summary });
    // Only the prefixes the role may touch: dashboards read, snapshots read (seeding) and written.
    expect(bucket.calls.every((c) => /^(GET dashboards\/|GET snapshots\/|PUT snapshots\/)/.test(c))).toBe(
      true,
    );
  });

  test('CloudWatch is called with the role credentials of the environment, signed', async () => {
    await handlerWith()();
    expect(getMetricData().length).toBeGreaterThan(0);
    for (const call of fake.calls) {
      expect(call.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIAFAKEROLEKEY00001\//);
      expect(call.headers['x-amz-security-token']).toBe('fake-role-session-token');
    }
  });

  test('a warm environment refreshes incrementally; a run before the interval fetches nothing', async () => {
    const handler = handlerWith();
    const first = await handler();
    clock = NOW + 30_000;
    const early = await handler();
    expect(early).toMatchObject({ written: 0, notDue: 2, calls: 0 });
    clock = NOW + MINUTE;
    const warm = await handler();
    expect(warm.written).toBe(2);
    expect(warm.metrics).toBeLessThan(first.metrics);
    expect(snapshot('snapshots/checkout/env=prod.json').fetchedAt).toBe(NOW + MINUTE);
  });

  test('a cold start seeds from the snapshots in S3 and asks no more than a warm refresh would', async () => {
    const warmEnvironment = handlerWith();
    await warmEnvironment();
    clock = NOW + MINUTE;
    const warm = await warmEnvironment();

    deploySite();
    clock = NOW;
    await handlerWith()();
    clock = NOW + MINUTE;
    const cold = await handlerWith()(); // a new environment: nothing in memory
    expect(cold.seeded).toBe(2);
    expect(cold.written).toBe(2);
    expect(cold.metrics).toBe(warm.metrics);
  });

  test('the relay config picks dashboards and variable sets', async () => {
    const env = {
      ...ENV,
      BELLWETHER_RELAY_DASHBOARDS: JSON.stringify({
        dashboards: [{ file: 'checkout.yaml', variables: [{ env: 'prod' }, { env: 'staging' }] }],
      }),
    };
    expect(await handlerWith(env)()).toMatchObject({ written: 2 });
    expect(snapshot('snapshots/checkout/env=staging.json').variables).toEqual({ env: 'staging' });
    expect(bucket.objects.has('snapshots/platform/default.json')).toBe(false);
  });

  test('throttling keeps the last good snapshot, with the fault in it; the run itself does not fail', async () => {
    const handler = handlerWith();
    await handler();
    const good = snapshot('snapshots/checkout/env=prod.json');
    fake.faults.throttle();
    clock = NOW + MINUTE;
    const summary = await handler();
    expect(summary.faults).toBe(2);
    const kept = snapshot('snapshots/checkout/env=prod.json');
    expect(kept.fault?.code).toMatch(/Throttl/);
    expect(kept.fetchedAt).toBe(good.fetchedAt);
    expect(kept.results).toEqual(good.results);
  });

  test('a dashboard file missing from the bucket is reported, the others still written', async () => {
    bucket.objects.delete('dashboards/platform.yaml');
    const summary = await handlerWith()();
    expect(summary).toMatchObject({ written: 1, invalid: 1 });
    expect(summary.problems.join('\n')).toMatch(
      /platform\.yaml could not be read: .*dashboards\/platform\.yaml is not there/,
    );
  });

  test('deployment mistakes are said as such, before any call', async () => {
    const { BELLWETHER_SITE_BUCKET: _, ...noBucket } = ENV;
    await expect(createRelayHandler({ env: noBucket, s3 })()).rejects.toThrow(
      /BELLWETHER_SITE_BUCKET is not set/,
    );
    bucket.objects.delete('dashboards/index.yaml');
    await expect(handlerWith()()).rejects.toThrow(/index\.yaml is not in the site bucket/);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('the function environment', () => {
  test('defaults the prefixes; reads the role credentials Lambda sets', () => {
    expect(relayEnvironment({ BELLWETHER_SITE_BUCKET: 'b' })).toEqual({
      siteBucket: 'b',
      snapshotPrefix: 'snapshots/',
      dashboardPrefix: 'dashboards/',
      dashboards: '',
    });
    expect(roleCredentials(ENV)).toEqual({
      accessKeyId: 'ASIAFAKEROLEKEY00001',
      secretAccessKey: 'fake-role-secret',
      sessionToken: 'fake-role-session-token',
    });
    expect(() => roleCredentials({})).toThrow(/no AWS credentials/);
  });

  test.each([
    ['{"dashboards":[]}', /dashboards: /],
    ['{"dashboards":[{"file":"../etc/passwd"}]}', /dashboards\.0\.file: a dashboard file name/],
    ['{"dashboards":[{"file":"a.yaml","vars":[]}]}', /dashboards\.0: /],
    ['not json', /is not JSON/],
  ])('a bad relay config is refused: %s', (text, message) => {
    expect(() => parseRelayConfig(text)).toThrow(message);
  });
});
