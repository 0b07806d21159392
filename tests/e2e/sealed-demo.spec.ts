/**
 * The demo is sealed: a session across every route, with faults and a wall left in the middle of a refresh,
 * sends nothing to any AWS host. The simulated account answers inside the page (msw's service worker);
 * every request that would go past it to the network is stopped here and counted.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { KpiPageObject } from './pages/kpi-page';
import { WallPageObject } from './pages/wall-page';

const SHARED = `id: shared
title: Shared
region: us-east-1
kpis:
  - id: orders
    title: Orders
    category: health
    unit: count
    direction: higher-is-better
    query:
      metric: { namespace: Shop/Checkout, name: OrdersPlaced, dimensions: { Environment: prod }, stat: Sum, period: 60 }
`;

async function packDashboard(yaml: string): Promise<string> {
  const stream = new Blob([yaml]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return Buffer.from(bytes).toString('base64url');
}

const isAwsHost = (url: URL): boolean =>
  url.hostname === 'amazonaws.com' || url.hostname.endsWith('.amazonaws.com');

/** Stops and records every request to an AWS host that reaches the network (the page's or the worker's). */
async function blockAws(context: BrowserContext): Promise<string[]> {
  const escaped: string[] = [];
  await context.route(isAwsHost, (route) => {
    const request = route.request();
    escaped.push(`${request.method()} ${request.url()}`);
    return route.abort('blockedbyclient');
  });
  return escaped;
}

/** Calls the demo's account answered (so the session really talked to CloudWatch, to the simulated one). */
async function answeredCalls(page: Page): Promise<number> {
  return page.evaluate(() => window.__bellwetherFake?.calls.length ?? 0);
}

test('a demo session across every route makes no request to any AWS host', async ({ page, context }) => {
  test.setTimeout(120_000);
  const escaped = await blockAws(context);
  let answered = 0;

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Dashboards', level: 1 })).toBeVisible();

  await page.goto('/d/checkout');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Checkout');
  await expect(
    page.getByRole('article', { name: 'Orders per minute', exact: true }).getByTestId('kpi-value'),
  ).toHaveText(/\d/);
  answered += await answeredCalls(page);

  const kpi = new KpiPageObject(page);
  await kpi.open('/d/checkout/k/payment-success-rate?range=now-3h&compare=1d&by=PaymentProvider');
  await kpi.waitForData();
  answered += await answeredCalls(page);

  // A shared ad-hoc dashboard (the route that reads a link's fragment), and its drill-down.
  await page.goto(`/shared#d=${await packDashboard(SHARED)}`);
  await expect(page.getByRole('note', { name: 'Dashboard from a link' })).toBeVisible();
  await expect(
    page.getByRole('article', { name: 'Orders', exact: true }).getByTestId('kpi-value'),
  ).toHaveText(/\d/);
  await page.getByRole('link', { name: 'Orders details' }).click();
  await kpi.waitForData();
  answered += await answeredCalls(page);

  await page.goto('/status');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.goto('/connect');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const check = page.getByRole('button', { name: 'Check connection' });
  if (await check.isVisible()) {
    await check.click();
    await expect(page.getByRole('status', { name: 'Connection check' })).toBeVisible();
  }

  // A simulated network fault: the failing calls and the reachability probe stay in the simulation.
  await page.goto('/d/platform?fault=network');
  await expect(page.getByText(/Could not reach CloudWatch/).first()).toBeVisible({ timeout: 30_000 });

  await page.goto('/wall?boards=checkout,platform&rotate=30s');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checkout');
  answered += await answeredCalls(page);

  expect(answered, 'calls the simulated account answered').toBeGreaterThan(0);
  expect(escaped).toEqual([]);
});

test('a wall left in the middle of a refresh sends nothing after the page starts to unload', async ({
  page,
  context,
}) => {
  const escaped = await blockAws(context);
  const wall = new WallPageObject(page);
  await wall.open('/wall/checkout');
  await wall.waitForValues(['Orders per minute']);
  const before = await answeredCalls(page);
  expect(before).toBeGreaterThan(0);

  // A hung answer is in flight when the person leaves; from beforeunload on, msw's worker lets this
  // page's requests through to the network, so the demo's client must send nothing more.
  await wall.injectFault('slow', { delayMs: 60_000 });
  await page.clock.runFor(61_000);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeunload')));
  await page.clock.runFor(5 * 60_000);
  await expect(wall.freshness).toContainText(/not answering for this page|Could not reach/);
  await page.goto('/d/checkout');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Checkout');
  await expect(
    page.getByRole('article', { name: 'Orders per minute', exact: true }).getByTestId('kpi-value'),
  ).toHaveText(/\d/);
  expect(escaped).toEqual([]);
});

test('the check (context route) does see a request that would reach AWS', async ({ page, context }) => {
  const escaped = await blockAws(context);
  await page.goto('/connect');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // A page the worker does not answer for (a new worker-less context: a request from about:blank).
  const other = await context.newPage();
  await other.goto('about:blank');
  await other.evaluate(() =>
    fetch('https://monitoring.us-east-1.amazonaws.com/', { method: 'POST' }).catch(() => 0),
  );
  expect(escaped).toEqual(['POST https://monitoring.us-east-1.amazonaws.com/']);
});
