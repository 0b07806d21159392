import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { readDashboardFile, setupAppHarness } from '../../testing/render-app';

const app = setupAppHarness();
// The whole app loads its dashboards and data over msw: on a busy machine that takes longer than 1 s.
configure({ asyncUtilTimeout: 10_000 });

async function tileValue(title: string): Promise<string> {
  const tile = await screen.findByRole('article', { name: title });
  await waitFor(() => expect(within(tile).getByTestId('kpi-value')).toHaveTextContent(/\d/), {
    timeout: 5000,
  });
  return within(tile).getByTestId('kpi-value').textContent ?? '';
}

describe('dashboard page', () => {
  // The whole app renders over msw here; on a loaded 2-core machine this takes more than the default 5 s.
  test('shows every KPI of the checkout dashboard with a value, a status word and its outcome', {
    timeout: 20_000,
  }, async () => {
    app.render('/d/checkout');
    expect(await screen.findByRole('heading', { level: 1, name: 'Checkout' })).toBeInTheDocument();
    expect(await tileValue('Orders per minute')).toMatch(/\/min$/);
    expect(await tileValue('Payment success rate')).toMatch(/%$/);
    expect(await tileValue('Cost per order')).toMatch(/^\$/);
    const pay = screen.getByRole('region', { name: 'Customers can pay' });
    await waitFor(() => expect(within(pay).getAllByText(/^(At risk|Breached)$/).length).toBeGreaterThan(0));
    const calls = app.fake.calls.filter((c) => c.operation === 'GetMetricData');
    expect(calls.length).toBeGreaterThan(0);
  });

  test('one broken KPI becomes a named error tile and the others still load', {
    timeout: 20_000,
  }, async () => {
    const original = readDashboardFile('checkout.yaml') ?? '';
    app.overrideFile('checkout.yaml', original.replace('direction: lower-is-better', 'direction: downwards'));
    app.render('/d/checkout');
    const errorTile = await screen.findByRole('article', { name: /: error$/ });
    expect(errorTile).toHaveTextContent(
      /checkout\.yaml line \d+, kpis\[\d\]\.direction: 'downwards' is not one of/,
    );
    expect(await tileValue('Orders per minute')).toMatch(/\d/);
  });

  test('a missing dashboard says so and links back to the list', async () => {
    app.render('/d/no-such-board');
    expect(
      await screen.findByRole('heading', { name: /No dashboard called “no-such-board”/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See all dashboards' })).toHaveAttribute('href', '/');
  });

  test('changing the time range fetches the new window', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    app.render('/d/checkout');
    await tileValue('Orders per minute');
    app.fake.clearCalls();
    await user.selectOptions(screen.getByLabelText('Time range'), 'now-24h');
    const dayAgo = Date.now() / 1000 - 24 * 3600;
    // The series cache holds the last 6 hours of the per-minute series, so only their older part of the
    // day is asked for (in a call that may also carry other, longer windows).
    interface Body {
      StartTime: number;
      MetricDataQueries: { MetricStat?: { Metric: { MetricName: string }; Period: number } }[];
    }
    const ordersPerMinuteFrom = (): number[] =>
      app.fake.calls
        .filter((c) => c.operation === 'GetMetricData')
        .map((c) => c.body as Body)
        .filter((b) =>
          b.MetricDataQueries.some(
            (q) => q.MetricStat?.Metric.MetricName === 'OrdersPlaced' && q.MetricStat.Period === 60,
          ),
        )
        .map((b) => b.StartTime);
    await waitFor(() => expect(ordersPerMinuteFrom().some((s) => s <= dayAgo + 600)).toBe(true));
  });
});
