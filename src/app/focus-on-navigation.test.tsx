import { createMemoryHistory } from '@tanstack/react-router';
import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { createMetricsSource } from '../data/source-config';
import { setupAppHarness } from '../testing/render-app';
import { App } from './app';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

setupAppHarness();
configure({ asyncUtilTimeout: 10_000 });

function renderAt(path: string): ReturnType<typeof createAppRouter> {
  const router = createAppRouter(createMemoryHistory({ initialEntries: [path] }));
  render(
    <App source={createMetricsSource({ kind: 'demo' })} queryClient={createQueryClient()} router={router} />,
  );
  return router;
}

describe('focus on navigation', () => {
  test('moves to the new page heading, and back to the tile link on Back', { timeout: 60_000 }, async () => {
    const user = userEvent.setup();
    const router = renderAt('/');
    // The first load moves nothing.
    await screen.findByRole('heading', { level: 1, name: 'Dashboards' });
    expect(document.activeElement).toBe(document.body);

    await user.click(await screen.findByRole('link', { name: 'Checkout' }));
    const title = await screen.findByRole('heading', { level: 1, name: 'Checkout' });
    await waitFor(() => expect(document.activeElement).toBe(title));

    const details = await screen.findByRole('link', { name: 'Payment success rate details' });
    details.focus();
    await user.keyboard('{Enter}');
    const kpiTitle = await screen.findByRole('heading', { level: 1, name: 'Payment success rate' });
    await waitFor(() => expect(document.activeElement).toBe(kpiTitle));

    router.history.back();
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName('Payment success rate details'));
    expect(document.activeElement?.tagName).toBe('A');
  });

  test('a change that stays on the page (the time range) leaves focus where it is', {
    timeout: 30_000,
  }, async () => {
    const user = userEvent.setup();
    renderAt('/d/checkout');
    const range = await screen.findByLabelText('Time range');
    await user.selectOptions(range, 'now-24h');
    await waitFor(() => expect(range).toHaveValue('now-24h'));
    expect(document.activeElement).toBe(range);
  });
});
