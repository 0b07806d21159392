import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { setupAppHarness } from '../../testing/render-app';
import { neighbourRange } from './dashboard-header';

const app = setupAppHarness();
configure({ asyncUtilTimeout: 10_000 });

const HOUR = 3600;

describe('neighbourRange', () => {
  test.each([
    [6 * HOUR, 1, 12 * HOUR],
    [6 * HOUR, -1, 3 * HOUR],
    [5 * HOUR, 1, 6 * HOUR], // not a quick range: to the nearest longer one
    [5 * HOUR, -1, 3 * HOUR],
    [30 * 24 * HOUR, 1, undefined],
    [900, -1, undefined],
  ])('from %i s by %i gives %s s', (seconds, by, expected) => {
    const next = neighbourRange({ kind: 'relative', seconds }, by as -1 | 1);
    expect(next?.kind === 'relative' ? next.seconds : next).toBe(expected);
  });
});

describe('desk keys', () => {
  test('] and [ step the time range, / goes to the filter, typing there is typing', {
    timeout: 20_000,
  }, async () => {
    const user = userEvent.setup();
    app.render('/d/checkout');
    const range = await screen.findByLabelText('Time range');
    expect(range).toHaveValue('now-6h');
    await user.keyboard(']');
    await waitFor(() => expect(screen.getByLabelText('Time range')).toHaveValue('now-12h'));
    await user.keyboard('[['); // '[[' is user-event's escape for one '['
    await waitFor(() => expect(screen.getByLabelText('Time range')).toHaveValue('now-6h'));
    await user.keyboard('[['); // '[[' is user-event's escape for one '['
    await waitFor(() => expect(screen.getByLabelText('Time range')).toHaveValue('now-3h'));
    await user.keyboard('/');
    const filter = screen.getByLabelText('Filter KPIs');
    expect(document.activeElement).toBe(filter);
    await user.keyboard('r[[');
    expect(filter).toHaveValue('r[');
    expect(screen.getByLabelText('Time range')).toHaveValue('now-3h');
  });

  test('r refreshes now', { timeout: 20_000 }, async () => {
    app.render('/d/checkout');
    const tile = await screen.findByRole('article', { name: 'Orders per minute' });
    await waitFor(() => expect(within(tile).getByTestId('kpi-value')).toHaveTextContent(/\d/));
    app.fake.clearCalls();
    fireEvent.keyDown(document.body, { key: 'r' });
    await waitFor(() =>
      expect(
        app.fake.calls.some((c) => c.operation === 'GetMetricData' || c.operation === 'DescribeAlarms'),
      ).toBe(true),
    );
  });

  test('outcomes share rows by their number of tiles', { timeout: 20_000 }, async () => {
    app.render('/d/checkout');
    const pay = await screen.findByRole('region', { name: 'Customers can pay' });
    const profit = screen.getByRole('region', { name: 'Orders are profitable' });
    expect(pay.style.getPropertyValue('--tiles')).toBe('3');
    expect(profit.style.getPropertyValue('--tiles')).toBe('1');
  });
});
