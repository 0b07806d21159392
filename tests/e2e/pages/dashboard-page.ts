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

  /** Waits until every KPI tile shows a number rather than the loading dash. */
  async waitForValues(titles: string[]): Promise<void> {
    for (const title of titles) {
      await expect(this.tileValue(title)).toHaveText(/\d/);
    }
  }
}
