/**
 * The built app on a real network path: a loopback CloudWatch (the simulated account over node:http, with
 * AWS-style CORS) on another origin, non-demo pasted credentials, no msw service worker, the CSP on.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { type LoopbackCloudWatch, startLoopbackCloudWatch } from '../../scripts/fake-cloudwatch-server';
import { DEPLOYED_SITE_BROWSER, deploySite } from './deployed-site';
import { expect, test } from './fixtures';
import { DashboardPageObject } from './pages/dashboard-page';

test.use(DEPLOYED_SITE_BROWSER);

const SCREENSHOTS = 'test-results/screenshots';
const ACCESS_KEY_ID = 'ASIAE2ETESTBELLWETHR';
const SECRET = 'e2eSecretAccessKey/bellwether+loopback00';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjE2E-session-token-for-the-loopback-endpoint';

let server: LoopbackCloudWatch;
let noCors: Server;
let noCorsUrl: string;

test.beforeAll(async () => {
  server = await startLoopbackCloudWatch();
  noCors = createServer((_req, res) => res.writeHead(200).end('no CORS headers here'));
  await new Promise<void>((resolve) => noCors.listen(0, '127.0.0.1', resolve));
  noCorsUrl = `http://127.0.0.1:${(noCors.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await server.close();
  await new Promise((resolve) => noCors.close(resolve));
});
test.afterEach(() => {
  server.faults.clear();
  server.deny.clear();
});

/** Serves the deployment config a real site would have (this endpoint, pasted credentials) to the next page load. */
async function deployConfig(page: Page, endpoint: string): Promise<void> {
  await deploySite(page, { regions: ['us-east-1'], endpoint, credentials: { source: 'pasted' } });
}

class ConnectPageObject {
  constructor(readonly page: Page) {}

  status() {
    return this.page.getByRole('status').filter({ hasText: /^(Ready|Not connected):/ });
  }

  async paste(): Promise<void> {
    await this.page.getByLabel('Access key id').fill(ACCESS_KEY_ID);
    await this.page.getByLabel('Secret access key').fill(SECRET);
    await this.page.getByLabel('Session token').fill(SESSION_TOKEN);
    await this.page.getByRole('button', { name: 'Use these credentials' }).click();
    await expect(this.status()).toContainText('Ready: Pasted temporary credentials ASIA…ETHR');
  }

  async check(): Promise<void> {
    await this.page.getByRole('button', { name: 'Check connection' }).click();
  }

  report() {
    return this.page.getByRole('status', { name: 'Connection check' });
  }
}

