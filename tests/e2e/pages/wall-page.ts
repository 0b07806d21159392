import { expect, type Locator, type Page, type Request } from '@playwright/test';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type FaultKind = 'throttle' | '5xx' | '503' | 'slow' | 'network' | 'expired' | 'partial';

/**
 * Page object for the wall. Time is Playwright's fake clock: `advance` moves it in steps and lets each
 * refresh the steps start finish in real time, so minutes of wall life take seconds of test.
 */
export class WallPageObject {
  /** CloudWatch requests in flight (answered by the simulated account through the service worker). */
  readonly #pending = new Set<Request>();

  constructor(readonly page: Page) {
    const isCloudWatch = (request: Request): boolean => request.url().includes('amazonaws.com');
    page.on('request', (request) => {
      if (isCloudWatch(request)) this.#pending.add(request);
    });
    page.on('requestfinished', (request) => this.#pending.delete(request));
    page.on('requestfailed', (request) => this.#pending.delete(request));
  }

  /** Installs the fake clock (before the page loads, so every timer is under it) and opens the wall. */
  async open(path: string): Promise<void> {
    await this.page.clock.install();
    await this.page.goto(path);
    await expect(this.title).toBeVisible();
  }

  /**
   * Opens the wall with Date frozen at `at` and every timer running in real time: what the account has
   * published, and so what the wall shows, is then the same however slow the machine is.
   */
  async openAtFixedTime(path: string, at: number): Promise<void> {
    await this.page.clock.setFixedTime(at);
    await this.page.goto(path);
    await expect(this.title).toBeVisible();
  }

  /** The title's " · Environment: staging" when the wall is off the default variables. */
  get variables(): Locator {
    return this.title.getByTestId('wall-variables');
  }

  tileAge(title: string): Locator {
    return this.tile(title).getByTestId('kpi-age');
  }

  tileNote(title: string): Locator {
    return this.tile(title).getByTestId('kpi-note');
  }

  get title(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The header's freshness block: Live, Degraded or Waiting (a status), or the Stale banner (an alert). */
  get freshness(): Locator {
    return this.page.locator('.wall-freshness');
  }

  get staleBanner(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /Stale: data is/i });
  }

  tile(title: string): Locator {
    return this.page.getByRole('article', { name: title, exact: true });
  }

  tileValue(title: string): Locator {
    return this.tile(title).getByTestId('kpi-value');
  }

  outcome(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }

  async waitForValues(titles: string[]): Promise<void> {
    for (const title of titles) await expect(this.tileValue(title)).toHaveText(/\d/);
  }

  /**
   * Waits in real time until no CloudWatch request is in flight, then a moment for React to draw the answer.
   * Retry back-offs are timers, not requests, so they never hold this up; a slow fault does, up to `timeoutMs`.
   */
  async settle(timeoutMs = 15_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.#pending.size > 0) {
      if (Date.now() > deadline) return false;
      await sleep(25);
    }
    await sleep(60);
    return true;
  }

  /**
   * Moves the fake clock on in steps until `done` holds, failing after `maxMs` of wall time. A slow fault
   * keeps requests in flight for as long as it likes, so each step waits for them only briefly.
   */
  async advanceUntil(done: () => Promise<boolean>, maxMs: number, step = 5000): Promise<void> {
    for (let elapsed = 0; elapsed <= maxMs; elapsed += step) {
      if (await done()) return;
      await this.page.clock.runFor(step);
      await this.settle(1500);
    }
    if (await done()) return;
    throw new Error(`still not there after ${maxMs / 1000} s of wall time`);
  }

  /** True once the wall shows `title`'s board (its heading), drawn and on screen. */
  async showsBoard(title: string): Promise<boolean> {
    return (await this.title.textContent())?.trim() === title;
  }

  /** The text of the header's freshness block, or '' when there is none yet. */
  async freshnessText(): Promise<string> {
    return (await this.freshness.textContent()) ?? '';
  }

  /** Moves the fake clock forward in steps, letting the refreshes each step starts complete. */
  async advance(ms: number, step = 5000): Promise<void> {
    for (let done = 0; done < ms; done += step) {
      await this.page.clock.runFor(Math.min(step, ms - done));
      if (!(await this.settle())) throw new Error('CloudWatch requests still in flight after 15 s');
    }
  }

  async injectFault(kind: FaultKind, options: { delayMs?: number } = {}): Promise<void> {
    await this.page.evaluate(
      ([k, o]) => {
        const fake = window.__bellwetherFake;
        if (!fake) throw new Error('the simulated account is not running');
        fake.faults.inject(k as FaultKind, o);
      },
      [kind, options] as const,
    );
  }

  async clearFaults(): Promise<void> {
    await this.page.evaluate(() => window.__bellwetherFake?.faults.clear());
  }

  /** No two parts of a tile (title, value, change, sparkline, reason, note) overlap: a big value never covers the words. */
  async expectNoOverlapInTiles(): Promise<void> {
    const overlaps = await this.page.evaluate(() => {
      const out: string[] = [];
      for (const tile of document.querySelectorAll('.wall-tile')) {
        const parts = [...tile.querySelectorAll<HTMLElement>('.wall-tile-body > *')].filter(
          (el) => el.getBoundingClientRect().height > 0,
        );
        for (let i = 0; i + 1 < parts.length; i++) {
          const [a, b] = [parts[i], parts[i + 1]];
          if (!a || !b) continue;
          const gap = b.getBoundingClientRect().top - a.getBoundingClientRect().bottom;
          if (gap < -1) out.push(`${tile.getAttribute('data-kpi')}: ${a.className} over ${b.className}`);
        }
      }
      return out;
    });
    expect(overlaps, 'parts of a tile that overlap').toEqual([]);
  }

  /**
   * The wall fills the viewport without scrolling, and nothing on it is cut off: every tile and outcome is
   * inside the viewport, and no value is wider or taller than its box.
   */
  async expectFillsScreen(): Promise<void> {
    const layout = await this.page.evaluate(() => {
      const doc = document.documentElement;
      const inside = (el: Element): boolean => {
        const r = el.getBoundingClientRect();
        return r.left >= 0 && r.top >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5;
      };
      const boxes = [...document.querySelectorAll('.wall-tile, .wall-outcome, .wall-header, .wall-footer')];
      const values = [...document.querySelectorAll<HTMLElement>('.wall-tile-value')];
      const grid = document.querySelector('.wall-tiles')?.getBoundingClientRect();
      return {
        scrolls: doc.scrollHeight > innerHeight || doc.scrollWidth > innerWidth,
        outside: boxes.filter((el) => !inside(el)).map((el) => el.textContent?.slice(0, 40)),
        clipped: values
          .filter((el) => {
            const body = el.parentElement?.getBoundingClientRect();
            const r = el.getBoundingClientRect();
            const tooWide = el.scrollWidth > el.clientWidth + 1;
            const outsideTile = !body || r.top < body.top || r.bottom > body.bottom + 0.5;
            return tooWide || outsideTile;
          })
          .map((el) => el.textContent),
        tiles: document.querySelectorAll('.wall-tile').length,
        gridShare: grid ? (grid.width * grid.height) / (innerWidth * innerHeight) : 0,
      };
    });
    expect(layout.scrolls, 'the page scrolls').toBe(false);
    expect(layout.outside, 'boxes outside the viewport').toEqual([]);
    expect(layout.clipped, 'values cut off').toEqual([]);
    expect(layout.tiles).toBeGreaterThan(0);
    // The tiles take most of the screen: the header, outcomes and footer are a band, not the page.
    expect(layout.gridShare).toBeGreaterThan(0.55);
  }
}
