import { createMemoryHistory } from '@tanstack/react-router';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { App } from '../../app/app';
import { createQueryClient } from '../../app/query-client';
import { createAppRouter } from '../../app/router';
import { evaluateFetchedKpi } from '../../data/kpi-evaluation';
import { flatSource, judgedKpis, SIX_KPI_BOARD } from '../../testing/judged-board';
import { setupAppHarness } from '../../testing/render-app';

// The risk engine, counted: which KPIs the desk judges.
vi.mock('../../data/kpi-evaluation', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../data/kpi-evaluation')>();
  return { ...actual, evaluateFetchedKpi: vi.fn(actual.evaluateFetchedKpi) };
});

const app = setupAppHarness();

/**
 * jsdom has no layout: an IntersectionObserver the test drives. `scrollTo(ids)` reports the tiles of those
 * KPIs (and everything inside them) near the viewport and every other observed element away from it.
 */
function stubViewport(): { scrollTo: (ids: readonly string[]) => void } {
  const observers = new Set<{ callback: IntersectionObserverCallback; elements: Set<Element> }>();
  class Stub {
    readonly elements = new Set<Element>();
    constructor(readonly callback: IntersectionObserverCallback) {
      observers.add(this);
    }
    observe(element: Element): void {
      this.elements.add(element);
    }
    unobserve(element: Element): void {
      this.elements.delete(element);
    }
    disconnect(): void {
      observers.delete(this);
    }
  }
  vi.stubGlobal('IntersectionObserver', Stub);
  return {
    scrollTo: (ids) =>
      act(() => {
        for (const o of [...observers]) {
          const entries = [...o.elements].map((target) => ({
            target,
            isIntersecting: ids.includes(
              target.closest('[data-tile-id]')?.getAttribute('data-tile-id') ?? '',
            ),
          }));
          o.callback(entries as unknown as IntersectionObserverEntry[], o as unknown as IntersectionObserver);
        }
      }),
  };
}

/** The KPIs each fetch asked for, in order: a ref is `<kpi>` or `<kpi>#<window>`. */
function askedKpis(): string[][] {
  return vi
    .mocked(flatSource.fetchSeries)
    .mock.calls.map(([requests]) => [...new Set(requests.map((r) => r.ref.split('#')[0] ?? ''))].sort());
}

/** Opens a desk; the observer's first report says `near` is near the viewport (when given). */
async function openDesk(path: string, near?: readonly string[]): Promise<ReturnType<typeof createAppRouter>> {
  app.overrideFile('platform.yaml', SIX_KPI_BOARD);
  const router = createAppRouter(createMemoryHistory({ initialEntries: [path] }));
  render(<App source={flatSource} queryClient={createQueryClient()} router={router} />);
  const outcome = await screen.findByRole('region', { name: 'Shop works' }, { timeout: 10_000 });
  if (near) viewport.scrollTo(near);
  // The outcome's own verdict, beside its heading.
  await waitFor(() => expect(outcome.querySelector('.outcome-head [data-status="ok"]')).toBeInTheDocument(), {
    timeout: 10_000,
  });
  return router;
}

const tile = (id: string): HTMLElement => screen.getByRole('article', { name: `KPI ${id}` });

