import { mkdirSync } from 'node:fs';
import { expect, type PageProblems, test } from './fixtures';
import { WallPageObject } from './pages/wall-page';

const SCREENSHOTS = 'test-results/screenshots';
const CHECKOUT_KPIS = [
  'Orders per minute',
  'Payment success rate',
  'Checkout latency (p99)',
  'Cost per order',
];
const PLATFORM_KPIS = ['Load balancer 5xx rate', 'Target response time (p99)', 'Invoices exported'];

test.beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

/** A failed request is logged by the browser itself; a fault test expects those and nothing else. */
function unexpectedProblems(problems: PageProblems): string[] {
  return problems.messages.filter((m) => !/Failed to load resource|net::ERR_FAILED/.test(m));
}

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`a playlist fills the ${size} screen and rotates between two dashboards`, async ({
    page,
    problems,
  }) => {
    await page.setViewportSize(viewport);
    const wall = new WallPageObject(page);
    await wall.open('/wall?boards=checkout,platform&rotate=30s');
    await expect(wall.title).toHaveText('Checkout');
    await wall.waitForValues(CHECKOUT_KPIS);
    await expect(wall.outcome('Customers can pay').getByText(/^(At risk|Breached)$/)).toBeVisible();
    await expect(wall.freshness).toHaveText(/^Live · Last update/);
    await expect(page.getByText('Board 1 of 2')).toBeVisible();
    await wall.expectFillsScreen();
    await page.screenshot({ path: `${SCREENSHOTS}/wall-checkout-${size}.png` });

    // The step is due 30 s after the first; wait for the wall to say it has moved, not for the clock.
    await wall.advance(25_000);
    await wall.advanceUntil(() => wall.showsBoard('Platform'), 10_000, 1000);
    await expect(wall.title).toHaveText('Platform');
    await wall.waitForValues(PLATFORM_KPIS);
    await expect(page.getByText('Board 2 of 2')).toBeVisible();
    await wall.expectFillsScreen();
    await page.screenshot({ path: `${SCREENSHOTS}/wall-platform-${size}.png` });

    await wall.advance(25_000);
    await wall.advanceUntil(() => wall.showsBoard('Checkout'), 10_000, 1000);
    await expect(wall.title).toHaveText('Checkout');
    expect(problems.messages).toEqual([]);
  });
}

test('shows a stale banner when the account stops answering, and clears it when it answers again', async ({
  page,
  problems,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const wall = new WallPageObject(page);
  await wall.open('/wall/checkout');
  await wall.waitForValues(CHECKOUT_KPIS);
  const before = await wall.tileValue('Orders per minute').textContent();

  await wall.injectFault('network');
  await wall.advance(65_000);
  await expect(wall.freshness).toHaveText(/^Degraded .*Refresh failing.*Could not reach CloudWatch/);
  await expect(wall.staleBanner).toHaveCount(0);

  await wall.advance(70_000);
  await expect(wall.staleBanner).toBeVisible();
  await expect(wall.staleBanner).toContainText(/Stale: data is \d+ min old/i);
  await expect(wall.staleBanner).toContainText(/Could not reach CloudWatch/);
  await expect(wall.tile('Orders per minute')).toContainText(/Stale · \d+ min/i);
  await expect(wall.tileValue('Orders per minute')).toHaveText(before ?? '');
  // Stale is never healthy: the only OK words left are "Last known" on stale tiles.
  await expect(page.locator('.wall-tile .wall-tile-head .status-ok')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/wall-stale-1920x1080.png` });

  await wall.clearFaults();
  await wall.advance(60_000);
  await expect(wall.staleBanner).toHaveCount(0);
  await expect(wall.freshness).toHaveText(/^Live/);
  await expect(page.locator('[data-stale]')).toHaveCount(0);
  expect(unexpectedProblems(problems)).toEqual([]);
});

test('every fault the account can inject keeps the last good data, shows degraded, and recovers by itself', async ({
  page,
  problems,
}) => {
  // 1080p: Platform's nine tiles on one page (a 1280×720 window pages them, to keep their text readable).
  await page.setViewportSize({ width: 1920, height: 1080 });
  const wall = new WallPageObject(page);
  await wall.open('/wall/platform');
  await wall.waitForValues(PLATFORM_KPIS);
  const faults = [
    { kind: 'throttle', says: /CloudWatch is throttling requests/ },
    { kind: '5xx', says: /CloudWatch had a server error/ },
    { kind: '503', says: /CloudWatch had a server error/ },
    { kind: 'expired', says: /credentials have expired/ },
    { kind: 'slow', says: /CloudWatch is slow to answer/, delayMs: 20_000 },
    // A hang longer than the interval: the attempt in flight when it clears is abandoned, the retry answers.
    { kind: 'slow', says: /CloudWatch is slow to answer/, delayMs: 10 * 60_000 },
  ] as const;
  for (const fault of faults) {
    const before = await wall.tileValue('Load balancer 5xx rate').textContent();
    await wall.injectFault(fault.kind, 'delayMs' in fault ? { delayMs: fault.delayMs } : {});
    // The next refresh tick meets the fault, within one interval; a slow answer is still on its way.
    await wall.advanceUntil(async () => /^Degraded/.test(await wall.freshnessText()), 75_000);
    await expect(wall.freshness, fault.kind).toContainText(fault.says);
    await expect(wall.tileValue('Load balancer 5xx rate')).toHaveText(before ?? '');
    await wall.clearFaults();
    // Recovery within one refresh interval of the fault clearing.
    await wall.advanceUntil(async () => /^Live/.test(await wall.freshnessText()), 60_000);
  }
  expect(unexpectedProblems(problems)).toEqual([]);
});

test('at 1366×768 the address sets theme, clock, order and tiles per page, and bad values are only noted', async ({
  page,
  problems,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const wall = new WallPageObject(page);
  await wall.open('/wall/platform?theme=light&tz=utc&sort=status&tiles=6&rotate=2s&kiosk=yes');
  await wall.waitForValues(['Load balancer 5xx rate']);
  await expect(page.locator('.wall')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('.wall-clock')).toContainText('UTC');
  await expect(page.getByText(/^Ignored in the address:/)).toContainText(
    "rotate '2s' is too fast to read; rotating every 10 s · unknown parameter 'kiosk'",
  );
  // Nine KPIs at most six a page: two pages of five and four, worst first.
  await expect(page.getByText('page 1 of 2')).toBeVisible();
  await expect(page.locator('.wall-tile')).toHaveCount(5);
  await expect(page.locator('.wall-tile').first()).toHaveAttribute('data-status', /breached|at-risk/);
  await wall.expectFillsScreen();
  await page.screenshot({ path: `${SCREENSHOTS}/wall-platform-light-1366x768.png` });
  await wall.advance(5000);
  await wall.advanceUntil(async () => (await page.getByText('page 2 of 2').count()) > 0, 10_000, 1000);
  await expect(page.getByText('page 2 of 2')).toBeVisible();
  await expect(page.locator('.wall-tile')).toHaveCount(4);
  await wall.expectFillsScreen();
  expect(problems.messages).toEqual([]);
});
