/**
 * The fault matrix on every screen that shows a board: the wall, the desk dashboard and the drill-down each
 * meet every fault the account, the wire or the site can have, keep the last good data on screen, say what
 * is wrong, and recover by themselves once it clears. Time is Playwright's fake clock (WallPageObject's
 * helpers move it and let each refresh finish); nothing is reloaded between faults.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, type PageProblems, test } from './fixtures';
import { WallPageObject } from './pages/wall-page';

interface Screen {
  name: string;
  path: string;
  /** The value that must stay on screen while a fault lasts. */
  value(page: Page): Locator;
  /** True when the screen says its data is live again. */
  live(page: Page): Promise<boolean>;
}

const KPI = 'Load balancer 5xx rate';

const SCREENS: Screen[] = [
  {
    name: 'wall',
    path: '/wall/platform',
    value: (page) => page.getByRole('article', { name: KPI, exact: true }).getByTestId('kpi-value'),
    live: async (page) => /^Live/.test((await page.locator('.wall-freshness').textContent()) ?? ''),
  },
  {
    name: 'desk',
    path: '/d/platform',
    value: (page) => page.getByRole('article', { name: KPI, exact: true }).getByTestId('kpi-value'),
    live: async (page) =>
      (await page.locator('.refresh-indicator').getAttribute('data-state')) === 'idle' &&
      (await page.getByRole('alert').count()) === 0,
  },
  {
    name: 'drill-down',
    path: '/d/platform/k/alb-5xx-rate',
    value: (page) => page.getByTestId('dd-headline').getByTestId('kpi-value'),
    live: async (page) => (await page.getByRole('alert').count()) === 0,
  },
];

type Injection =
  | { account: 'throttle' | '5xx' | '503' | 'network' | 'expired' | 'partial'; delayMs?: number }
  | { account: 'slow'; delayMs: number }
  | { wire: 'malformed' | 'corsRefused' }
  | { site: 'dashboards' };

interface Fault {
  name: string;
  inject: Injection;
  /** What the screen must say while it lasts. */
  says: RegExp;
  /** Partial data changes the values (that is the fault); every other fault leaves the last good ones. */
  keepsValue: boolean;
}

const FAULTS: Fault[] = [
  {
    name: 'throttling',
    inject: { account: 'throttle' },
    says: /CloudWatch is throttling requests/,
    keepsValue: true,
  },
  { name: '5xx', inject: { account: '5xx' }, says: /CloudWatch had a server error/, keepsValue: true },
  {
    name: 'hang',
    inject: { account: 'slow', delayMs: 10 * 60_000 },
    says: /CloudWatch is slow to answer|CloudWatch did not answer within/,
    keepsValue: true,
  },
  {
    name: 'network loss',
    inject: { account: 'network' },
    says: /Could not reach CloudWatch/,
    keepsValue: true,
  },
  {
    name: 'expired credentials',
    inject: { account: 'expired' },
    says: /credentials have expired/,
    keepsValue: true,
  },
  {
    name: 'partial data',
    inject: { account: 'partial' },
    says: /PartialData|partial data|only part of/i,
    keepsValue: false,
  },
  {
    name: 'malformed response body',
    inject: { wire: 'malformed' },
    says: /answer to GetMetricData could not be read/,
    keepsValue: true,
  },
  { name: 'CORS refusal', inject: { wire: 'corsRefused' }, says: /\(CORS\)/, keepsValue: true },
  {
    name: 'the site failing to serve dashboard files',
    inject: { site: 'dashboards' },
    says: /could not be re-read/,
    // CloudWatch keeps answering: the values go on refreshing, from the dashboard as last loaded.
    keepsValue: false,
  },
];

async function inject(page: Page, fault: Injection): Promise<void> {
  if ('site' in fault) {
    // context.route also sees what the demo's service worker passes through to the network.
    await page
      .context()
      .route('**/dashboards/**', (route) =>
        route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' }),
      );
    return;
  }
  await page.evaluate((f) => {
    const fake = window.__bellwetherFake;
    const wire = window.__bellwetherWire;
    if (!fake || !wire) throw new Error('the simulated account is not running');
    if ('wire' in f) wire[f.wire] = true;
    else fake.faults.inject(f.account, f.delayMs === undefined ? {} : { delayMs: f.delayMs });
  }, fault);
}

async function clear(page: Page): Promise<void> {
  await page.context().unroute('**/dashboards/**');
  await page.evaluate(() => {
    window.__bellwetherFake?.faults.clear();
    if (window.__bellwetherWire) {
      window.__bellwetherWire.malformed = false;
      window.__bellwetherWire.corsRefused = false;
    }
  });
}

/** The text a person sees on the page (not tooltips, not hidden nodes). */
// biome-ignore lint/performance/useDomNodeTextContent: what a person sees, without hidden nodes or tooltips
const shown = (page: Page): Promise<string> => page.locator('body').innerText();

/** A failed request is logged by the browser itself; a fault test expects those and nothing else. */
function unexpectedProblems(problems: PageProblems): string[] {
  return problems.messages.filter((m) => !/Failed to load resource|net::ERR_FAILED/.test(m));
}

for (const screen of SCREENS) {
  test(`the ${screen.name} keeps the last good data through every fault, says what is wrong, and recovers`, async ({
    page,
    problems,
  }) => {
    test.setTimeout(15 * 60_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    const clock = new WallPageObject(page);
    await clock.open(screen.path);
    await expect(screen.value(page)).toHaveText(/\d/);
    await clock.advanceUntil(() => screen.live(page), 60_000);

    for (const fault of FAULTS) {
      await test.step(fault.name, async () => {
        const before = await screen.value(page).textContent();
        await inject(page, fault.inject);
        // The next refresh meets the fault (a dashboard file is re-read every 5 minutes).
        await clock.advanceUntil(async () => fault.says.test(await shown(page)), 7 * 60_000);
        if (fault.keepsValue) await expect(screen.value(page), fault.name).toHaveText(before ?? '');
        await clear(page);
        // Recovery: within a refresh interval (plus a back-off) of the fault clearing.
        await clock.advanceUntil(
          async () => !fault.says.test(await shown(page)) && (await screen.live(page)),
          3 * 60_000,
        );
        await expect(screen.value(page)).toHaveText(/\d/);
      });
    }
    expect(unexpectedProblems(problems)).toEqual([]);
  });
}
