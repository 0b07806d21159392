import { createMemoryHistory } from '@tanstack/react-router';
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { App } from '../../app/app';
import { createQueryClient } from '../../app/query-client';
import { createAppRouter } from '../../app/router';
import { evaluateFetchedKpi } from '../../data/kpi-evaluation';
import { flatSource, judgedKpis, SIX_KPI_BOARD } from '../../testing/judged-board';
import { setupAppHarness } from '../../testing/render-app';

// The risk engine, counted: which KPIs a paged wall judges.
vi.mock('../../data/kpi-evaluation', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../data/kpi-evaluation')>();
  return { ...actual, evaluateFetchedKpi: vi.fn(actual.evaluateFetchedKpi) };
});

const app = setupAppHarness();

/** jsdom has no layout: the tile area of a 1080p wall. */
class WallSizedResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    const contentRect = { width: 1880, height: 760, top: 0, left: 0, right: 1880, bottom: 760, x: 0, y: 0 };
    this.callback(
      [{ target, contentRect } as unknown as ResizeObserverEntry],
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
beforeEach(() => {
  vi.mocked(evaluateFetchedKpi).mockClear();
});

async function openWall(path: string): Promise<void> {
  app.overrideFile('platform.yaml', SIX_KPI_BOARD);
  const router = createAppRouter(createMemoryHistory({ initialEntries: [path] }));
  render(<App source={flatSource} queryClient={createQueryClient()} router={router} />);
  const outcome = await screen.findByRole('region', { name: 'Shop works' }, { timeout: 10_000 });
  await waitFor(() => expect(within(outcome).getByText('OK')).toBeInTheDocument(), { timeout: 10_000 });
}

describe('a paged wall', { timeout: 20_000 }, () => {
  test('judges the KPIs of its page and those its outcomes roll up, not the others', async () => {
    await openWall('/wall/platform?tiles=2');
    // The outcome's KPI comes first in board order, so page 1 is k6 and k1.
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2));
    await waitFor(() => expect(judgedKpis()).toEqual(['k1', 'k6']));
    expect(screen.getByRole('article', { name: 'KPI k1' })).toHaveTextContent('OK');
  });

  test('sorted by status, it needs every verdict and judges them all', async () => {
    await openWall('/wall/platform?tiles=2&sort=status');
    await waitFor(() => expect(judgedKpis()).toEqual(['k1', 'k2', 'k3', 'k4', 'k5', 'k6']));
  });
});
