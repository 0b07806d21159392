import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, test } from 'vitest';
import { queryKeys } from '../query-keys';
import { DASHBOARDS_CHANGED, type HotEvents, reloadDashboardsOnSave } from './dev-reload';

/** Vite's import.meta.hot as far as custom events go: what the dev server's message would call. */
function fakeHot(): HotEvents & { emit(event: string): void; count(): number } {
  const listeners = new Map<string, Set<(data: unknown) => void>>();
  return {
    on: (event, listener) => listeners.set(event, new Set([...(listeners.get(event) ?? []), listener])),
    off: (event, listener) => listeners.get(event)?.delete(listener),
    emit: (event) => {
      for (const listener of listeners.get(event) ?? []) listener({ files: ['checkout.yaml'] });
    },
    count: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

describe('reloadDashboardsOnSave', () => {
  test('the dev server’s event reloads the catalog an open screen shows, and stopping stops it', async () => {
    const client = new QueryClient();
    let loads = 0;
    const observer = new QueryObserver(client, {
      queryKey: queryKeys.catalog(),
      queryFn: async () => ++loads,
      staleTime: Number.POSITIVE_INFINITY,
    });
    const seen: unknown[] = [];
    const unsubscribe = observer.subscribe((result) => {
      if (result.status === 'success') seen.push(result.data);
    });
    await expect.poll(() => loads).toBe(1);

    const hot = fakeHot();
    const stop = reloadDashboardsOnSave(client, hot);
    hot.emit('vite:beforeUpdate');
    hot.emit(DASHBOARDS_CHANGED);
    await expect.poll(() => seen.at(-1)).toBe(2);

    stop();
    expect(hot.count()).toBe(0);
    hot.emit(DASHBOARDS_CHANGED);
    expect(loads).toBe(2);
    unsubscribe();
    client.clear();
  });

  test('without import.meta.hot (a build, the preview, tests) nothing listens', () => {
    const stop = reloadDashboardsOnSave(new QueryClient(), undefined);
    expect(stop).toBeTypeOf('function');
    expect(() => stop()).not.toThrow();
  });
});
