import { afterEach, describe, expect, test, vi } from 'vitest';
import { formatConfigError } from '../../domain/kpi/config-error';
import { SiteUnavailableError } from '../dashboards/load-dashboards';
import { loadCatalog } from './use-catalog';

const BASE = '/dashboards/';

const dashboard = (id: string, kpiTitle: string): string => `id: ${id}
title: ${id}
region: eu-west-1
kpis:
  - id: orders
    title: ${kpiTitle}
    category: health
    unit: count
    direction: higher-is-better
    query:
      metric: { namespace: Shop, name: Orders, stat: Sum }
`;

/** The site: each file's answer comes from `serve`, which a test changes between loads. */
function site(serve: Record<string, () => Response | Promise<Response>>): void {
  vi.stubGlobal('fetch', async (url: string) => {
    const respond = serve[url.slice(BASE.length)];
    return respond ? respond() : new Response('Not Found', { status: 404 });
  });
}
const yaml = (text: string) => (): Response => new Response(text, { status: 200 });
const down = (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));
const busy = (): Response => new Response('', { status: 502, statusText: 'Bad Gateway' });

afterEach(() => {
  vi.unstubAllGlobals();
});

const kpiTitle = (catalog: Awaited<ReturnType<typeof loadCatalog>>, file: string): string | undefined => {
  const entry = catalog.dashboards.find((d) => d.file === file);
  const kpi = entry?.ok ? entry.dashboard.kpis[0] : undefined;
  return kpi?.ok ? kpi.kpi.title : undefined;
};

describe('loadCatalog', () => {
  test('a file the site fails to serve keeps its last good copy; the others are read afresh', async () => {
    const serve: Record<string, () => Response | Promise<Response>> = {
      'index.yaml': yaml('dashboards: [a.yaml, b.yaml]\n'),
      'a.yaml': yaml(dashboard('a', 'Orders v1')),
      'b.yaml': yaml(dashboard('b', 'Orders v1')),
    };
    site(serve);
    const first = await loadCatalog(BASE);
    expect(first.unavailable).toEqual([]);

    serve['a.yaml'] = down;
    serve['b.yaml'] = yaml(dashboard('b', 'Orders v2'));
    const second = await loadCatalog(BASE, undefined, first);
    expect(second.unavailable).toEqual(['a.yaml']);
    expect(kpiTitle(second, 'a.yaml')).toBe('Orders v1');
    expect(kpiTitle(second, 'b.yaml')).toBe('Orders v2');

    serve['a.yaml'] = yaml(dashboard('a', 'Orders v3'));
    const third = await loadCatalog(BASE, undefined, second);
    expect(third.unavailable).toEqual([]);
    expect(kpiTitle(third, 'a.yaml')).toBe('Orders v3');
  });

  test('with no good copy yet, the board says what failed and that it is asked again', async () => {
    site({ 'index.yaml': yaml('dashboards: [a.yaml]\n'), 'a.yaml': busy });
    const catalog = await loadCatalog(BASE);
    expect(catalog.unavailable).toEqual(['a.yaml']);
    const entry = catalog.dashboards[0];
    expect(entry?.ok === false && entry.errors.map(formatConfigError)).toEqual([
      'a.yaml: the server answered HTTP 502 Bad Gateway for /dashboards/a.yaml; if it persists, check the web server; trying again every 15 s',
    ]);
  });

  test('a file that is really broken replaces the last good copy: a fix is needed, not a wait', async () => {
    const serve: Record<string, () => Response> = {
      'index.yaml': yaml('dashboards: [a.yaml]\n'),
      'a.yaml': yaml(dashboard('a', 'Orders v1')),
    };
    site(serve);
    const first = await loadCatalog(BASE);
    serve['a.yaml'] = yaml(dashboard('a', 'Orders').replace('region: eu-west-1\n', ''));
    const second = await loadCatalog(BASE, undefined, first);
    expect(second.unavailable).toEqual([]);
    expect(second.dashboards[0]?.ok).toBe(false);
  });

  test('an unreachable index throws, so React Query keeps the last good catalog and retries', async () => {
    site({ 'index.yaml': down });
    await expect(loadCatalog(BASE)).rejects.toBeInstanceOf(SiteUnavailableError);
  });
});
