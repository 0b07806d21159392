import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { setupAppHarness } from '../../testing/render-app';

const app = setupAppHarness();
configure({ asyncUtilTimeout: 10_000 });

describe('the bill and the app status', () => {
  test('a dashboard says what its refreshes cost, and /status counts the calls it made', {
    timeout: 20_000,
  }, async () => {
    const user = userEvent.setup();
    app.render('/d/checkout');
    const cost = await screen.findByTestId('dashboard-cost');
    expect(cost).toHaveTextContent(
      /GetMetricData: ≈ \d+(\.\d)? metrics a refresh, \$\d+\.\d\d a month per screen at 60 s; first load \d+ metrics \(\$[\d.]+\); us-east-1 at \$0\.01 per 1,000 metrics/,
    );
    const calls = app.fake.calls.filter((c) => c.operation === 'GetMetricData').length;
    expect(calls).toBeGreaterThan(0);

    await user.click(within(cost).getByRole('link', { name: 'App status' }));
    const table = await screen.findByRole('table', { name: 'Refreshes per dashboard' });
    const row = within(table).getByRole('row', { name: /^checkout/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // Refreshes, then calls: the calls the simulated account saw for this dashboard.
    await waitFor(() => expect(Number(cells[1])).toBeGreaterThanOrEqual(1));
    expect(Number(cells[1])).toBeLessThanOrEqual(
      app.fake.calls.filter((c) => c.operation === 'GetMetricData').length,
    );
    // Bytes received, the first load, the long-run metrics and the month from the first refresh on.
    expect(cells[3]).toMatch(/^\d+(\.\d)? KiB$/);
    expect(cells[4]).toMatch(/^\d+ metrics, \d+(\.\d)? KiB, \$[\d.]+$/);
    await waitFor(() => expect(within(row).getAllByRole('cell')[5]?.textContent).toMatch(/^≈ \d+(\.\d)?/));
    expect(within(row).getAllByRole('cell')[6]?.textContent).toMatch(/^\$\d+\.\d\d at 60 s$/);
  });

  test('a drill-down’s own calls have a row of their own, after its dashboard', {
    timeout: 30_000,
  }, async () => {
    const gmd = (): number => app.fake.calls.filter((c) => c.operation === 'GetMetricData').length;
    const before = gmd();
    app.render('/d/checkout/k/payment-success-rate');
    await screen.findByRole('heading', { level: 1, name: /Payment success rate/ });
    await waitFor(() => expect(gmd() - before).toBeGreaterThanOrEqual(2));
    await userEvent.setup().click(screen.getByRole('link', { name: 'Status' }));
    const table = await screen.findByRole('table', { name: 'Refreshes per dashboard' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'checkout us-east-1',
      'checkout › Payment success rate (drill-down) us-east-1',
    ]);
    const cells = (row: HTMLElement): string[] =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent ?? '');
    const [board, drill] = rows.map(cells) as [string[], string[]];
    // Every GetMetricData call the simulated account saw is in one row or the other.
    expect(Number(board[1]) + Number(drill[1])).toBe(gmd() - before);
    expect(Number(drill[1])).toBeGreaterThanOrEqual(1);
    expect(drill[4]).toMatch(/^\d+ metrics, /);
  });
});
