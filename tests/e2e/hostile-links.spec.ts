// Links an attacker or a mangled chat message would produce (issues 14 and 16): each must leave the page
// answering input and say precisely what is wrong; every address renders the app's frame with a way on.
// How long the main thread is blocked is measured in the inputs benchmark, not asserted here.
import { longUnknownKey, nestedExplicitKeys } from '../../src/domain/kpi/hostile-yaml';
import { expect, test } from './fixtures';

async function packDashboard(yaml: string): Promise<string> {
  const stream = new Blob([yaml]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return Buffer.from(bytes).toString('base64url');
}

test.afterEach(({ problems }) => {
  expect(problems.messages).toEqual([]);
});

for (const [what, yaml, message] of [
  [
    'the nested-key link (240 levels once froze the tab 5.3 s)',
    nestedExplicitKeys(240),
    /nested more than 32 levels deep/,
  ],
  ['the nested-key link at 1,000 levels', nestedExplicitKeys(1000), /nested more than 32 levels deep/],
  [
    'the long-key link (once 9.3 s in "did you mean")',
    longUnknownKey(100_000),
    /a key of 100,002 characters/,
  ],
] as const) {
  test(`${what} shows the precise error and the page answers input`, async ({ page }) => {
    const payload = await packDashboard(yaml);
    // The link is read off the main thread, in a Web Worker the page starts for it.
    const worker = page.waitForEvent('worker', (w) => /open-shared\.worker/.test(w.url()));
    await page.goto(`/shared#d=${payload}`);
    expect((await worker).url()).toMatch(/open-shared\.worker/);
    await expect(page.getByRole('heading', { name: 'The dashboard in this link has errors' })).toBeVisible();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('shared-link.yaml line ');
    await expect(alert).toContainText(message);
    // The whole key is never quoted: the message stays a few lines long.
    expect(((await alert.textContent()) ?? '').length).toBeLessThan(1500);
    await page.getByRole('link', { name: 'Bellwether' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('link', { name: /Checkout/ }).first()).toBeVisible();
  });
}

for (const [what, value, notice] of [
  [
    'the 8 KB link of secret-shaped text (once 2.8 s in the secret check)',
    'a/'.repeat(4000),
    'a parameter that looks like a credential or token was dropped',
  ],
  [
    'an 8 KB link of plain text',
    'a-'.repeat(4000),
    'a parameter of 8,001 characters was dropped; at most 2,048 are read',
  ],
] as const) {
  test(`${what} is dropped with a notice and the filter still answers`, async ({ page }) => {
    await page.goto(`/d/checkout?q=${value}`);
    await expect(
      page.getByRole('status').filter({ hasText: 'Some settings in the address were ignored' }),
    ).toContainText(notice);
    const orders = page.getByRole('article', { name: 'Orders per minute', exact: true });
    await expect(orders).toBeVisible();
    await page.getByLabel('Filter KPIs').fill('payment');
    await expect(orders).toBeHidden();
    await expect(page).toHaveURL(/[?&]q=payment/);
  });
}

for (const [what, path, heading, text] of [
  ['an unknown route', '/no/such/page', 'Page not found', 'There is nothing at this address.'],
  [
    'an unknown route under a dashboard',
    '/d/checkout/k/payment-success-rate/extra',
    'Page not found',
    'There is nothing at this address.',
  ],
  [
    'a dashboard that does not exist',
    '/d/no-such-board',
    'No dashboard called “no-such-board”',
    'See all dashboards',
  ],
  ['a damaged fragment', '/shared#d=abc$%25', 'The dashboard in this link could not be opened', 'damaged'],
  ['a cut fragment', '/shared#d=qlUKS', 'The dashboard in this link could not be opened', 'damaged'],
  ['a shared link without its fragment', '/shared', 'The dashboard in this link could not be opened', '#d='],
] as const) {
  test(`${what} renders the frame, a plain notice and a way on`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('link', { name: 'Bellwether' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByRole('main')).toContainText(text);
  });
}

// A static host answers a malformed path itself (vite preview with a 404; CloudFront rewrites it to
// index.html), so the app meets one when it navigates there.
test('a broken percent-encoding in the path, navigated to in the app, is a page not found', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => {
    history.pushState({}, '', '/d/%E0%A4%A');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'See all dashboards' })).toBeVisible();
});

test('malformed parameters on the wall are said, and the wall still shows its board', async ({ page }) => {
  await page.goto('/wall/checkout?rotate=%%%&tiles=-1&theme=<script>&boards=a,b&x=1');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Checkout');
});

test('generated hostile addresses over every route each render a page with a heading', async ({ page }) => {
  const fc = (await import('fast-check')).default;
  const text = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      'now-6h',
      'utc',
      'checkout',
      '%E0%A4%A',
      '<script>alert(1)</script>',
      '__proto__',
      '\u0000',
    ),
    fc.tuple(fc.constantFrom('a', 'eyJ', '? ', 'a/', '9'), fc.nat(3000)).map(([unit, n]) => unit.repeat(n)),
  );
  const param = fc.tuple(
    fc.oneof(
      fc.constantFrom(
        'range',
        'tz',
        'q',
        'sort',
        'compare',
        'by',
        'boards',
        'rotate',
        'tiles',
        'theme',
        'var-env',
      ),
      text,
    ),
    text,
  );
  const address = fc.record({
    path: fc.constantFrom(
      '/',
      '/d/checkout',
      '/d/checkout/k/payment-success-rate',
      '/wall',
      '/wall/checkout',
      '/shared',
      '/d/x-y',
      '/status',
    ),
    params: fc.array(param, { maxLength: 6 }),
    hash: fc.option(
      fc.string({ maxLength: 30 }).map((s) => `#d=${s}`),
      { nil: '' },
    ),
  });
  for (const { path, params, hash } of fc.sample(address, { numRuns: 8, seed: 14 })) {
    const search = new URLSearchParams(params).toString();
    await page.goto(`${path}${search ? `?${search}` : ''}${hash}`);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }
});
