import { afterEach, describe, expect, test, vi } from 'vitest';
import { formatConfigError } from '../../domain/kpi/config-error';
import {
  type FetchFn,
  FILE_TIMEOUT_MS,
  loadDashboard,
  loadDashboardIndex,
  SiteUnavailableError,
} from './load-dashboards';

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
    const index = await loadDashboardIndex(BASE, fetchFn, new AbortController().signal);
    expect(index).toEqual({ ok: true, file: 'index.yaml', dashboards: ['checkout.yaml'], warnings: [] });
    expect(calls.map(({ url, cache }) => ({ url, cache }))).toEqual([
      { url: `${BASE}index.yaml`, cache: 'no-cache' },
    ]);
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
      'a refusal that will not pass by itself',
      () => new Response('no', { status: 403, statusText: 'Forbidden' }),
      `checkout.yaml: the server answered HTTP 403 Forbidden for ${BASE}checkout.yaml; check the web server's configuration`,
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

  test.each<[string, FetchFn, string]>([
    [
      'a network failure',
      async () => {
        throw new TypeError('Failed to fetch');
      },
      `checkout.yaml: could not fetch ${BASE}checkout.yaml (Failed to fetch); check the network connection and that the site is up`,
    ],
    [
      'a server error',
      async () => new Response('oops', { status: 503, statusText: 'Service Unavailable' }),
      `checkout.yaml: the server answered HTTP 503 Service Unavailable for ${BASE}checkout.yaml; if it persists, check the web server`,
    ],
    [
      'too many requests',
      async () => new Response('slow down', { status: 429, statusText: 'Too Many Requests' }),
      `checkout.yaml: the server answered HTTP 429 Too Many Requests for ${BASE}checkout.yaml; if it persists, check the web server`,
    ],
  ])(
    '%s is a passing fault, thrown so the last good copy is kept, not a verdict on the file',
    async (_what, fetchFn, message) => {
      const error = await loadDashboard(BASE, 'checkout.yaml', fetchFn).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SiteUnavailableError);
      expect(error).toMatchObject({ message, file: 'checkout.yaml', retryable: true });
    },
  );

  describe('a site that never answers', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    test(`is given up on after ${FILE_TIMEOUT_MS / 1000} s, as a passing fault`, async () => {
      vi.useFakeTimers();
      const hang: FetchFn = (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        });
      const loading = loadDashboard(BASE, 'checkout.yaml', hang).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(FILE_TIMEOUT_MS - 1);
      let settled = false;
      void loading.then(() => {
        settled = true;
      });
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await loading).toMatchObject({
        name: 'SiteUnavailableError',
        message: `checkout.yaml: could not fetch ${BASE}checkout.yaml (no answer within 15 s); check the network connection and that the site is up`,
      });
    });
  });

  test("the caller's cancel reaches the request in flight, and a load cancelled before it starts makes none", async () => {
    const controller = new AbortController();
    let requestSignal: AbortSignal | undefined;
    const hang: FetchFn = (_url, init) =>
      new Promise((_resolve, reject) => {
        requestSignal = init.signal;
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const loading = loadDashboard(BASE, 'checkout.yaml', hang, controller.signal);
    controller.abort();
    await expect(loading).rejects.toThrow('aborted');
    expect(requestSignal?.aborted).toBe(true);

    const { fetchFn, calls } = fakeFetch({});
    await expect(loadDashboard(BASE, 'checkout.yaml', fetchFn, controller.signal)).rejects.toThrow();
    expect(calls).toEqual([]);
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

describe('a YAML mistake in one file', () => {
  test('is one message naming that file, its line quoted; the file beside it still loads', async () => {
    const broken = CHECKOUT.replace('    title: Orders', '   title: Orders');
    const { fetchFn } = fakeFetch({
      [`${BASE}broken.yaml`]: yaml(broken),
      [`${BASE}checkout.yaml`]: yaml(CHECKOUT),
    });
    const signal = new AbortController().signal;
    const [bad, good] = await Promise.all([
      loadDashboard(BASE, 'broken.yaml', fetchFn, signal),
      loadDashboard(BASE, 'checkout.yaml', fetchFn, signal),
    ]);
    expect(good.ok).toBe(true);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors).toHaveLength(1);
    expect(formatConfigError(bad.errors[0]!)).toMatch(
      /^broken\.yaml line 6: YAML syntax error: .* — .*\n6 \| {4}title: Orders\n {2}\| {4}\^$/,
    );
  });
});
