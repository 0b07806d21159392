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
      /GetMetricData: ≈ \d+(\.\d)? metrics a refresh, \$\d+\.\d\d a month at 60 s per screen/,
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
    expect(cells[4]).toMatch(/^\$\d+\.\d\d at 60 s$/);
  });
});
