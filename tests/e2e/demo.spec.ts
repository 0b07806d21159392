import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { DashboardPageObject } from './pages/dashboard-page';

const SCREENSHOTS = 'test-results/screenshots';
const CHECKOUT_KPIS = [
  'Orders per minute',
  'Payment success rate',
  'Checkout latency (p99)',
  'Cost per order',
];
const PLATFORM_KPIS = [
  'Load balancer 5xx rate',
  'Target response time (p99)',
  'Lambda invocations (all functions)',
];

test.beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

test('the front page shows every dashboard worst first, with its reason, desk and wall links', async ({
  page,
  problems,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Dashboards', level: 1 })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Simulated account' })).toContainText(
    'nothing is sent to AWS',
  );
  const cards = page.getByTestId('board-card');
  await expect(cards).toHaveCount(2);
  // Both judged: the scripted payment incident makes Checkout the worst, so it comes first.
  await expect(cards.first()).toHaveAttribute('data-status', /^(at-risk|breached)$/);
  await expect(cards.first().getByRole('heading', { level: 2 })).toHaveText('Checkout');
  await expect(cards.first().getByTestId('board-reason')).toContainText('Customers can pay:');
  await expect(page.getByRole('link', { name: 'On a wall: Checkout' })).toHaveAttribute(
    'href',
    '/wall/checkout',
  );
  await page.getByRole('link', { name: 'Platform', exact: true }).click();
  await expect(page).toHaveURL(/\/d\/platform$/);
  await new DashboardPageObject(page).waitForValues(PLATFORM_KPIS);
  expect(problems.messages).toEqual([]);
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
]) {
  test(`the desk uses the width and keeps its toolbar to two rows at ${viewport.width}×${viewport.height}`, async ({
    page,
    problems,
  }) => {
    await page.setViewportSize(viewport);
    const dashboard = new DashboardPageObject(page);
    await dashboard.open('checkout');
    await dashboard.waitForValues(CHECKOUT_KPIS);
    const layout = await page.evaluate(() => {
      /** Boxes that overlap vertically are one row. */
      const rowsOf = (rects: DOMRect[]): number => {
        let rows = 0;
        let bottom = Number.NEGATIVE_INFINITY;
        for (const r of [...rects].sort((x, y) => x.top - y.top)) {
          if (r.top >= bottom) {
            rows += 1;
            bottom = r.bottom;
          } else bottom = Math.max(bottom, r.bottom);
        }
        return rows;
      };
      const main = document.querySelector('main') as HTMLElement;
      const style = getComputedStyle(main);
      const content = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const tiles = [...document.querySelectorAll('.kpi-tile')].map((t) => t.getBoundingClientRect());
      const left = Math.min(...tiles.map((r) => r.left));
      const right = Math.max(...tiles.map((r) => r.right));
      // The toolbar: the title, the controls and the actions.
      const items = [
        ...document.querySelectorAll('.dashboard-header > h1, .dashboard-meta > *, .dashboard-actions > *'),
      ].map((el) => el.getBoundingClientRect());
      return { used: (right - left) / content, rows: rowsOf(items), tileRows: rowsOf(tiles) };
    });
    expect(layout.used).toBeGreaterThan(0.95);
    expect(layout.rows).toBeLessThanOrEqual(2);
    if (viewport.width >= 1920) expect(layout.tileRows).toBe(1);
    await page.screenshot({
      path: `${SCREENSHOTS}/checkout-layout-${viewport.width}x${viewport.height}.png`,
    });
    expect(problems.messages).toEqual([]);
  });
}

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]) {
  test(`checkout shows live values, statuses and an outcome at risk at ${viewport.width}×${viewport.height}`, async ({
    page,
    problems,
  }) => {
    await page.setViewportSize(viewport);
    const dashboard = new DashboardPageObject(page);
    await dashboard.open('checkout');
    await dashboard.waitForValues(CHECKOUT_KPIS);

    // Every tile shows its status in words next to its icon, never colour alone.
    for (const title of CHECKOUT_KPIS) {
      await expect(
        dashboard.tile(title).getByText(/^(OK|At risk|Breached|No data|Error|Not judged)$/),
      ).toBeVisible();
    }
    // The scripted payment incident puts "Customers can pay" at risk or breached, with a reason naming the KPI.
    const pay = dashboard.outcome('Customers can pay');
    await expect(pay.getByText(/^(At risk|Breached)$/).first()).toBeVisible();
    await expect(pay.locator('.outcome-reason')).toContainText(/Payment success rate|Checkout/);
    // The tab title counts outcomes at risk or breached.
    await expect(page).toHaveTitle(/^\(\d+\) Checkout — Bellwether$/);
    await expect(page.getByRole('status').filter({ hasText: 'Up to date' })).toBeVisible();

    await page.screenshot({
      path: `${SCREENSHOTS}/checkout-${viewport.width}x${viewport.height}.png`,
      fullPage: true,
    });
    expect(problems.messages).toEqual([]);
  });
}

test('a broken KPI shows a precise error tile while the rest of the dashboard works', async ({
  page,
  problems,
}) => {
  // context.route also sees requests the demo's service worker passes through to the network.
  await page.context().route('**/dashboards/checkout.yaml', async (route) => {
    const response = await route.fetch();
    const text = await response.text();
    expect(text).toContain('stat: p99\n');
    await route.fulfill({ response, body: text.replace('stat: p99\n', 'stat: p99.9x\n') });
  });
  const dashboard = new DashboardPageObject(page);
  await dashboard.open('checkout');
  const errorTile = dashboard.errorTile('Checkout latency (p99)');
  await expect(errorTile).toContainText(
    /checkout\.yaml line \d+, kpis\[\d\]\.query\.metric\.stat: 'p99\.9x' is not a CloudWatch statistic/,
  );
  await dashboard.waitForValues(['Orders per minute', 'Payment success rate', 'Cost per order']);
  await page.screenshot({ path: `${SCREENSHOTS}/checkout-broken-kpi.png`, fullPage: true });
  expect(problems.messages).toEqual([]);
});

test('a variable in the URL switches the environment and survives a reload', async ({ page, problems }) => {
  const dashboard = new DashboardPageObject(page);
  await dashboard.open('checkout', '?var-env=staging&range=now-1h');
  await expect(page.getByLabel('Environment')).toHaveValue('staging');
  await expect(page.getByLabel('Time range')).toHaveValue('now-1h');
  await dashboard.waitForValues(['Orders per minute']);
  await page.getByLabel('Time range').selectOption('now-3h');
  await expect(page).toHaveURL(/range=now-3h/);
  await page.reload();
  await expect(page.getByLabel('Time range')).toHaveValue('now-3h');
  await expect(page.getByLabel('Environment')).toHaveValue('staging');
  expect(problems.messages).toEqual([]);
});

test('a hostile or malformed URL is ignored with a notice, never executed', async ({ page, problems }) => {
  const dashboard = new DashboardPageObject(page);
  await dashboard.open('checkout', '?range=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&var-env=nope&foo=bar');
  const notice = page.getByRole('status').filter({ hasText: 'Some settings in the address were ignored' });
  await expect(notice).toContainText("range '<img src=x onerror=alert(1)>' is not a time range");
  await expect(notice).toContainText("'nope' is not one of prod, staging");
  await expect(notice).toContainText("unknown parameter 'foo'");
  await dashboard.waitForValues(['Orders per minute']);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(problems.messages).toEqual([]);
});