let viewport: ReturnType<typeof stubViewport>;
beforeEach(() => {
  vi.mocked(evaluateFetchedKpi).mockClear();
  vi.spyOn(flatSource, 'fetchSeries');
  viewport = stubViewport();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('a long desk', { timeout: 20_000 }, () => {
  test('asks CloudWatch nothing before its first layout says which tiles are near', async () => {
    app.overrideFile('platform.yaml', SIX_KPI_BOARD);
    const router = createAppRouter(createMemoryHistory({ initialEntries: ['/d/platform'] }));
    render(<App source={flatSource} queryClient={createQueryClient()} router={router} />);
    await screen.findByRole('region', { name: 'Shop works' }, { timeout: 10_000 });
    expect(askedKpis()).toEqual([]);
    viewport.scrollTo(['k1', 'k2']);
    await waitFor(() => expect(tile('k2')).toHaveTextContent('OK'));
    expect(askedKpis()).toEqual([['k1', 'k2', 'k6']]);
  });

  test('a dashboard opened from another asks nothing before its own layout is known', async () => {
    app.overrideFile('platform.yaml', SIX_KPI_BOARD);
    app.overrideFile('checkout.yaml', SIX_KPI_BOARD.replace('id: platform', 'id: checkout'));
    const router = createAppRouter(createMemoryHistory({ initialEntries: ['/d/platform'] }));
    render(<App source={flatSource} queryClient={createQueryClient()} router={router} />);
    await screen.findByRole('region', { name: 'Shop works' }, { timeout: 10_000 });
    viewport.scrollTo(['k1']);
    await waitFor(() => expect(tile('k1')).toHaveTextContent('OK'));
    await act(() => router.navigate({ to: '/d/$dashboardId', params: { dashboardId: 'checkout' } }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/d/checkout'));
    await screen.findByRole('region', { name: 'Shop works' });
    expect(askedKpis()).toEqual([['k1', 'k6']]);
    viewport.scrollTo(['k2']);
    await waitFor(() => expect(tile('k2')).toHaveTextContent('OK'));
    expect(askedKpis()).toEqual([
      ['k1', 'k6'],
      ['k2', 'k6'],
    ]);
  });

  test('fetches the tiles near the viewport and what its outcomes roll up, then what a scroll brings near', async () => {
    await openDesk('/d/platform', ['k1']);
    await waitFor(() => expect(tile('k1')).toHaveTextContent('OK'));
    expect(askedKpis()).toEqual([['k1', 'k6']]);
    viewport.scrollTo(['k3']);
    await waitFor(() => expect(tile('k3')).toHaveTextContent('OK'));
    // What was fetched stays live, so scrolling back shows current data.
    expect(askedKpis()).toEqual([
      ['k1', 'k6'],
      ['k1', 'k3', 'k6'],
    ]);
    viewport.scrollTo(['k1']);
    await waitFor(() => expect(tile('k3')).not.toHaveAttribute('data-kpi'));
    expect(askedKpis()).toHaveLength(2);
  });

  test('judges and draws the tiles near the viewport and those its outcomes roll up, not the others', async () => {
    await openDesk('/d/platform', ['k6', 'k1']);
    await waitFor(() => expect(tile('k1')).toHaveTextContent('OK'));
    expect(judgedKpis()).toEqual(['k1', 'k6']);
    // The rolled-up KPI far away shows its verdict; a KPI nobody needs is a placeholder with its title.
    viewport.scrollTo(['k1']);
    await waitFor(() => expect(tile('k6')).not.toHaveAttribute('data-kpi'));
    expect(tile('k6')).toHaveTextContent('OK');
    expect(tile('k4')).toHaveTextContent('KPI k4');
    expect(tile('k4')).not.toHaveTextContent('OK');
    expect(tile('k4')).not.toHaveAttribute('data-status');
    // Every tile keeps its link, so the keyboard reaches them all.
    expect(within(tile('k4')).getByRole('link')).toBeInTheDocument();
    expect(judgedKpis()).toEqual(['k1', 'k6']);
  });

  test('a scroll brings the next tiles in: they are judged and drawn', async () => {
    await openDesk('/d/platform', ['k6', 'k1']);
    await waitFor(() => expect(judgedKpis()).toEqual(['k1', 'k6']));
    viewport.scrollTo(['k3', 'k4']);
    await waitFor(() => expect(tile('k4')).toHaveTextContent('OK'));
    expect(tile('k4')).toHaveAttribute('data-kpi', 'k4');
    expect(judgedKpis()).toEqual(['k1', 'k3', 'k4', 'k6']);
    expect(tile('k5')).not.toHaveAttribute('data-kpi');
  });

  test('focus stays on a tile’s link when the tile is drawn in full', async () => {
    await openDesk('/d/platform', ['k6', 'k1']);
    await waitFor(() => expect(tile('k1')).toHaveTextContent('OK'));
    const link = within(tile('k5')).getByRole('link');
    act(() => link.focus());
    viewport.scrollTo(['k5']);
    await waitFor(() => expect(tile('k5')).toHaveTextContent('OK'));
    expect(within(tile('k5')).getByRole('link')).toHaveFocus();
  });

  test('a sort by status after a scroll asks for every KPI the page had not fetched', async () => {
    const router = await openDesk('/d/platform', ['k1']);
    await waitFor(() => expect(tile('k1')).toHaveTextContent('OK'));
    await act(() =>
      router.navigate({
        to: '/d/$dashboardId',
        params: { dashboardId: 'platform' },
        search: { sort: 'status' },
      }),
    );
    await waitFor(() => expect(judgedKpis()).toEqual(['k1', 'k2', 'k3', 'k4', 'k5', 'k6']));
    expect(askedKpis().at(-1)).toEqual(['k1', 'k2', 'k3', 'k4', 'k5', 'k6']);
  });

  test('a desk opened in a background tab asks for its roll-ups without waiting to be shown', async () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    app.overrideFile('platform.yaml', SIX_KPI_BOARD);
    const router = createAppRouter(createMemoryHistory({ initialEntries: ['/d/platform'] }));
    render(<App source={flatSource} queryClient={createQueryClient()} router={router} />);
    const outcome = await screen.findByRole('region', { name: 'Shop works' }, { timeout: 10_000 });
    await waitFor(() =>
      expect(outcome.querySelector('.outcome-head [data-status="ok"]')).toBeInTheDocument(),
    );
    expect(askedKpis()).toEqual([['k6']]);
  });

  test('sorted by status, it needs every verdict and judges them all', async () => {
    await openDesk('/d/platform?sort=status');
    await waitFor(() => expect(judgedKpis()).toEqual(['k1', 'k2', 'k3', 'k4', 'k5', 'k6']));
    expect(askedKpis()).toEqual([['k1', 'k2', 'k3', 'k4', 'k5', 'k6']]);
  });
});