test('connects to a loopback CloudWatch with pasted credentials and shows the dashboard end to end', async ({
  page,
  problems,
}) => {
  const assets: string[] = [];
  page.on('request', (request) => assets.push(new URL(request.url()).pathname));
  await deployConfig(page, server.url);

  // Not connected yet: any address opens the connection screen first.
  await page.goto('/d/checkout');
  await expect(page).toHaveURL(/\/connect$/);
  const connect = new ConnectPageObject(page);
  await expect(connect.status()).toContainText('Not connected: Paste temporary AWS credentials');
  // Routing requests through Playwright would answer CORS preflights itself; from here on the network is real.
  await page.unrouteAll();
  await connect.paste();

  await connect.check();
  await expect(connect.report()).toContainText('Connected: this site can read CloudWatch in us-east-1.');
  await expect(connect.report()).toContainText('ListMetrics works');
  await expect(connect.report()).toContainText('GetMetricData works');
  await expect(connect.report()).toContainText('DescribeAlarms works');
  await page.screenshot({ path: `${SCREENSHOTS}/connect-loopback.png`, fullPage: true });

  await page.getByRole('link', { name: 'Back to dashboards' }).click();
  await page.getByRole('link', { name: 'Checkout', exact: true }).click();
  const dashboard = new DashboardPageObject(page);
  await dashboard.waitForValues(['Orders per minute', 'Payment success rate', 'Checkout latency (p99)']);
  await expect(page.getByRole('status').filter({ hasText: 'Up to date' })).toBeVisible();
  await expect(dashboard.tile('Checkout latency (p99)')).toContainText('checkout-prod-p99-high');

  // The calls crossed origins: preflighted, from the app's origin, signed with the pasted session token.
  const origin = new URL(page.url()).origin;
  expect(server.preflights.length).toBeGreaterThan(0);
  expect(server.preflights.every((p) => p.allowed && p.origin === origin)).toBe(true);
  expect(server.preflights.flatMap((p) => p.headers)).toEqual(
    expect.arrayContaining([
      'authorization',
      'x-amz-date',
      'x-amz-security-token',
      'x-amz-target',
      'x-amzn-query-mode',
    ]),
  );
  expect(new Set(server.origins)).toEqual(new Set([origin]));
  const operations = new Set(server.calls.map((c) => c.operation));
  expect(operations).toEqual(new Set(['ListMetrics', 'GetMetricData', 'DescribeAlarms']));
  expect(server.calls.every((c) => c.headers['x-amz-security-token'] === SESSION_TOKEN)).toBe(true);

  // No simulated account in this tab: no service worker, no fake, its chunk never downloaded.
  const inPage = await page.evaluate(() => ({
    controller: navigator.serviceWorker.controller !== null,
    fake: (window as { __bellwetherFake?: unknown }).__bellwetherFake !== undefined,
    local: localStorage.length,
    session: JSON.stringify(sessionStorage),
  }));
  expect(inPage).toEqual({ controller: false, fake: false, local: 0, session: '{}' });
  expect(assets.some((path) => path.includes('mockServiceWorker') || /\/assets\/browser-/.test(path))).toBe(
    false,
  );
  expect(page.url()).not.toContain(SECRET);
  await page.screenshot({ path: `${SCREENSHOTS}/checkout-loopback.png`, fullPage: true });
  expect(problems.messages).toEqual([]);
});

test('check connection names a missing IAM action, expired credentials and a CORS refusal in words', async ({
  page,
}) => {
  await deployConfig(page, server.url);
  await page.goto('/connect');
  const connect = new ConnectPageObject(page);
  await connect.paste();

  server.deny.add('DescribeAlarms');
  await connect.check();
  await expect(connect.report()).toContainText('Partly working: 2 of 3 calls');
  await expect(connect.report()).toContainText('grant the IAM action cloudwatch:DescribeAlarms');
  server.deny.clear();

  server.faults.expiredToken();
  await connect.check();
  await expect(connect.report()).toContainText('Not working: none of the 3 calls');
  await expect(connect.report()).toContainText('The pasted AWS credentials have expired');
  await expect(connect.report()).toContainText('paste new ones at /connect');
  await page.screenshot({ path: `${SCREENSHOTS}/connect-expired.png`, fullPage: true });

  // An endpoint that answers without CORS headers: the browser blocks the read, and the app says so.
  await page.unroute('**/config.json');
  await deployConfig(page, noCorsUrl);
  await page.reload();
  await connect.paste();
  await connect.check();
  await expect(connect.report()).toContainText('refused to let the page read it (CORS)');
  await page.screenshot({ path: `${SCREENSHOTS}/connect-cors.png`, fullPage: true });
});

test('a broken config.json is shown on screen with its line and field, and nothing is called', async ({
  page,
}) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: '{\n  "credentials": {"source": "cognito"},\n  "region": "eu-west-1"\n}',
    }),
  );
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'This site’s config.json needs fixing' })).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    "config.json line 2, credentials.source: credentials.source is 'cognito'",
  );
  await expect(alert).toContainText(
    "config.json line 3, region: unknown field 'region' (did you mean 'regions'?)",
  );
  await page.screenshot({ path: `${SCREENSHOTS}/config-errors.png`, fullPage: true });
});
