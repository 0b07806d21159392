/**
 * The relay end to end: `npm run relay` (scripts/relay.ts) refreshes the dashboards against the loopback
 * CloudWatch and writes snapshots to a folder; the built app, configured with `"source": "snapshot"`,
 * is open on three wall screens that read those snapshots from the site. The screens make no CloudWatch
 * call, every call the account sees is the relay's, a stopped relay makes every wall stale, and a
 * restarted one (seeded from its own snapshots) makes them live again.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { type LoopbackCloudWatch, startLoopbackCloudWatch } from '../../scripts/fake-cloudwatch-server';
import { DEPLOYED_SITE_BROWSER, deploySite } from './deployed-site';
import { expect, test } from './fixtures';

test.use(DEPLOYED_SITE_BROWSER);

const ROOT = resolve(import.meta.dirname, '../..');
const SCREENSHOTS = 'test-results/screenshots';
/** Test only: the relay and the screens refresh every 3 s instead of every minute, so minutes take seconds. */
const INTERVAL_SECONDS = 3;
const WALLS = ['/wall/checkout', '/wall/platform', '/wall?boards=checkout,platform'];

let server: LoopbackCloudWatch;
let work: string;
let dashboards: string;
let out: string;

test.beforeAll(async () => {
  server = await startLoopbackCloudWatch();
  work = mkdtempSync(join(tmpdir(), 'bellwether-relay-e2e-'));
  dashboards = join(work, 'dashboards');
  out = join(work, 'snapshots');
  // The site's own dashboards at a short refresh; the relay and the screens read the same files.
  cpSync(join(ROOT, 'public/dashboards'), dashboards, { recursive: true });
  for (const file of ['checkout.yaml', 'platform.yaml']) {
    const path = join(dashboards, file);
    const text = readFileSync(path, 'utf8');
    const shortened = text.replace(/^refresh: .*$/m, `refresh: ${INTERVAL_SECONDS}s`);
    if (shortened === text) throw new Error(`${file} has no top-level refresh to shorten`);
    writeFileSync(path, shortened);
  }
});

test.afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

/** `npm run relay` as an operator runs it, with the test-only short interval; its log lines kept. */
class RelayProcess {
  readonly lines: string[] = [];
  #child: ChildProcess | undefined;
  #exited: Promise<void> | undefined;

  start(): void {
    const args = [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      'scripts/relay.ts',
      '--out',
      out,
      '--endpoint',
      server.url,
      '--dashboards',
      dashboards,
      '--interval',
      String(INTERVAL_SECONDS),
      '--allow-short-interval',
    ];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      this.lines.push(...parts);
    });
    child.stderr?.resume();
    this.#exited = new Promise((done) => child.once('exit', () => done()));
    this.#child = child;
  }

  /** Stops the relay and its tsx child (one process group) and waits until it has gone. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child?.pid) return;
    process.kill(-child.pid, 'SIGTERM');
    await this.#exited;
    this.#child = undefined;
  }

  /** The relay's refreshes of one snapshot so far: its "<key>: N GetMetricData call(s)…" lines. */
  refreshes(key: string): { calls: number; seeded: boolean }[] {
    return this.lines.flatMap((line) => {
      const match = new RegExp(`${key.replace(/[.]/g, '\\.')}: (\\d+) GetMetricData call`).exec(line);
      return match
        ? [{ calls: Number(match[1]), seeded: line.includes('seeded from the last snapshot') }]
        : [];
    });
  }

  /** The relay's passes, each as the snapshots its log lines name ("<ISO time> <key>: …", one time a pass). */
  passes(): string[][] {
    const byPass = new Map<string, string[]>();
    for (const line of this.lines) {
      const match = /^(\d{4}-\d\d-\d\dT[\d:.]+Z) (\S+\.json):/.exec(line);
      if (!match) continue;
      byPass.set(match[1]!, [...(byPass.get(match[1]!) ?? []), match[2]!]);
    }
    return [...byPass.values()];
  }

  /** GetMetricData calls the relay says it made, over every snapshot. */
  calls(): number {
    return this.lines.reduce((n, line) => n + Number(/: (\d+) GetMetricData call/.exec(line)?.[1] ?? 0), 0);
  }
}

interface Screen {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
}

