import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { setupAppHarness } from '../../testing/render-app';
import { encodeAdhocDashboard } from './adhoc-link';

const app = setupAppHarness();
// The whole app loads its dashboards and data over msw: on a busy machine that takes longer than 1 s.
configure({ asyncUtilTimeout: 10_000 });
vi.setConfig({ testTimeout: 20_000 });
const SLOW = 20_000;

const HOSTILE = `id: hostile
title: "<img src=x onerror=alert('title')>"
description: "<script>alert('description')</script>"
region: us-east-1
kpis:
  - id: orders
    title: "<b onmouseover=alert(1)>Orders</b>"
    description: "<iframe src=javascript:alert(2)>"
    owner: "<a href=javascript:alert(3)>me</a>"
    category: health
    unit: count
    direction: higher-is-better
    query:
      metric:
        namespace: Shop/Checkout
        name: OrdersPlaced
        dimensions: { Environment: prod }
        stat: Sum
        period: 60
  - id: sneaky
    title: Sneaky runbook
    category: health
    unit: count
    direction: higher-is-better
    runbook: "javascript:alert(document.cookie)"
    query:
      metric:
        namespace: Shop/Checkout
        name: OrdersPlaced
        stat: Sum
`;

async function packed(yaml: string): Promise<string> {
  const result = await encodeAdhocDashboard(yaml);
  if (!result.ok) throw new Error(result.error.message);
  return result.payload;
}

describe('tiles open the drill-down', () => {
  test('with Space on the tile’s link, keeping range and variables', { timeout: SLOW }, async () => {
    const user = userEvent.setup();
    app.render('/d/checkout?range=now-3h&var-env=staging');
    const link = await screen.findByRole('link', { name: 'Payment success rate details' });
    expect(link.getAttribute('href')).toBe('/d/checkout/k/payment-success-rate?range=now-3h&var-env=staging');
    link.focus();
    await user.keyboard(' ');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Payment success rate' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Environment')).toHaveValue('staging');
  });
});

describe('share and saved views', () => {
  test('Share copies the link in one click, and freeze time pins the window on screen', {
    timeout: SLOW,
  }, async () => {
    const user = userEvent.setup();
    app.render('/d/checkout/k/orders-per-minute?range=now-1h&compare=1d');
    await screen.findByRole('heading', { level: 1, name: 'Orders per minute' });
    await user.click(screen.getByRole('button', { name: 'Share' }));
    const panel = screen.getByRole('region', { name: 'Share this view' });
    const field = within(panel).getByLabelText('Link to this view');
    expect(field).toHaveValue('http://localhost:3000/d/checkout/k/orders-per-minute?range=now-1h&compare=1d');
    // The one click has copied it already, and says so.
    expect(await within(panel).findByText('Link copied.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe((field as HTMLInputElement).value);
    await waitFor(() => expect(within(panel).getByLabelText('Freeze time')).toBeEnabled(), { timeout: 8000 });
    await user.click(within(panel).getByLabelText('Freeze time'));
    expect((field as HTMLInputElement).value).toMatch(
      /\?range=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ&compare=1d$/,
    );
    await user.click(within(panel).getByRole('button', { name: 'Copy link' }));
    expect(await within(panel).findByText('Link copied.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe((field as HTMLInputElement).value);
  });

  test('save, rename and delete a view', { timeout: SLOW }, async () => {
    const user = userEvent.setup();
    localStorage.clear();
    app.render('/d/checkout?range=now-12h&sort=status');
    await screen.findByRole('heading', { level: 1, name: 'Checkout' });
    await user.click(screen.getByRole('button', { name: 'Saved views' }));
    const panel = screen.getByRole('region', { name: 'Saved views' });
    await user.type(within(panel).getByLabelText('Name this view'), 'Half a day, worst first');
    await user.click(within(panel).getByRole('button', { name: 'Save view' }));
    const list = within(panel).getByRole('list', { name: 'Your saved views' });
    expect(within(list).getByRole('button', { name: 'Half a day, worst first' })).toBeInTheDocument();
    await user.click(within(list).getByRole('button', { name: 'Rename Half a day, worst first' }));
    const rename = within(list).getByLabelText('New name for “Half a day, worst first”');
    await user.clear(rename);
    await user.type(rename, 'Morning check');
    await user.click(within(list).getByRole('button', { name: 'Rename' }));
    expect(JSON.parse(localStorage.getItem('bellwether.saved-views.v1') ?? '[]')).toMatchObject([
      { name: 'Morning check', path: '/d/checkout', search: { range: 'now-12h', sort: 'status' } },
    ]);
    await user.click(within(list).getByRole('button', { name: 'Delete Morning check' }));
    expect(within(panel).getByText('No saved views yet.')).toBeInTheDocument();
  });
});

describe('YAML import', () => {
  test('a file with mistakes lists them like a dashboard file; a good one opens as a shared dashboard', {
    timeout: SLOW,
  }, async () => {
    const user = userEvent.setup();
    app.render('/d/checkout');
    await screen.findByRole('heading', { level: 1, name: 'Checkout' });
    const input = screen.getByLabelText('Import YAML…');
    await user.upload(
      input,
      new File(['id: mine\ntitle: Mine\nregion: mars\n'], 'mine.yaml', { type: 'application/yaml' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This file could not be opened');
    expect(alert).toHaveTextContent(/mine\.yaml line 3, region: not an AWS region name/);
    const good = HOSTILE.replace('id: hostile', 'id: mine').replace(/title: "<img[^\n]*/, 'title: Mine');
    await user.upload(input, new File([good], 'mine.yaml', { type: 'application/yaml' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mine' })).toBeInTheDocument();
    expect(screen.getByRole('note', { name: 'Dashboard from a link' })).toBeInTheDocument();
  });
});

describe('a dashboard inside a link', () => {
  test('opens with a banner, and hostile text and links stay inert', { timeout: SLOW }, async () => {
    const { container } = app.render(`/shared#d=${await packed(HOSTILE)}`);
    expect(await screen.findByRole('note', { name: 'Dashboard from a link' })).toHaveTextContent(
      /came from a link/,
    );
    expect(
      screen.getByRole('heading', { level: 1, name: "<img src=x onerror=alert('title')>" }),
    ).toBeInTheDocument();
    // The javascript: runbook fails validation: the KPI becomes an error tile that quotes it as text.
    expect(await screen.findByRole('article', { name: /Sneaky runbook: error/ })).toHaveTextContent(
      /a link must start with http:\/\/ or https:\/\//,
    );
    expect(container.querySelector('img, script, iframe, b')).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
  });

  test('the drill-down of a KPI from a link renders its text as text', { timeout: SLOW }, async () => {
    const { container } = app.render(`/shared/k/orders#d=${await packed(HOSTILE)}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: '<b onmouseover=alert(1)>Orders</b>' }),
    ).toBeInTheDocument();
    expect(screen.getByText('<a href=javascript:alert(3)>me</a>')).toBeInTheDocument();
    expect(container.querySelector('img, script, iframe, b')).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
  });

  test.each([
    ['a damaged link', '/shared#d=AAAAAAAA', /damaged/],
    ['no dashboard at all', '/shared', /carries no dashboard/],
  ])('%s says what is wrong', async (_, path, message) => {
    app.render(path);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
  });

  test('a dashboard with errors is reported like a file', async () => {
    app.render(`/shared#d=${await packed('id: x\ntitle: X\n')}`);
    expect(
      await screen.findByRole('heading', { name: 'The dashboard in this link has errors' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/shared-link\.yaml/);
  });
});
