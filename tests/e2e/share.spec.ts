import { expect, test } from './fixtures';
import { KpiPageObject } from './pages/kpi-page';

const HOSTILE = `id: hostile
title: "<img src=x onerror=alert('title')>"
description: "<script>alert('description')</script>"
region: us-east-1
kpis:
  - id: orders
    title: "<svg onload=alert(1)>Orders"
    description: "<iframe src=javascript:alert(2)></iframe>"
    owner: "<a href=javascript:alert(3)>owner</a>"
    category: health
    unit: count
    direction: higher-is-better
    query:
      metric:
        namespace: Shop/Checkout
        name: OrdersPlaced
        dimensions: { Environment: prod }
        stat: Sum
        period: 60
  - id: sneaky
    title: Sneaky runbook
    category: health
    unit: count
    direction: higher-is-better
    runbook: "javascript:alert(document.cookie)"
    query:
      metric: { namespace: Shop/Checkout, name: OrdersPlaced, stat: Sum }
`;

async function packDashboard(yaml: string): Promise<string> {
  const stream = new Blob([yaml]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return Buffer.from(bytes).toString('base64url');
}

test('a copied link, frozen or relative, shows the same KPI, range and variables in a fresh browser', async ({
  page,
  browser,
  context,
  problems,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const kpi = new KpiPageObject(page);
  await kpi.open('/d/checkout/k/payment-success-rate?range=now-3h&tz=utc&var-env=staging&compare=1d');
  await kpi.waitForData();

  const frozen = await kpi.copyShareLink({ freeze: true });
  expect(frozen).toMatch(
    /\/d\/checkout\/k\/payment-success-rate\?range=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ&tz=utc&var-env=staging&compare=1d$/,
  );
  const onScreen = await kpi.timeWindow().textContent();

  const fresh = await browser.newContext();
  const other = new KpiPageObject(await fresh.newPage());
  await other.page.goto(frozen);
  await expect(other.heading('Payment success rate')).toBeVisible();
  await expect(other.page.getByLabel('Environment')).toHaveValue('staging');
  await expect(other.page.getByLabel('Compare with')).toHaveValue('1d');
  await expect(other.page.getByLabel('Time range')).toHaveValue('custom');
  await expect(other.timeWindow()).toHaveText(onScreen ?? '');
  await other.waitForData();

  await page.getByRole('button', { name: 'Close' }).click();
  const relative = await kpi.copyShareLink({ freeze: false });
  expect(relative).toMatch(/\?range=now-3h&tz=utc&var-env=staging&compare=1d$/);
  await other.page.goto(relative);
  await expect(other.page.getByLabel('Time range')).toHaveValue('10800');
  await expect(other.page.getByLabel('Environment')).toHaveValue('staging');
  await fresh.close();
  expect(problems.messages).toEqual([]);
});

test('a hostile dashboard in a link is shown as inert text', async ({ page, problems }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const payload = await packDashboard(HOSTILE);
  await page.goto(`/shared#d=${payload}`);
  await expect(page.getByRole('note', { name: 'Dashboard from a link' })).toContainText('came from a link');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("<img src=x onerror=alert('title')>");
  await expect(page.getByRole('article', { name: 'Sneaky runbook: error' })).toContainText(
    'a link must start with http:// or https://',
  );
  await page.getByRole('link', { name: '<svg onload=alert(1)>Orders details' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<svg onload=alert(1)>Orders');
  await expect(page.getByText('<a href=javascript:alert(3)>owner</a>')).toBeVisible();
  await expect(page.locator('main img, main script, main iframe, main a[href^="javascript"]')).toHaveCount(0);
  await expect(page.locator('main svg[onload]')).toHaveCount(0);

  await page.goto(`/shared#d=${payload.slice(0, 40)}`);
  await expect(page.getByRole('alert')).toContainText('damaged');
  expect(dialogs).toEqual([]);
  expect(problems.messages).toEqual([]);
});
