import type { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory } from '@tanstack/react-router';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { App } from '../../app/app';
import { createQueryClient } from '../../app/query-client';
import { createAppRouter } from '../../app/router';
import { CloudWatchError } from '../../data/cloudwatch/errors';
import type { MetricsSource, SeriesRequest, SeriesResult } from '../../data/metrics-source';
import { createMetricsSource } from '../../data/source-config';
import { setupAppHarness } from '../../testing/render-app';

const app = setupAppHarness();
const MINUTE = 60_000;

/** jsdom has no layout: give the tile area the size of a 1080p wall so the grid plan has room. */
class WallSizedResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    const rect = {
      width: 1880,
      height: 760,
      top: 0,
      left: 0,
      right: 1880,
      bottom: 760,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    };
    this.callback(
      [{ target, contentRect: rect } as unknown as ResizeObserverEntry],
      this as unknown as ResizeObserver,
    );
  }
  unobserve(): void {}
  disconnect(): void {}
}

const realResizeObserver = globalThis.ResizeObserver;
beforeAll(() => {
  globalThis.ResizeObserver = WallSizedResizeObserver as unknown as typeof ResizeObserver;
});
afterAll(() => {
  globalThis.ResizeObserver = realResizeObserver;
});
afterEach(() => {
  vi.useRealTimers();
});

/**
 * A source that answers at once with a flat line up to "now", or fails as told: minutes of wall life
 * then take milliseconds. The simulated account itself is exercised end to end in Chromium.
 */
function quickSource(): MetricsSource & {
  fail: CloudWatchError | undefined;
  hang: boolean;
  calls: number;
  value: number;
} {
  const answer = (request: SeriesRequest): SeriesResult => {
    const period = (request.period ?? 60) * 1000;
    const points = [];
    for (let t = Math.ceil(request.window.start / period) * period; t < request.window.end; t += period) {
      points.push({ t, v: source.value });
    }
    return {
      ref: request.ref,
      series: [{ label: request.ref, points }],
      components: {},
      period: period / 1000,
      complete: true,
      messages: [],
    };
  };
  const source = {
    fail: undefined as CloudWatchError | undefined,
    hang: false,
    value: 50,
    calls: 0,
    async fetchSeries(requests: SeriesRequest[], signal?: AbortSignal) {
      source.calls += 1;
      if (source.hang) {
        await new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
      }
      if (source.fail) throw source.fail;
      return {
        results: Object.fromEntries(requests.map((r) => [r.ref, answer(r)])),
        calls: 1,
        fetchedAt: Date.now(),
      };
    },
    async describeAlarms() {
      if (source.fail) throw source.fail;
      return [];
    },
  };
  return source;
}

const networkDown = new CloudWatchError({
  code: 'Network',
  message: 'Could not reach CloudWatch at https://monitoring.us-east-1.amazonaws.com (Failed to fetch)',
  retryable: true,
});

function renderWall(
  path: string,
  source: MetricsSource = createMetricsSource({ kind: 'demo' }),
): QueryClient {
  const client = createQueryClient();
  const router = createAppRouter(createMemoryHistory({ initialEntries: [path] }));
  render(<App source={source} queryClient={client} router={router} />);
  return client;
}

/** Fake timers and Date, so minutes pass in milliseconds; promises still settle between steps. */
function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

async function advance(ms: number, step = 5000): Promise<void> {
  for (let done = 0; done < ms; done += step) {
    await act(() => vi.advanceTimersByTimeAsync(Math.min(step, ms - done)));
  }
}

/** Under fake timers waitFor cannot poll: step the fake clock in small steps until the check passes. */
async function until<T>(check: () => T, maxMs = 10_000): Promise<T> {
  let lastError: unknown;
  for (let waited = 0; waited <= maxMs; waited += 100) {
    try {
      return check();
    } catch (error) {
      lastError = error;
      await act(() => vi.advanceTimersByTimeAsync(100));
    }
  }
  throw lastError;
}

function shownValue(title: string): string {
  const text =
    within(screen.getByRole('article', { name: title })).getByTestId('kpi-value').textContent ?? '';
  if (!/\d/.test(text)) throw new Error(`${title} has no value yet`);
  return text;
}

const freshness = (): HTMLElement => screen.getByTestId('wall-freshness');

