import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { WallPageObject } from './pages/wall-page';

/**
 * What the wall says about its data and its drawings: a PartialData answer is noted on the tile and in the
 * header, never shown as a complete range with a change over it; sparklines are images with a summary in
 * words, not tab stops.
 */

const SCREENSHOTS = 'test-results/screenshots';
const HD = { width: 1920, height: 1080 };
const ORDERS = 'Orders per minute';
const LATENCY = 'Checkout latency (p99)';
const PARTIAL = 'Partial data: CloudWatch returned only part of the range (PartialData)';

test.beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

test('partial data shows its note on the wall, and no change over a range it does not cover', async ({
  page,
  problems,
}) => {
  await page.setViewportSize(HD);
  const wall = new WallPageObject(page);
  await wall.open('/wall/checkout?fault=partial');
  await wall.waitForValues([ORDERS, LATENCY]);
  for (const title of [ORDERS, LATENCY]) {
    await expect(wall.tileNote(title)).toContainText(PARTIAL);
    // Half a range is not the range: the tile claims no change "over the last 6 hours".
    await expect(wall.tile(title).locator('.wall-tile-change')).not.toContainText('over');
  }
  await expect(wall.freshness).toContainText('only part of the range');
  await wall.expectFillsScreen();
  await wall.expectNoOverlapInTiles();
  await page.screenshot({ path: `${SCREENSHOTS}/wall-checkout-partial-1920x1080.png` });
  expect(problems.messages).toEqual([]);
});

test('the same wall without the fault has no partial-data note', async ({ page, problems }) => {
  await page.setViewportSize(HD);
  const wall = new WallPageObject(page);
  await wall.open('/wall/checkout');
  await wall.waitForValues([ORDERS, LATENCY]);
  await expect(wall.tile(ORDERS).locator('.wall-tile-change')).toContainText('over');
  await expect(wall.tile(ORDERS)).not.toContainText('Partial data');
  expect(problems.messages).toEqual([]);
});

test('every sparkline on the wall is an image named by what it shows, and none is a tab stop', async ({
  page,
  problems,
}) => {
  await page.setViewportSize(HD);
  const wall = new WallPageObject(page);
  await wall.open('/wall/checkout');
  await wall.waitForValues([ORDERS, LATENCY]);
  const sparklines = page.locator('.wall-tile .sparkline');
  const count = await sparklines.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const sparkline = sparklines.nth(i);
    await expect(sparkline).toHaveRole('img');
    await expect(sparkline).toHaveAccessibleName(/ over .+: (from .+ to .+, low .+, high .+|no data)$/);
  }
  await expect(wall.tile(ORDERS).getByRole('img', { name: /^Orders per minute over / })).toHaveCount(1);
  expect(await page.locator('svg[tabindex], [role="application"]').count()).toBe(0);
  // The first Tab lands on no drawing.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('.sparkline, svg') ?? null)).toBeNull();
  expect(problems.messages).toEqual([]);
});
