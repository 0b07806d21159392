/**
 * The built app on another origin against a loopback CloudWatch whose CORS preflight refuses the JSON
 * protocol's headers (X-Amz-Target, x-amzn-query-mode): with config.json's protocol left at auto, the app
 * falls back to CloudWatch's query protocol by itself and still shows the dashboard; with "query" it
 * never tries JSON at all.
 */
import type { Page } from '@playwright/test';
import { type LoopbackCloudWatch, startLoopbackCloudWatch } from '../../scripts/fake-cloudwatch-server';
import { DEPLOYED_SITE_BROWSER, deploySite } from './deployed-site';
import { expect, test } from './fixtures';
import { DashboardPageObject } from './pages/dashboard-page';

test.use(DEPLOYED_SITE_BROWSER);

const SCREENSHOTS = 'test-results/screenshots';
const FORM = 'application/x-www-form-urlencoded';

let server: LoopbackCloudWatch;

test.beforeAll(async () => {
  server = await startLoopbackCloudWatch({ refuseJsonPreflight: true });
});
test.afterAll(() => server.close());
test.beforeEach(() => {
  server.calls.length = 0;
  server.preflights.length = 0;
});

async function connectAndOpenCheckout(page: Page, protocol?: 'query'): Promise<DashboardPageObject> {
  await deploySite(page, {
    regions: ['us-east-1'],
    endpoint: server.url,
    credentials: { source: 'pasted' },
    ...(protocol ? { protocol } : {}),
  });
  await page.goto('/d/checkout');
  await expect(page).toHaveURL(/\/connect$/);
  // Routing through Playwright would answer CORS preflights itself; from here on the network is real.
  await page.unrouteAll();
  await page.getByLabel('Access key id').fill('ASIAE2ETESTBELLWETHR');
  await page.getByLabel('Secret access key').fill('e2eSecretAccessKey/bellwether+query00000');
  await page.getByLabel('Session token').fill('IQoJb3JpZ2luX2VjE2E-query-protocol-session');
  await page.getByRole('button', { name: 'Use these credentials' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Ready:/ })).toContainText(
    'Pasted temporary credentials',
  );
  await page.getByRole('link', { name: 'Back to dashboards' }).click();
  await page.getByRole('link', { name: 'Checkout', exact: true }).click();
  const dashboard = new DashboardPageObject(page);
  await dashboard.waitForValues(['Orders per minute', 'Payment success rate', 'Checkout latency (p99)']);
  return dashboard;
}

/** The signed requests that reached the account were all the query protocol's. */
function expectOnlyQueryCalls(): void {
  expect(server.calls.length).toBeGreaterThan(0);
  expect(server.calls.every((c) => c.headers['content-type'] === FORM)).toBe(true);
  expect(server.calls.some((c) => c.headers['x-amz-target'] !== undefined)).toBe(false);
  expect(new Set(server.calls.map((c) => c.operation))).toEqual(new Set(['GetMetricData', 'DescribeAlarms']));
}

test('auto: the JSON preflight is refused, the app switches to the query protocol and shows the dashboard', async ({
  page,
  problems,
}) => {
  const dashboard = await connectAndOpenCheckout(page);
  await expect(dashboard.tile('Checkout latency (p99)')).toContainText('checkout-prod-p99-high');
  await expect(page.getByRole('status').filter({ hasText: 'Up to date' })).toBeVisible();
  // Said once, in words, with a way to make it the default.
  const notice = page.getByRole('status').filter({ hasText: /now speaks CloudWatch's query protocol/ });
  await expect(notice).toContainText('"protocol": "query"');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);

  // JSON was tried first and refused at the preflight; everything after went over query, preflighted
  // without the JSON headers.
  const refused = server.preflights.filter((p) => !p.allowed);
  expect(refused.length).toBeGreaterThan(0);
  expect(refused.every((p) => p.headers.includes('x-amz-target'))).toBe(true);
  const allowed = server.preflights.filter((p) => p.allowed);
  expect(allowed.length).toBeGreaterThan(0);
  expect(
    allowed.some((p) => p.headers.includes('x-amz-target') || p.headers.includes('x-amzn-query-mode')),
  ).toBe(false);
  expectOnlyQueryCalls();
  await page.screenshot({ path: `${SCREENSHOTS}/checkout-query-protocol.png`, fullPage: true });
  // The browser logs each refused preflight, and the 404 the loopback gives the reachability probe's
  // no-cors GET (the answer that tells CORS from a dead network); nothing else went wrong.
  const expected = /CORS policy|net::ERR_FAILED|status of 404 \(Not Found\)/;
  expect(problems.messages.filter((m) => !expected.test(m))).toEqual([]);
});

test('"protocol": "query" never tries the JSON protocol', async ({ page, problems }) => {
  await connectAndOpenCheckout(page, 'query');
  expect(server.preflights.length).toBeGreaterThan(0);
  expect(server.preflights.every((p) => p.allowed)).toBe(true);
  // A form-encoded body is CORS-safelisted, so only the signing and SDK headers are asked for.
  expect(new Set(server.preflights.flatMap((p) => p.headers))).toEqual(
    new Set([
      'amz-sdk-invocation-id',
      'amz-sdk-request',
      'authorization',
      'x-amz-content-sha256',
      'x-amz-date',
      'x-amz-security-token',
      'x-amz-user-agent',
    ]),
  );
  expectOnlyQueryCalls();
  expect(problems.messages).toEqual([]);
});
