import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for a KPI drill-down: its heading, time controls, chart, sections and Share panel. */
export class KpiPageObject {
  constructor(readonly page: Page) {}

  async open(path: string): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  chart(): Locator {
    return this.page.locator('.ts-chart-area');
  }

  /** The resolved window on screen, e.g. "Nov 27, 2026, 06:00 UTC – Nov 27, 2026, 12:00 UTC". */
  timeWindow(): Locator {
    return this.page.locator('.time-window');
  }

  /** The line under the title: value, its age or change, "so far …" and the variables shown. */
  headline(): Locator {
    return this.page.getByTestId('dd-headline');
  }

  headlineValue(): Locator {
    return this.headline().getByTestId('kpi-value');
  }

  age(): Locator {
    return this.headline().getByTestId('kpi-age');
  }

  soFar(): Locator {
    return this.headline().locator('.dd-so-far');
  }

  shownVariables(): Locator {
    return this.headline().getByTestId('shown-variables');
  }

  /** The status badge next to the title (or the stale badge); its data-status is the verdict. */
  titleStatus(): Locator {
    return this.page.locator('.dd-title .status-badge');
  }

  /** The badge after "Status now:" in "Why it has this status". */
  statusNow(): Locator {
    return this.section('Why it has this status').locator('.dd-status-now .status-badge');
  }

  notes(): Locator {
    return this.page.getByRole('list', { name: 'Notes from CloudWatch' });
  }

  /** The rows of the datapoints table, newest first; each row's cells are time, value, components…. */
  datapointRows(): Locator {
    return this.section('Datapoints').locator('tbody tr');
  }

  /** Waits until the chart has drawn its line and the status has reasons or says all is well. */
  async waitForData(): Promise<void> {
    await expect(this.page.locator('.ts-chart .recharts-line-curve').first()).toBeVisible();
    await expect(this.section('Why it has this status').getByText(/^Status now:/)).toBeVisible();
    await expect(this.page.getByText(/points at \d+ s\)/)).toBeVisible();
  }

  /** Opens Share, optionally freezes time, copies, and returns the link from the clipboard. */
  async copyShareLink(options: { freeze: boolean }): Promise<string> {
    await this.page.getByRole('button', { name: 'Share', exact: true }).click();
    const panel = this.page.getByRole('region', { name: 'Share this view' });
    const freeze = panel.getByLabel('Freeze time');
    await expect(freeze).toBeEnabled();
    await freeze.setChecked(options.freeze);
    await panel.getByRole('button', { name: 'Copy link' }).click();
    await expect(panel.getByText('Link copied.')).toBeVisible();
    const copied = await this.page.evaluate(() => navigator.clipboard.readText());
    await expect(panel.getByLabel('Link to this view')).toHaveValue(copied);
    return copied;
  }
}
