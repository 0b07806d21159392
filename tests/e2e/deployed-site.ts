import { type Page, test } from '@playwright/test';
import { writeMetaPolicy } from '../../scripts/deploy-csp';
import { deploymentPolicy } from '../../scripts/deploy-plan';
import { CHROMIUM_ARGS } from '../../scripts/find-chromium.mjs';
import { parseAppConfig } from '../../src/data/app-config';

/** Where the running test's project serves the build (playwright.config.ts's baseURL). */
function testSiteOrigin(): string {
  const base = test.info().project.use.baseURL;
  if (!base) throw new Error('deploySite needs the site origin outside a test with a baseURL');
  return new URL(base).origin;
}

/**
 * Serves the built site as `npm run deploy` would with this config.json: the config itself, and every page
 * with the deployment's own Content-Security-Policy, which allows its endpoint (a build's own policy allows
 * only https to AWS; a loopback endpoint is allowed only where a deployment names it).
 */
export async function deploySite(
  page: Page,
  config: Record<string, unknown>,
  siteOrigin = testSiteOrigin(),
): Promise<void> {
  const body = JSON.stringify(config);
  const parsed = parseAppConfig(body);
  if (!parsed.ok) throw new Error(`not a valid config.json: ${JSON.stringify(parsed.errors)}`);
  const policy = deploymentPolicy(parsed.config, false);
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body }));
  // Only the app's own pages (its routes have no file extension); everything else goes straight on.
  await page.route(
    (url) => url.origin === siteOrigin && !/\.[a-z0-9]+$/i.test(url.pathname),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      return route.fulfill({ response, body: writeMetaPolicy(await response.text(), policy) });
    },
  );
}

/**
 * Chromium's Local Network Access puts a page answered by the test (route.fulfill, as deploySite does)
 * in an "unknown" address space and then refuses its calls to loopback; a deployed page has a real one.
 * Specs that use deploySite with a loopback endpoint launch Chromium without that check:
 * `test.use(DEPLOYED_SITE_BROWSER)`.
 */
export const LOCAL_NETWORK_ACCESS_OFF = '--disable-features=LocalNetworkAccessChecks';
export const DEPLOYED_SITE_BROWSER = {
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, LOCAL_NETWORK_ACCESS_OFF],
  },
};
