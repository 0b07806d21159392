import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { setupAppHarness } from '../testing/render-app';
import { THEME_STORAGE_KEY } from './theme';

const app = setupAppHarness();
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
});

describe('theme choice on desk pages', () => {
  test('light or dark is applied and kept in this browser; system follows the OS again', {
    timeout: 20_000,
  }, async () => {
    const user = userEvent.setup();
    localStorage.clear();
    const first = app.render('/');
    const select = await screen.findByLabelText('Theme');
    expect(select).toHaveValue('system');
    expect(document.documentElement).not.toHaveAttribute('data-theme');

    await user.selectOptions(select, 'light');
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
    // The theme is the only thing kept, and it is a word.
    expect(Object.keys(localStorage)).toEqual([THEME_STORAGE_KEY]);
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');

    // A new visit in this browser starts in the chosen theme.
    first.unmount();
    document.documentElement.removeAttribute('data-theme');
    const second = app.render('/status');
    await waitFor(() => expect(screen.getByLabelText('Theme')).toHaveValue('light'));
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');

    await user.selectOptions(screen.getByLabelText('Theme'), 'dark');
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    await user.selectOptions(screen.getByLabelText('Theme'), 'system');
    expect(document.documentElement).not.toHaveAttribute('data-theme');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
    second.unmount();
  });
});
