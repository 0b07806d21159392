import { expect, test } from './fixtures';

/** The page says something before any script has run: no blank page while the modules load. */
test('the app shell is on the page before any script runs, and the app replaces it', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  // Hold every script back: what shows meanwhile is the HTML alone.
  await page.route('**/assets/*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/d/checkout', { waitUntil: 'commit' });
  await expect(page.getByRole('status').filter({ hasText: 'Bellwether is loading' })).toBeVisible();
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await expect(page.getByText('Bellwether is loading')).toHaveCount(0);
});
