import { describe, expect, test } from 'vitest';
import { formatConfigError } from '../../domain/kpi/config-error';
import { type FetchFn, loadDashboard, loadDashboardIndex } from './load-dashboards';

const BASE = '/bellwether/dashboards/';

const CHECKOUT = `id: checkout
title: Checkout
region: eu-west-1
kpis:
  - id: orders
    title: Orders
    category: health
    unit: count
    direction: higher-is-better
    query:
      metric: { namespace: Shop, name: Orders, stat: Sum }
`;

interface Call {
  url: string;
  signal: AbortSignal | undefined;
  cache: RequestCache | undefined;
}

/** A fake fetch serving files by URL; anything else is a 404, like a static host. */
function fakeFetch(files: Record<string, () => Response>): { fetchFn: FetchFn; calls: Call[] } {
  const calls: Call[] = [];
  const fetchFn: FetchFn = async (url, init) => {
    calls.push({ url, signal: init.signal, cache: init.cache });
    const respond = files[url];
    return respond ? respond() : new Response('Not Found', { status: 404, statusText: 'Not Found' });
  };
  return { fetchFn, calls };
}

const yaml = (text: string) => (): Response =>
  new Response(text, { status: 200, headers: { 'content-type': 'application/yaml' } });

describe('loadDashboardIndex', () => {
  test('fetches index.yaml without a stale cache and parses it', async () => {
    const { fetchFn, calls } = fakeFetch({ [`${BASE}index.yaml`]: yaml('dashboards: [checkout.yaml]\n') });
    const signal = new AbortController().signal;
    const index = await loadDashboardIndex(BASE, fetchFn, signal);
    expect(index).toEqual({ ok: true, file: 'index.yaml', dashboards: ['checkout.yaml'], warnings: [] });
    expect(calls).toEqual([{ url: `${BASE}index.yaml`, signal, cache: 'no-cache' }]);
  });

  test('a missing index says where to create it', async () => {
    const index = await loadDashboardIndex(BASE, fakeFetch({}).fetchFn);
    expect(index.ok).toBe(false);
    if (!index.ok) {
      expect(index.errors.map(formatConfigError)).toEqual([
        "index.yaml: not found at /bellwether/dashboards/index.yaml (HTTP 404); create it in the site's dashboards/ folder (public/dashboards/ in the repository), listing files under dashboards:",
      ]);
    }
  });
});

describe('loadDashboard', () => {
  test('parses a served dashboard', async () => {
    const { fetchFn } = fakeFetch({ [`${BASE}checkout.yaml`]: yaml(CHECKOUT) });
    const parsed = await loadDashboard(BASE, 'checkout.yaml', fetchFn);
    expect(parsed.ok && parsed.dashboard.kpis.map((entry) => entry.ok)).toEqual([true]);
  });

  test('YAML errors name the file as listed', async () => {
    const { fetchFn } = fakeFetch({
      [`${BASE}checkout.yaml`]: yaml(CHECKOUT.replace('region: eu-west-1\n', '')),
    });
    const parsed = await loadDashboard(BASE, 'checkout.yaml', fetchFn);
    expect(parsed.ok === false && parsed.errors.map(formatConfigError)).toEqual([
      'checkout.yaml line 1, region: is required',
    ]);
  });

  const fixHint =
    "add the file to the site's dashboards/ folder (public/dashboards/ in the repository) or correct its name in index.yaml";

  test.each<[string, () => Response, string]>([
    [
      'not found',
      () => new Response('Not Found', { status: 404 }),
      `checkout.yaml: not found at ${BASE}checkout.yaml (HTTP 404); ${fixHint}`,
    ],
    [
      'server error',
      () => new Response('oops', { status: 503, statusText: 'Service Unavailable' }),
      `checkout.yaml: the server answered HTTP 503 Service Unavailable for ${BASE}checkout.yaml; reload, and if it persists check the web server`,
    ],
    [
      'the single-page app fallback instead of the file',
      () =>
        new Response('<!doctype html><html></html>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        }),
      `checkout.yaml: a web page came back from ${BASE}checkout.yaml instead of YAML, which means the file is not there; ${fixHint}`,
    ],
    [
      'HTML without a content type',
      () => new Response('\n<html><body></body></html>', { status: 200 }),
      `checkout.yaml: a web page came back from ${BASE}checkout.yaml instead of YAML, which means the file is not there; ${fixHint}`,
    ],
  ])('%s', async (_what, respond, expected) => {
    const { fetchFn } = fakeFetch({ [`${BASE}checkout.yaml`]: respond });
    const parsed = await loadDashboard(BASE, 'checkout.yaml', fetchFn);
    expect(parsed.ok === false && parsed.errors.map(formatConfigError)).toEqual([expected]);
  });

  test('a network failure says so and what to do', async () => {
    const fetchFn: FetchFn = async () => {
      throw new TypeError('Failed to fetch');
    };
    const parsed = await loadDashboard(BASE, 'checkout.yaml', fetchFn);
    expect(parsed.ok === false && parsed.errors.map(formatConfigError)).toEqual([
      `checkout.yaml: could not fetch ${BASE}checkout.yaml (Failed to fetch); check the network connection and that the site is up, then reload`,
    ]);
  });

  test('a cancelled load rejects, so the caller can tell it from a failure', async () => {
    const controller = new AbortController();
    const fetchFn: FetchFn = async () => {
      controller.abort();
      throw new DOMException('The operation was aborted.', 'AbortError');
    };
    await expect(loadDashboard(BASE, 'checkout.yaml', fetchFn, controller.signal)).rejects.toThrow('aborted');
  });

  test.each(['../secrets.yaml', 'checkout.json', 'a/b.yaml', '%2e%2e.yaml?x=1'])(
    'refuses %s without fetching',
    async (file) => {
      const { fetchFn, calls } = fakeFetch({});
      const parsed = await loadDashboard(BASE, file, fetchFn);
      expect(parsed.ok === false && parsed.errors.map(formatConfigError)).toEqual([
        `${file}: not a dashboard file name; use letters, digits, ., _ and - ending in .yaml, such as checkout.yaml`,
      ]);
      expect(calls).toEqual([]);
    },
  );
});
