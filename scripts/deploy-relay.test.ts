/**
 * The artifact itself: what `npm run deploy -- --stack` uploads is bundled and zipped here, unzipped, and
 * its `index.handler` run as Lambda would run it (environment variables, no injected clients) against S3
 * over HTTP and the simulated CloudWatch. So the bundle carries everything it needs and nothing is left
 * to the runtime.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFakeCloudWatch } from '@bellwether/fake-cloudwatch';
import { cloudWatchHandlers } from '@bellwether/fake-cloudwatch/msw';
import { unzipSync } from 'fflate';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { parseSnapshot } from '../src/data/snapshot/snapshot-format';
import { fakeS3 } from '../src/testing/fake-s3';
import { packageRelay } from './deploy-relay';
import { RELAY_ENTRY_FILE } from './deploy-relay-plan';

const fake = createFakeCloudWatch({ now: () => Date.now() });
const bucket = fakeS3('bellwether-site-artifact', 'eu-west-1');
const server = setupServer(...cloudWatchHandlers(fake), ...bucket.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => {
  server.close();
  vi.unstubAllEnvs();
});

test('the zip holds one ESM file whose handler relays, with the SDK inside it', {
  timeout: 120_000,
}, async () => {
  const zip = await packageRelay(mkdtempSync(join(tmpdir(), 'bellwether-relay-build-')));
  const files = unzipSync(zip);
  expect(Object.keys(files)).toEqual([RELAY_ENTRY_FILE]);
  const code = files[RELAY_ENTRY_FILE] ?? new Uint8Array();
  const text = new TextDecoder().decode(code);
  // Self-contained: no import of a package, only Node's own modules (the runtime's SDK is not used).
  const imports = [...text.matchAll(/\bfrom\s*["']([^"']+)["']/g)].map((m) => m[1]);
  expect(imports.filter((name) => !name?.startsWith('node:'))).toEqual([]);
  expect(zip.length).toBeLessThan(1_000_000);

  const dir = mkdtempSync(join(tmpdir(), 'bellwether-relay-run-'));
  writeFileSync(join(dir, RELAY_ENTRY_FILE), code);
  for (const file of ['index.yaml', 'checkout.yaml']) {
    bucket.objects.set(`dashboards/${file}`, {
      body: readFileSync(join(import.meta.dirname, '..', 'public', 'dashboards', file), 'utf8'),
      contentType: 'application/yaml',
      cacheControl: undefined,
    });
  }
  vi.stubEnv('AWS_REGION', 'eu-west-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAFAKEARTIFACT0001');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'fake-secret');
  vi.stubEnv('AWS_SESSION_TOKEN', 'fake-token');
  vi.stubEnv('BELLWETHER_SITE_BUCKET', 'bellwether-site-artifact');
  vi.stubEnv('BELLWETHER_SNAPSHOT_PREFIX', 'snapshots/');
  vi.stubEnv('BELLWETHER_DASHBOARD_PREFIX', 'dashboards/');
  vi.stubEnv('BELLWETHER_RELAY_DASHBOARDS', '{"dashboards":[{"file":"checkout.yaml"}]}');
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const lambda = (await import(/* @vite-ignore */ pathToFileURL(join(dir, RELAY_ENTRY_FILE)).href)) as {
    handler: (
      event: unknown,
      context: { getRemainingTimeInMillis(): number },
    ) => Promise<{ written: number }>;
  };
  const summary = await lambda.handler({}, { getRemainingTimeInMillis: () => 50_000 });
  expect(summary).toMatchObject({ written: 1, faults: 0 });
  const object = bucket.objects.get('snapshots/checkout/env=prod.json');
  expect(object?.cacheControl).toBe('public, max-age=15');
  expect(parseSnapshot(object?.body ?? '')?.dashboard.id).toBe('checkout');
  expect(fake.calls.some((c) => c.operation === 'GetMetricData')).toBe(true);
});