describe('wall over the simulated account', { timeout: 20_000 }, () => {
  test('shows a dashboard with its outcomes, every KPI with a value, and no desk header', async () => {
    renderWall('/wall/checkout');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Checkout' }, { timeout: 10_000 }),
    ).toBeVisible();
    await waitFor(() => expect(shownValue('Payment success rate')).toMatch(/%$/), { timeout: 10_000 });
    expect(shownValue('Cost per order')).toMatch(/^\$/);
    const pay = screen.getByRole('region', { name: 'Customers can pay' });
    await waitFor(() => expect(within(pay).getByText(/^(At risk|Breached)$/)).toBeInTheDocument());
    expect(screen.getAllByRole('article')).toHaveLength(6);
    expect(screen.queryByRole('link', { name: 'Bellwether' })).toBeNull();
    expect(freshness()).toHaveTextContent(/^Live · Last update \d\d?:\d\d:\d\d(\s[AP]M)? UTC/);
  });

  test('says which settings in the address were ignored, and which boards do not exist', async () => {
    renderWall('/wall?boards=checkout,nope&rotate=1s&theme=neon');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Checkout' }, { timeout: 10_000 }),
    ).toBeVisible();
    const notice = screen.getByText(/^Ignored in the address:/);
    expect(notice).toHaveTextContent("rotate '1s' is too fast to read; rotating every 10 s");
    expect(notice).toHaveTextContent("theme 'neon' is not one of dark, light");
    expect(notice).toHaveTextContent("board 'nope' is not listed in dashboards/index.yaml");
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Checkout');
  });

  test('a dashboard file that does not parse keeps its place and names the problem', async () => {
    app.overrideFile('platform.yaml', 'id: platform\ntitle: Platform\nkpis: 3\n');
    renderWall('/wall/platform');
    expect(await screen.findByText('platform.yaml could not be loaded')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/platform\.yaml/);
  });
});

