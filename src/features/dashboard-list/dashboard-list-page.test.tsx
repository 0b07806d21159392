import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { compareSeverity, type RiskStatus } from '../../domain/risk';
import { readDashboardFile, setupAppHarness } from '../../testing/render-app';

const app = setupAppHarness();
configure({ asyncUtilTimeout: 10_000 });
afterEach(() => {
  vi.useRealTimers();
});

const JUDGED = /^(ok|at-risk|breached|no-data|error|unknown)$/;

/** Waits until every dashboard card carries a verdict, and returns the cards in document order. */
async function judgedCards(count: number): Promise<HTMLElement[]> {
  await waitFor(() => {
    const cards = screen.getAllByTestId('board-card');
    expect(cards).toHaveLength(count);
    for (const card of cards) expect(card.dataset.status).toMatch(JUDGED);
  });
  return screen.getAllByTestId('board-card');
}

describe('front page', () => {
  test('every dashboard with its live roll-up, worst first, the worst reason in words', {
    timeout: 30_000,
  }, async () => {
    app.render('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboards' })).toBeInTheDocument();
    const cards = await judgedCards(2);
    const statuses = cards.map((card) => card.dataset.status as RiskStatus);
    // Worst first: each card at least as severe as the next.
    for (let i = 1; i < statuses.length; i += 1) {
      expect(
        compareSeverity(statuses[i - 1] as RiskStatus, statuses[i] as RiskStatus),
      ).toBeGreaterThanOrEqual(0);
    }
    // The scripted payment incident makes Checkout's worst outcome "Customers can pay", said in words.
    const checkout = screen.getByRole('article', { name: 'Checkout' });
    expect(checkout.dataset.status).toMatch(/^(at-risk|breached)$/);
    expect(within(checkout).getByTestId('board-reason')).toHaveTextContent(
      /^Customers can pay: .*Payment success rate/,
    );
    expect(within(checkout).getByText(/\d of 3 outcomes at risk or breached/)).toBeInTheDocument();
    expect(within(checkout).getAllByText(/^(At risk|Breached)$/).length).toBeGreaterThan(0);
    // Each outcome with its own status, in words.
    const outcomes = within(checkout).getByRole('list', { name: 'Outcomes of Checkout' });
    expect(
      within(outcomes)
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['Customers can pay', 'Orders keep flowing', 'Orders are profitable']);
    // The ways in: the desk view and the wall, named for screen readers.
    expect(within(checkout).getByRole('link', { name: 'Checkout' })).toHaveAttribute('href', '/d/checkout');
    expect(within(checkout).getByRole('link', { name: 'Open the desk view of Checkout' })).toHaveAttribute(
      'href',
      '/d/checkout',
    );
    expect(within(checkout).getByRole('link', { name: 'On a wall: Checkout' })).toHaveAttribute(
      'href',
      '/wall/checkout',
    );
    expect(screen.getByRole('link', { name: 'Every dashboard on a wall, rotating' })).toHaveAttribute(
      'href',
      '/wall',
    );
  });

  test('the demo says its account is simulated and links to /connect', async () => {
    app.render('/');
    const note = await screen.findByRole('complementary', { name: 'Simulated account' });
    expect(note).toHaveTextContent(/simulated inside this browser/);
    expect(within(note).getByRole('link', { name: 'Connect your own AWS account' })).toHaveAttribute(
      'href',
      '/connect',
    );
  });

  test('a dashboard that does not parse is listed by its severity, as an error naming the file', {
    timeout: 30_000,
  }, async () => {
    const original = readDashboardFile('platform.yaml') ?? '';
    app.overrideFile('platform.yaml', original.replace(/^refresh: .*$/m, 'refresh: often'));
    app.render('/');
    const broken = await screen.findByRole('article', { name: /: error$/ });
    expect(broken).toHaveTextContent(/platform\.yaml/);
    await judgedCards(1);
    // An error ranks above at risk and below breached: placed among the others by that rank.
    const statuses = screen.getAllByRole('article').map((a) => a.dataset.status as RiskStatus);
    expect(statuses).toContain('error');
    expect([...statuses].sort((a, b) => compareSeverity(b, a))).toEqual(statuses);
  });

  test('opening a dashboard after the front page calls CloudWatch for nothing: the cache is shared', {
    timeout: 30_000,
  }, async () => {
    const user = userEvent.setup();
    app.render('/');
    await judgedCards(2);
    app.fake.clearCalls();
    // 30 s later (past React Query's default 10 s staleTime, within the 60 s refresh interval): the data
    // is the current refresh's, so the desk mounting on it must not fetch again.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 30_000);
    await user.click(screen.getByRole('link', { name: 'Checkout' }));
    const tile = await screen.findByRole('article', { name: 'Orders per minute' });
    await waitFor(() => expect(within(tile).getByTestId('kpi-value')).toHaveTextContent(/\d/));
    // Not a GetMetricData call, nor a DescribeAlarms one.
    expect(app.fake.calls.map((c) => c.operation)).toEqual([]);
    vi.useRealTimers();
  });
});
