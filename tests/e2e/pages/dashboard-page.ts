import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for a dashboard: tiles by KPI title, outcomes by title, the header's refresh state. */
export class DashboardPageObject {
  constructor(readonly page: Page) {}

  async open(dashboardId: string, query = ''): Promise<void> {
    await this.page.goto(`/d/${dashboardId}${query}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  tile(title: string): Locator {
    return this.page.getByRole('article', { name: title, exact: true });
  }

  errorTile(title: string): Locator {
    return this.page.getByRole('article', { name: `${title}: error` });
  }

  outcome(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }

  tileValue(title: string): Locator {
    return this.tile(title).getByTestId('kpi-value');
  }

  /** The tile's value without the faint "so far …" of the period in progress that sits inside it. */
  async tileHeadline(title: string): Promise<string> {
    return this.tileValue(title).evaluate((el) =>
      [...el.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim(),
    );
  }

  /** "so far 653 (period in progress)", when the tile's newest period is still filling. */
  tileSoFar(title: string): Locator {
    return this.tileValue(title).locator('.kpi-so-far');
  }

  /** "as of 18:49 UTC, 40 min ago", when the tile's newest datapoint is older than it should be. */
  tileAge(title: string): Locator {
    return this.tile(title).getByTestId('kpi-age');
  }

  /** CloudWatch's messages about the tile's KPI, e.g. "CloudWatch ArithmeticError: …". */
  tileNote(title: string): Locator {
    return this.tile(title).getByTestId('kpi-note');
  }

  /** The header's " · Environment: staging" when the view is off the default variables. */
  shownVariables(): Locator {
    return this.page.getByRole('heading', { level: 1 }).getByTestId('shown-variables');
  }

  /** Waits until every KPI tile shows a number rather than the loading dash. */
  async waitForValues(titles: string[]): Promise<void> {
    for (const title of titles) {
      await expect(this.tileValue(title)).toHaveText(/\d/);
    }
  }
}