describe('wall over time', { timeout: 20_000 }, () => {
  test('rotates from one board to the next after the rotation time, and round again', async () => {
    useFakeClock();
    renderWall('/wall?boards=checkout,platform&rotate=20s', quickSource());
    await until(() => shownValue('Orders per minute'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Checkout');
    expect(screen.getByText('Board 1 of 2')).toBeInTheDocument();
    await advance(20_000);
    await until(() => shownValue('Load balancer 5xx rate'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Platform');
    expect(screen.getByText('Board 2 of 2')).toBeInTheDocument();
    await advance(20_000);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Checkout');
  });

  test('keeps the last good values when refreshes fail, turns stale after two intervals, and recovers', async () => {
    useFakeClock();
    const source = quickSource();
    renderWall('/wall/checkout', source);
    const before = await until(() => shownValue('Orders per minute'));
    source.fail = networkDown;
    await advance(MINUTE + 5000);
    expect(freshness()).toHaveTextContent(/^Degraded .*Refresh failing.*Could not reach CloudWatch/);
    expect(shownValue('Orders per minute')).toBe(before);
    expect(screen.queryByText(/^Stale/)).toBeNull();

    await advance(MINUTE);
    expect(freshness()).toHaveAttribute('role', 'alert');
    expect(freshness()).toHaveTextContent(/^Stale: data is 2 min old/);
    expect(freshness()).toHaveTextContent(/Could not reach CloudWatch/);
    const tile = screen.getByRole('article', { name: 'Orders per minute' });
    expect(within(tile).getByText('Stale · 2 min')).toBeInTheDocument();
    expect(within(tile).getByTestId('kpi-value')).toHaveTextContent(before);
    // Stale is never healthy: every tile is marked stale, and a verdict is only ever a "last known" one.
    const articles = screen.getAllByRole('article');
    expect(articles.filter((a) => !a.hasAttribute('data-stale'))).toEqual([]);
    const verdicts = [...document.querySelectorAll('.status-badge')];
    expect(verdicts.length).toBeGreaterThanOrEqual(articles.length);
    // Outside "Last known", every badge says stale: on the tiles and on the outcomes.
    const current = verdicts.filter((el) => !el.closest('.wall-tile-was'));
    expect(current.length).toBe(articles.length + screen.getAllByRole('region').length);
    expect(current.map((el) => el.getAttribute('data-status'))).toEqual(current.map(() => 'stale'));

    source.fail = undefined;
    await advance(MINUTE);
    expect(freshness()).toHaveTextContent(/^Live/);
    expect(screen.queryByText(/^Stale/)).toBeNull();
  });

  test('abandons a refresh that hangs for half an interval, says so, and is live within an interval of the hang clearing', async () => {
    useFakeClock();
    const source = quickSource();
    renderWall('/wall/checkout', source);
    await until(() => shownValue('Orders per minute'));
    source.hang = true;
    await advance(MINUTE + 10_000);
    expect(freshness()).toHaveTextContent(/CloudWatch is slow to answer/);
    await advance(30_000);
    expect(freshness()).toHaveTextContent(/CloudWatch did not answer within 30 s/);
    // The hang clears while an attempt is still hanging: that attempt is abandoned, the retry answers.
    await advance(2 * MINUTE);
    source.hang = false;
    await advance(MINUTE);
    expect(freshness()).toHaveTextContent(/^Live/);
  });

  test('says for how long refreshes have been failing, across refresh ticks', async () => {
    useFakeClock();
    const source = quickSource();
    renderWall('/wall/checkout', source);
    await until(() => shownValue('Orders per minute'));
    source.fail = networkDown;
    await advance(MINUTE + 5000);
    expect(freshness()).toHaveTextContent(/Refresh failing: Could not reach CloudWatch/);
    await advance(3 * MINUTE);
    expect(freshness()).toHaveTextContent(/Refresh failing for 3 min: Could not reach CloudWatch/);
  });

  test('when the site stops serving the dashboard list, the boards carry on as last loaded and it is asked again', async () => {
    useFakeClock();
    renderWall('/wall?boards=checkout,platform&rotate=1h', quickSource());
    const before = await until(() => shownValue('Orders per minute'));
    app.failFile('index.yaml', 'network');
    app.failFile('checkout.yaml', 503);
    // The list is re-read every 5 min; its retries back off for a while before the failure is final.
    await advance(7 * MINUTE);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Checkout');
    expect(shownValue('Orders per minute')).toMatch(/\d/);
    expect(screen.getByText(/could not be re-read/)).toHaveTextContent(
      /^The list of dashboards could not be re-read \(index\.yaml: could not fetch .*\); showing it as last loaded$/,
    );
    expect(screen.queryByText(/^Ignored in the address/)).toBeNull();
    expect(before).toMatch(/\d/);

    app.restoreFile('index.yaml');
    await advance(MINUTE);
    // The list answers again, one file does not: that board keeps its last good copy and says so.
    expect(screen.getByText(/could not be re-read/)).toHaveTextContent(
      'checkout.yaml could not be re-read; showing it as last loaded',
    );
    expect(shownValue('Orders per minute')).toMatch(/\d/);

    app.restoreFile('checkout.yaml');
    await advance(MINUTE);
    expect(screen.queryByText(/could not be re-read/)).toBeNull();
  });

  test('a dashboard file the site has never served says it will come back by itself, and does', async () => {
    useFakeClock();
    app.failFile('platform.yaml', 503);
    renderWall('/wall/platform', quickSource());
    await until(() => expect(screen.getByText('platform.yaml could not be loaded')).toBeInTheDocument());
    expect(screen.getByRole('alert')).toHaveTextContent(
      /HTTP 503.*trying again every 15 s.*comes back by itself as soon as the site serves the file again/,
    );
    app.restoreFile('platform.yaml');
    await advance(30_000);
    await until(() => shownValue('Load balancer 5xx rate'));
  });

  test('a KPI that becomes breached is emphasised for a couple of minutes', async () => {
    useFakeClock();
    const source = quickSource();
    source.value = 0.5;
    renderWall('/wall/checkout', source);
    const errors = (): HTMLElement => screen.getByRole('article', { name: 'Checkout error rate' });
    await until(() => expect(errors()).toHaveAttribute('data-status', 'ok'));
    source.value = 5;
    await advance(MINUTE);
    expect(errors()).toHaveAttribute('data-status', 'breached');
    expect(errors()).toHaveClass('just-breached');
    expect(within(errors()).getByText(/Just breached/)).toBeInTheDocument();
    await advance(3 * MINUTE);
    expect(errors()).toHaveAttribute('data-status', 'breached');
    expect(errors()).not.toHaveClass('just-breached');
  });

  test("React Query's cache holds a fixed number of entries however many refreshes run", async () => {
    useFakeClock();
    const source = quickSource();
    // Both boards refresh every minute, on screen or not. An hour's rotation and a filter that matches no
    // tile keep this test about the cache, not about drawing charts in jsdom.
    const client = renderWall('/wall?boards=checkout,platform&rotate=1h&q=no-such-kpi', source);
    await until(() => expect(screen.getByTestId('wall-freshness')).toHaveTextContent(/^Live/));
    const entries = client.getQueryCache().getAll().length;
    const callsBefore = source.calls;
    await advance(40 * MINUTE, 30_000);
    expect(source.calls - callsBefore).toBeGreaterThanOrEqual(2 * 40);
    expect(client.getQueryCache().getAll()).toHaveLength(entries);
  });
});
