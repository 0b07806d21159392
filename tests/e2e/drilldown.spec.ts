import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { DashboardPageObject } from './pages/dashboard-page';
import { KpiPageObject } from './pages/kpi-page';

const SCREENSHOTS = 'test-results/screenshots';

test.beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

test('from a tile to its drill-down with the keyboard alone, then zoom by dragging', async ({
  page,
  problems,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const dashboard = new DashboardPageObject(page);
  await dashboard.open('checkout', '?range=now-6h&var-env=prod');
  await dashboard.waitForValues(['Payment success rate']);

  // Tab to the tile's link, as a keyboard user would, and open it with Space.
  const link = page.getByRole('link', { name: 'Payment success rate details' });
  for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(link).toBeFocused();
  await page.keyboard.press('Space');

  const kpi = new KpiPageObject(page);
  await expect(kpi.heading('Payment success rate')).toBeVisible();
  await expect(page).toHaveURL(/\/d\/checkout\/k\/payment-success-rate\?range=now-6h&var-env=prod$/);
  await kpi.waitForData();
  // The scripted Adyen incident: the status names its reasons, and the breakdown puts Adyen first.
  await expect(
    kpi
      .section('Why it has this status')
      .getByText(/Payment success rate below/)
      .first(),
  ).toBeVisible();
  await page.getByLabel('Break down by').selectOption('PaymentProvider');
  await expect(page).toHaveURL(/by=PaymentProvider/);
  const multiples = page.getByRole('list', { name: 'Payment success rate by PaymentProvider' });
  await expect(multiples.getByRole('figure')).toHaveCount(3);
  await expect(multiples.getByRole('figure').first().locator('strong')).toHaveText('adyen');
  await page.getByLabel('Compare with').selectOption('1d');
  await expect(page.locator('.dd-legend').getByText('Previous day', { exact: true })).toBeVisible();
  await expect(
    kpi.section('Queries sent to CloudWatch').getByRole('link', { name: 'Open in CloudWatch console' }),
  ).toHaveAttribute(
    'href',
    /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=us-east-1#metricsV2:graph=~\(/,
  );
  await kpi.waitForData();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SCREENSHOTS}/drilldown-1920.png` });
  await page.screenshot({ path: `${SCREENSHOTS}/drilldown-1920-full.png`, fullPage: true });

  // Drag across the middle of the chart: the range becomes that absolute stretch of time.
  const box = await kpi.chart().boundingBox();
  if (!box) throw new Error('the chart has no box');
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/range=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
  await expect(page.getByLabel('Time range')).toHaveValue('custom');
  // Back returns to the relative range.
  await page.goBack();
  await expect(page).toHaveURL(/range=now-6h/);
  expect(problems.messages).toEqual([]);
});

test('a malformed address degrades to defaults with a notice', async ({ page, problems }) => {
  const kpi = new KpiPageObject(page);
  await kpi.open(
    '/d/checkout/k/orders-per-minute?range=yesterday&tz=mars&compare=1y&by=%22x%22&var-env=qa&token=AKIAIOSFODNN7EXAMPLE',
  );
  await expect(kpi.heading('Orders per minute')).toBeVisible();
  const notice = page.getByRole('status').filter({ hasText: 'Some settings in the address were ignored' });
  await expect(notice).toContainText("range 'yesterday' is not a time range");
  await expect(notice).toContainText("tz 'mars' is not one of local, utc");
  await expect(notice).toContainText('looks like a credential or token');
  await expect(notice).toContainText("env: 'qa' is not one of prod, staging");
  await expect(notice).not.toContainText('AKIAIOSFODNN7EXAMPLE');
  await kpi.waitForData();
  expect(problems.messages).toEqual([]);
});
