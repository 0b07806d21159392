import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * axe-core on every screen, in both themes: any serious or critical violation fails the run, named with
 * its rule, its help text and the elements it found, so the report says what to fix.
 */
type Theme = 'light' | 'dark';

interface Screen {
  name: string;
  /** Opens the screen in the theme and waits until what axe should judge is on it. */
  open(page: Page, theme: Theme): Promise<void>;
}

/** Desk screens follow the OS theme unless chosen: emulate the OS's. */
async function desk(page: Page, theme: Theme, path: string): Promise<void> {
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Waits for the board's first answer: tiles hold values, not "Loading". */
async function boardLoaded(page: Page): Promise<void> {
  await expect(page.getByTestId('kpi-value').first()).toHaveText(/\d/);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

const SCREENS: Screen[] = [
  {
    name: 'front page',
    open: async (page, theme) => {
      await desk(page, theme, '/');
      await expect(page.locator('[data-testid="board-card"][data-status="pending"]')).toHaveCount(0);
    },
  },
  {
    name: 'desk',
    open: async (page, theme) => {
      await desk(page, theme, '/d/checkout');
      await boardLoaded(page);
    },
  },
  {
    name: 'drill-down',
    open: async (page, theme) => {
      await desk(page, theme, '/d/checkout/k/payment-success-rate');
      await expect(page.getByRole('table').first()).toBeVisible();
    },
  },
  {
    name: 'share panel open',
    open: async (page, theme) => {
      await desk(page, theme, '/d/checkout');
      await boardLoaded(page);
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await expect(page.getByRole('region', { name: 'Share this view' })).toBeVisible();
    },
  },
  {
    name: 'status',
    open: async (page, theme) => {
      await desk(page, theme, '/status');
    },
  },
  {
    name: 'connect',
    open: async (page, theme) => {
      await desk(page, theme, '/connect');
    },
  },
  {
    name: 'wall',
    open: async (page, theme) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(`/wall/checkout?theme=${theme}`);
      await expect(page.getByTestId('kpi-value').first()).toHaveText(/\d/);
    },
  },
];

for (const theme of ['light', 'dark'] as const) {
  for (const screen of SCREENS) {
    test(`axe: no serious or critical violation on the ${screen.name}, ${theme} theme`, async ({
      page,
      problems,
    }) => {
      await screen.open(page, theme);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        // Experimental in axe, so off by default: a control's name must contain its visible words (WCAG 2.5.3).
        .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
        .analyze();
      // axe did judge the page: a blank or unloaded screen would pass with nothing to say.
      expect(results.passes.length).toBeGreaterThan(10);
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          rule: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
        }));
      expect(serious).toEqual([]);
      // prefers-reduced-motion (emulated by every screen above): nothing on the page is moving.
      const moving = await page.evaluate(() =>
        document
          .getAnimations()
          .filter((a) => a.playState === 'running')
          .map((a) => (a as CSSAnimation).animationName ?? 'script animation'),
      );
      expect(moving).toEqual([]);
      expect(problems.messages).toEqual([]);
    });
  }
}

/** Every Tab stop of a screen, in order, until focus comes round again or leaves the page. */
async function tabStops(
  page: Page,
): Promise<{ name: string; tag: string; inImage: boolean; visible: boolean }[]> {
  const stops: { name: string; tag: string; inImage: boolean; visible: boolean }[] = [];
  for (let i = 0; i < 120; i += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const labelled = el.getAttribute('aria-labelledby');
      const name = (
        el.getAttribute('aria-label') ??
        (labelled ? document.getElementById(labelled)?.textContent : null) ??
        ((el as HTMLInputElement).labels?.[0]?.textContent || null) ??
        el.textContent ??
        ''
      ).trim();
      const r = el.getBoundingClientRect();
      return {
        name,
        tag: el.tagName.toLowerCase(),
        inImage: el.closest('[role="img"]') !== null || el.tagName.toLowerCase() === 'svg',
        visible: r.width > 0 && r.height > 0,
        key: `${el.tagName}|${name}|${Math.round(r.top)}|${Math.round(r.left)}`,
      };
    });
    if (!stop) break;
    if (stops.length > 0 && (stops[0] as { key?: string }).key === stop.key) break;
    stops.push(stop);
  }
  return stops;
}

for (const screen of SCREENS.filter((s) => s.name !== 'wall' && s.name !== 'share panel open')) {
  test(`keyboard: every Tab stop on the ${screen.name} is visible and named, none inside a chart`, async ({
    page,
    problems,
  }) => {
    await screen.open(page, 'dark');
    const stops = await tabStops(page);
    expect(stops.length).toBeGreaterThan(3);
    // The first Tab skips the header.
    expect(stops[0]?.name).toBe('Skip to the content');
    const bad = stops.filter((s) => !s.visible || s.name === '' || s.inImage);
    expect(bad).toEqual([]);
    expect(problems.messages).toEqual([]);
  });
}