/** A screen of a deployment on the relay: config.json says snapshot, the site serves the relay's folder. */
async function openScreen(context: BrowserContext, path: string): Promise<Screen> {
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await deploySite(page, { regions: ['us-east-1'], source: 'snapshot', credentials: { source: 'none' } });
  await page.route('**/dashboards/*.yaml', (route) => {
    const file = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    return route.fulfill({ contentType: 'text/yaml', body: readFileSync(join(dashboards, file), 'utf8') });
  });
  // The site serves the relay's folder under snapshots/, as CloudFront serves the bucket's prefix.
  await page.route('**/snapshots/**', (route) => {
    const key = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^.*?\/snapshots\//, ''));
    try {
      return route.fulfill({ contentType: 'application/json', body: readFileSync(join(out, key), 'utf8') });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(path);
  return { context, page, requests };
}

const freshness = (screen: Screen) => screen.page.getByTestId('wall-freshness');

test('three walls on one relay: no CloudWatch call from a browser, stale when it stops, live when it restarts', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const relay = new RelayProcess();
  relay.start();
  await expect
    .poll(() => relay.refreshes('checkout/env=prod.json').length, { timeout: 30_000 })
    .toBeGreaterThan(0);

  const screens: Screen[] = [];
  for (const path of WALLS) screens.push(await openScreen(await browser.newContext(), path));
  for (const screen of screens) {
    await expect(freshness(screen)).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
    await expect(screen.page.getByTestId('kpi-value').first()).toHaveText(/\d/);
  }
  await screens[0]?.page.screenshot({ path: `${SCREENSHOTS}/relay-wall-fresh-1920x1080.png` });

  // A few more refreshes with all three screens reading.
  const seen = relay.refreshes('checkout/env=prod.json').length;
  await expect
    .poll(() => relay.refreshes('checkout/env=prod.json').length, { timeout: 30_000 })
    .toBeGreaterThan(seen + 3);
  for (const screen of screens) await expect(freshness(screen)).toHaveAttribute('data-state', 'live');

  // Every GetMetricData call the account answered is one the relay made and reported: none came from a
  // browser, and no page ever asked the loopback CloudWatch (or AWS) for anything.
  const getMetricData = server.calls.filter((c) => c.operation === 'GetMetricData').length;
  expect(getMetricData).toBe(relay.calls());
  expect(getMetricData).toBeGreaterThan(0);
  expect(server.origins.filter((origin) => origin !== undefined)).toEqual([]);
  for (const screen of screens) {
    expect(
      screen.requests.filter((url) => url.startsWith(server.url) || url.includes('amazonaws.com')),
    ).toEqual([]);
    expect(screen.requests.filter((url) => url.includes('/snapshots/')).length).toBeGreaterThan(1);
  }
  // At most one refresh per snapshot per relay pass, whatever the number of screens: every pass speaks
  // of each snapshot exactly once (refreshed, not yet due, or failed). On a busy machine a pass can run
  // late and find a snapshot not due, so the two snapshots' counts may differ; the passes cannot.
  const passes = relay.passes();
  expect(passes.length).toBeGreaterThan(3);
  for (const keys of passes) expect(keys.sort()).toEqual(['checkout/env=prod.json', 'platform/default.json']);

  // The relay stops: within two intervals every wall says its data is stale, and why.
  await relay.stop();
  const callsWhileStopped = server.calls.length;
  for (const screen of screens) {
    await expect(freshness(screen)).toHaveAttribute('data-state', 'stale', { timeout: 30_000 });
    await expect(freshness(screen)).toContainText(
      /The relay has written no snapshot for \d+ s: it may have stopped/,
    );
  }
  const [first] = screens;
  if (!first) throw new Error('no screen');
  // Stale is never healthy: no tile on a stopped relay's wall says OK.
  await expect(first.page.locator('.wall-tile .wall-tile-head .status-ok')).toHaveCount(0);
  await first.page.screenshot({ path: `${SCREENSHOTS}/relay-wall-stale-1920x1080.png` });
  expect(server.calls.length).toBe(callsWhileStopped);

  // Restarted, a fresh process seeds its cache from its own snapshots, and every wall recovers by itself.
  const before = relay.refreshes('checkout/env=prod.json').length;
  relay.start();
  await expect
    .poll(() => relay.refreshes('checkout/env=prod.json').length, { timeout: 30_000 })
    .toBeGreaterThan(before);
  expect(relay.refreshes('checkout/env=prod.json')[before]?.seeded).toBe(true);
  for (const screen of screens) {
    await expect(freshness(screen)).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  }
  await relay.stop();
  expect(server.origins.filter((origin) => origin !== undefined)).toEqual([]);
  for (const screen of screens) await screen.context.close();
});
