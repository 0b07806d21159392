import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { setupAppHarness } from '../../testing/render-app';

const app = setupAppHarness();
configure({ asyncUtilTimeout: 10_000 });

describe('wall keys', () => {
  test('→ and ← go to the next and previous board, round the playlist', { timeout: 20_000 }, async () => {
    app.render('/wall?boards=checkout,platform&rotate=10m');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Checkout'));
    expect(screen.getByText(/^Board 1 of 2/)).toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Platform'));
    expect(screen.getByText(/^Board 2 of 2/)).toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Checkout'));
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Platform'));
    // With a modifier the browser's own shortcut wins (Alt+← is Back).
    fireEvent.keyDown(window, { key: 'ArrowLeft', altKey: true });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Platform');
  });
});
