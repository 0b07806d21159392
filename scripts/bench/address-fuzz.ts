// Fuzzed addresses in Chromium at scale (issue 14): N generated addresses (ADDRESS_FUZZ_RUNS, default
// 10,000; seeded by ADDRESS_FUZZ_SEED) over every route and every view parameter with hostile values, opened
// on the production build; each must render the app's frame (a heading or an alert), keep the main thread
// answering, log no error and stay on the origin. Each address's decode is timed separately in Node.
// Figures, never assertions. Run alone: npm run bench -- address-fuzz (it builds into a temporary folder).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deflateRawSync } from 'node:zlib';
import { type Browser, chromium, type Page } from '@playwright/test';
import fc from 'fast-check';
import { nestedExplicitKeys } from '../../src/domain/kpi/hostile-yaml';
import { parseFlatSearch } from '../../src/url/search-params';
import { decodeView, type ViewRoute, viewParamNames } from '../../src/url/view-state';
import { CHROMIUM_ARGS, findChromium } from '../find-chromium.mjs';
import { type BenchSection, buildApp, markdownTable, median, ROOT, servePreview } from './lib';

const RUNS = Number(process.env.ADDRESS_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.ADDRESS_FUZZ_SEED ?? 14);
/** Stops taking new addresses after this many seconds, so a slow machine reports how many it reached. */
const BUDGET_S = Number(process.env.ADDRESS_FUZZ_BUDGET_S ?? 1200);
const PORT = Number(process.env.ADDRESS_FUZZ_PORT ?? 4310);
const PAGES = 2;
/** A full page load every this many addresses; the others navigate inside the app. */
const RELOAD_EVERY = 100;
const RENDER_TIMEOUT_MS = 10_000;
const ANSWER_MS = 2_000;
const HANG_MS = 5_000;

/** Values an attacker or a mangled chat message would put in an address. */
const SPECIALS = [
  'now-6h',
  'now-7d',
  '2024-05-01T00:00Z/2024-05-01T06:00Z',
  'utc',
  'Europe/Paris',
  'checkout',
  'checkout,platform',
  'status',
  'title',
  'previous-period',
  '60s',
  '12',
  'dark',
  'light',
  '-1',
  '1e309',
  'NaN',
  '%E0%A4%A',
  '%%%',
  '%zz',
  '%00',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '//evil.example',
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
  '\u0000',
  '\u202e',
  'ｃｈｅｃｋｏｕｔ',
  '𝕔𝕙𝕖𝕔𝕜',
];

const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 16 }) },
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  { weight: 3, arbitrary: fc.constantFrom(...SPECIALS) },
  fc
    .tuple(
      fc.constantFrom('a', 'eyJ', 'AKIA', 'a/', '%', '? ', '9', '-', '😀'),
      fc.integer({ min: 1, max: 2500 }),
    )
    .map(([unit, n]) => unit.repeat(n)),
);

/** Every parameter the view codec reads (src/url/view-state.ts), the app's own, and prototype keys. */
const KEYS = [
  ...new Set(
    (['dashboard', 'drilldown', 'wall'] as const).flatMap((r) =>
      viewParamNames(r).map((n) => n.replace('*', 'env')),
    ),
  ),
  'var-__proto__',
  'var-',
  'fault',
  '__proto__',
  'constructor',
];

const query = fc
  .oneof(
    {
      weight: 4,
      arbitrary: fc.array(
        fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...KEYS) }, hostile), hostile),
        {
          maxLength: 8,
        },
      ),
    },
    // Unencoded text after the `?`: percent-garbage, stray `&` and `=`.
    hostile.map((raw) => raw.replace(/#/g, '%23')),
  )
  .map((q) => {
    if (typeof q === 'string') return q ? `?${q}` : '';
    const params = new URLSearchParams();
    for (const [k, v] of q) params.append(k, v);
    const text = params.toString();
    return text ? `?${text}` : '';
  });

/** A path segment: a real id, a hostile text encoded, or raw percent-garbage. */
const segment = (...real: string[]) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...real) },
    hostile.filter((t) => t.length > 0).map((t) => encodeURIComponent(t)),
    fc.constantFrom('%E0%A4%A', '%%', '%zz', '..', '.', '%2F', '%00'),
  );
const board = segment('checkout', 'platform');
const kpi = segment('payment-success-rate', 'orders-per-minute');

const CHECKOUT = readFileSync(join(ROOT, 'public/dashboards/checkout.yaml'), 'utf8');
const pack = (yaml: string): string => deflateRawSync(Buffer.from(yaml)).toString('base64url');

const fragment = fc.oneof(
  fc.constant(''),
  fc.constant(`#d=${pack(CHECKOUT)}`),
  fc.integer({ min: 1, max: 400 }).map((n) => `#d=${pack(nestedExplicitKeys(n))}`),
  // Damaged base64: a real payload cut, or with characters changed.
  fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.constantFrom('cut', 'flip', 'pad')).map(([at, how]) => {
    const good = pack(CHECKOUT);
    const i = at % good.length;
    if (how === 'cut') return `#d=${good.slice(0, i)}`;
    if (how === 'pad') return `#d=${good}===`;
    return `#d=${good.slice(0, i)}${good[i] === 'A' ? 'B' : 'A'}${good.slice(i + 1)}`;
  }),
  hostile.map((t) => `#d=${encodeURIComponent(t)}`),
  fc.base64String({ maxLength: 200 }).map((t) => `#d=${t}`),
);

const address = fc
  .oneof(
    fc.tuple(fc.constant('/'), query),
    {
      weight: 3,
      arbitrary: fc.tuple(
        board.map((b) => `/d/${b}`),
        query,
      ),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(
        fc.tuple(board, kpi).map(([b, k]) => `/d/${b}/k/${k}`),
        query,
      ),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(
        board.map((b) => `/wall/${b}`),
        query,
      ),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(
        fc.constant('/wall'),
        fc
          .tuple(
            fc.array(fc.oneof(fc.constantFrom('checkout', 'platform'), hostile), {
              minLength: 1,
              maxLength: 5,
            }),
            query,
          )
          .map(([ids, q]) => `?boards=${encodeURIComponent(ids.join(','))}${q ? `&${q.slice(1)}` : ''}`),
      ),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constant('/shared'), query, fragment).map(([p, q, f]) => [p, `${q}${f}`]),
    },
    fc
      .tuple(
        kpi.map((k) => `/shared/k/${k}`),
        query,
        fragment,
      )
      .map(([p, q, f]) => [p, `${q}${f}`]),
    fc.tuple(fc.constantFrom('/status', '/connect', '/connect/callback'), query),
    fc.tuple(
      fc.oneof(
        segment('no-such-page').map((s) => `/${s}`),
        fc.tuple(board, kpi).map(([b, k]) => `/d/${b}/k/${k}/extra`),
        board.map((b) => `/wall/${b}/more`),
      ),
      query,
    ),
  )
  .map(([path, rest]) => `${path}${rest}`);

/** The route and path board the app decodes for an address, as the router would match it. */
function decodeTarget(url: URL): { route: ViewRoute; pathBoard?: string } | undefined {
  const segs = url.pathname.split('/').slice(1);
  const safe = (s: string): string => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  if (segs[0] === 'd' && segs.length === 2) return { route: 'dashboard' };
  if (segs[0] === 'd' && segs.length === 4 && segs[2] === 'k') return { route: 'drilldown' };
  if (segs[0] === 'shared' && segs.length === 1) return { route: 'dashboard' };
  if (segs[0] === 'shared' && segs.length === 3 && segs[1] === 'k') return { route: 'drilldown' };
  if (segs[0] === 'wall' && segs.length === 1) return { route: 'wall' };
  if (segs[0] === 'wall' && segs.length === 2) return { route: 'wall', pathBoard: safe(segs[1]!) };
  return undefined;
}

/**
 * Node time of the app's decode of each address (parse the query, then decodeView), ms: the median of three
 * runs, so a garbage collection or the scheduler of a shared machine does not stand for the decode.
 */
function decodeTimes(addresses: string[]): number[] {
  const base = 'http://127.0.0.1';
  const once = (a: string): void => {
    const url = new URL(a, base);
    const target = decodeTarget(url);
    if (target) decodeView(target.route, parseFlatSearch(url.search), target);
  };
  for (const a of addresses.slice(0, 200)) once(a);
  return addresses.map((a) =>
    median(
      [0, 1, 2].map(() => {
        const start = performance.now();
        once(a);
        return performance.now() - start;
      }),
    ),
  );
}

/** Installed in every document: a mutation counter and a wait for the frame to be on screen. */
const PROBE = `
(() => {
  window.__bwMutations = 0;
  new MutationObserver((list) => { window.__bwMutations += list.length; })
    .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const visible = () => [...document.querySelectorAll('h1, [role="alert"]')].some((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && (el.textContent || '').trim().length > 0;
  });
  // Rendered: the heading or an alert is on screen, at least two frames after navigating, once the DOM
  // was quiet for a frame (or a second has passed, for screens that keep changing).
  window.__bwWaitFrame = (t0, timeout) => new Promise((resolve) => {
    let frames = 0;
    let last = -1;
    const tick = () => {
      frames++;
      const now = performance.now();
      const quiet = window.__bwMutations === last;
      last = window.__bwMutations;
      if (frames >= 2 && (quiet || now - t0 > 1000) && visible()) {
        const h1 = document.querySelector('h1');
        return resolve({ rendered: true, ms: now - t0, heading: h1 ? h1.textContent.trim().slice(0, 80) : '' });
      }
      if (now - t0 > timeout) {
        return resolve({ rendered: false, ms: now - t0, heading: (document.body ? document.body.innerText : '').slice(0, 120) });
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
})();
`;

interface Outcome {
  address: string;
  full: boolean;
  rendered: boolean;
  renderMs: number;
  heading: string;
  /** Time for a trivial script to answer after rendering, ms; Infinity when it never did. */
  answerMs: number;
  errors: string[];
  offOrigin?: string;
  /**
   * The static host refused the document on a full load: 404 for a malformed path (CloudFront rewrites it to
   * the app), 431 for an address over Node's 16 KB of headers (CloudFront's quota for a URL is 8,192 bytes).
   */
  host404: boolean;
}

const timeout = <T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> =>
  Promise.race([p, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);

interface Worker {
  page: Page;
  errors: string[];
  offOrigin?: string;
  mustReload: boolean;
}

async function openWorker(browser: Browser, base: string): Promise<Worker> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: base });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const worker: Worker = { page, errors: [], mustReload: true };
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location().url;
    if (!where || where.startsWith(base)) worker.errors.push(`console.error: ${m.text().slice(0, 300)}`);
  });
  page.on('pageerror', (e) => worker.errors.push(`uncaught: ${e.message.slice(0, 300)}`));
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame() && !f.url().startsWith(base) && f.url() !== 'about:blank')
      worker.offOrigin = f.url();
  });
  return worker;
}

async function visit(worker: Worker, address: string, full: boolean, base: string): Promise<Outcome> {
  worker.errors = [];
  worker.offOrigin = undefined;
  const { page } = worker;
  let host404 = false;
  let result: { rendered: boolean; ms: number; heading: string } | 'timeout';
  if (full) {
    const response = await page.goto(address, { waitUntil: 'commit', timeout: RENDER_TIMEOUT_MS * 3 });
    host404 = (response?.status() ?? 0) >= 400;
    result = host404
      ? { rendered: false, ms: 0, heading: '' }
      : await timeout(
          page.evaluate(
            (t) =>
              (window as unknown as { __bwWaitFrame(t0: number, t: number): Promise<never> }).__bwWaitFrame(
                0,
                t,
              ),
            RENDER_TIMEOUT_MS,
          ),
          RENDER_TIMEOUT_MS + HANG_MS,
        );
  } else {
    result = await timeout(
      page.evaluate(
        ([target, t]) => {
          const t0 = performance.now();
          history.pushState({}, '', target);
          dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
          return (
            window as unknown as { __bwWaitFrame(t0: number, t: number): Promise<never> }
          ).__bwWaitFrame(t0, t);
        },
        [address, RENDER_TIMEOUT_MS] as const,
      ),
      RENDER_TIMEOUT_MS + HANG_MS,
    );
  }
  const start = performance.now();
  const answered = await timeout(
    page.evaluate(() => 1),
    HANG_MS,
  );
  const answerMs = answered === 'timeout' ? Number.POSITIVE_INFINITY : performance.now() - start;
  const r =
    result === 'timeout' ? { rendered: false, ms: Number.POSITIVE_INFINITY, heading: '(no answer)' } : result;
  const errors = host404
    ? worker.errors.filter((e) => !e.includes('Failed to load resource'))
    : [...worker.errors];
  return {
    address,
    full,
    rendered: r.rendered,
    renderMs: r.ms,
    heading: r.heading,
    answerMs,
    errors,
    offOrigin: worker.offOrigin ?? (page.url().startsWith(base) ? undefined : page.url()),
    host404,
  };
}

const pct = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const shorten = (a: string): string => (a.length > 160 ? `${a.slice(0, 150)}… (${a.length} chars)` : a);
const code = (a: string): string => `\`${shorten(a).replace(/`/g, "'").replace(/\|/g, '%7C')}\``;

async function measure(): Promise<string> {
  const addresses = fc.sample(address, { numRuns: RUNS, seed: SEED });
  console.log(`address-fuzz: ${addresses.length} addresses, seed ${SEED}`);
  const decode = decodeTimes(addresses);
  const slowest = addresses[decode.indexOf(Math.max(...decode))] ?? '';
  console.log(
    `decode p99 ${fmt(pct(decode, 99), 3)} ms, max ${fmt(Math.max(...decode), 2)} ms: ${shorten(slowest)}`,
  );

  const build = buildApp('address-fuzz');
  const server = await servePreview(build.dist, PORT);
  const base = `http://127.0.0.1:${PORT}`;
  const { path: executablePath } = await findChromium();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const outcomes: Outcome[] = [];
  const began = performance.now();
  let next = 0;
  const load = loadavg()[0] ?? 0;
  try {
    const run = async (): Promise<void> => {
      let worker = await openWorker(browser, base);
      let sinceReload = 0;
      while (next < addresses.length && performance.now() - began < BUDGET_S * 1000) {
        const a = addresses[next++]!;
        const full = worker.mustReload || sinceReload >= RELOAD_EVERY || a.includes('#');
        let outcome: Outcome;
        try {
          outcome = await visit(worker, a, full, base);
        } catch (error) {
          outcome = {
            address: a,
            full,
            rendered: false,
            renderMs: Number.POSITIVE_INFINITY,
            heading: `(driver: ${(error as Error).message.split('\n')[0]})`,
            answerMs: Number.NaN,
            errors: [],
            host404: false,
          };
        }
        outcomes.push(outcome);
        sinceReload = full ? 0 : sinceReload + 1;
        worker.mustReload = outcome.host404 || !!outcome.offOrigin || !outcome.rendered;
        if (!Number.isFinite(outcome.answerMs) || outcome.heading.startsWith('(driver')) {
          // A hung or broken page: start a fresh one.
          await timeout(worker.page.context().close(), 10_000);
          worker = await openWorker(browser, base);
        }
        if (outcomes.length % 500 === 0) {
          const s = (performance.now() - began) / 1000;
          console.log(`  ${outcomes.length} addresses in ${s.toFixed(0)} s`);
        }
      }
      await worker.page.context().close();
    };
    await Promise.all(Array.from({ length: PAGES }, run));
  } finally {
    await browser.close();
    await server.close();
    build.remove();
  }
  const seconds = (performance.now() - began) / 1000;
  const shown = outcomes.filter((o) => !o.host404);
  const blank = shown.filter((o) => !o.rendered);
  const hangs = outcomes.filter((o) => !Number.isFinite(o.answerMs) || o.answerMs > HANG_MS);
  const slowAnswers = outcomes.filter((o) => o.answerMs > ANSWER_MS);
  const withErrors = outcomes.filter((o) => o.errors.length > 0);
  const offOrigin = outcomes.filter((o) => o.offOrigin);
  const errorPages = shown.filter((o) => o.heading === 'This page could not be shown');
  const distinct = [...new Set(withErrors.flatMap((o) => o.errors))];
  const render = shown.filter((o) => o.rendered);
  const inApp = render.filter((o) => !o.full).map((o) => o.renderMs);
  const loads = render.filter((o) => o.full).map((o) => o.renderMs);
  const headings = new Map<string, number>();
  for (const o of render) headings.set(o.heading, (headings.get(o.heading) ?? 0) + 1);
  const topHeadings = [...headings.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
  console.log(
    `ran ${outcomes.length} in ${seconds.toFixed(0)} s: blank ${blank.length}, hangs ${hangs.length}, errors ${withErrors.length}, off-origin ${offOrigin.length}`,
  );
  for (const m of distinct.slice(0, 10)) console.log(`  ${m}`);

  const failures = [
    ...blank.map((o) => ['blank screen', o]),
    ...hangs.map((o) => ['hang', o]),
    ...withErrors.map((o) => ['console error', o]),
    ...slowAnswers.filter((o) => !hangs.includes(o)).map((o) => [`answered in ${fmt(o.answerMs)} ms`, o]),
    ...offOrigin.map((o) => ['left the origin', o]),
    ...errorPages.map((o) => ['error page', o]),
  ] as Array<[string, Outcome]>;
  const failureRows = failures
    .slice(0, 12)
    .map(([what, o]) => [
      what,
      code(o.address),
      o.full ? 'load' : 'in app',
      shorten(o.errors[0] ?? o.offOrigin ?? o.heading),
    ]);
  const summary: string[][] = [
    [
      'addresses opened',
      `${outcomes.length.toLocaleString('en')} of ${RUNS.toLocaleString('en')}`,
      `${fmt(seconds)} s, ${PAGES} pages`,
    ],
    [
      'full page loads',
      `${outcomes.filter((o) => o.full).length.toLocaleString('en')}`,
      `every ${RELOAD_EVERY} and every \`#d=\``,
    ],
    [
      'host refused the document (full load)',
      `${outcomes.filter((o) => o.host404).length}`,
      '404 malformed path, 431 address > 16 KB (vite preview)',
    ],
    ['blank screens', `${blank.length}`, 'no heading or alert within 10 s'],
    ['hangs', `${hangs.length}`, `a trivial script unanswered > ${HANG_MS / 1000} s`],
    ['main thread > 2 s to answer', `${slowAnswers.length}`, ''],
    ['addresses with console errors', `${withErrors.length}`, "the app's origin, and uncaught errors"],
    ['left the origin', `${offOrigin.length}`, ''],
    [
      '"This page could not be shown"',
      `${errorPages.length}`,
      'a render that threw, caught by the error screen',
    ],
    [
      'render in app p50 / p95 / max',
      `${fmt(median(inApp))} / ${fmt(pct(inApp, 95))} / ${fmt(Math.max(...inApp))} ms`,
      `${inApp.length} navigations`,
    ],
    [
      'render on full load p50 / p95 / max',
      `${fmt(median(loads))} / ${fmt(pct(loads, 95))} / ${fmt(Math.max(...loads))} ms`,
      `${loads.length} loads, from navigation start`,
    ],
    [
      'decode in Node p99 / max',
      `${fmt(pct(decode, 99), 3)} / ${fmt(Math.max(...decode), 2)} ms`,
      `median of 3 runs each, all ${decode.length.toLocaleString('en')}; goal < 50 ms; slowest ${code(slowest)}`,
    ],
  ];
  return [
    `Chromium (headless), 1280×800, production build served by \`vite preview\`; ${RUNS.toLocaleString('en')} addresses`,
    `generated by fast-check with seed ${SEED} (\`ADDRESS_FUZZ_SEED\`, \`ADDRESS_FUZZ_RUNS\`) over every route (/, /d/<id>,`,
    '/d/<id>/k/<kpi>, /wall/<id>, /wall?boards=…, /shared#d=…, /shared/k/<kpi>, /status, /connect, unknown paths)',
    'and every parameter of the view codec, with hostile values: up to 2,500 repeats, unicode and binary',
    'text, percent-garbage, prototype keys, credential shapes, `? ? ?` YAML nested up to 400 deep in `#d=`, and',
    `damaged base64. ${PAGES} pages in parallel navigate inside the app (pushState and popstate), with a full`,
    `load every ${RELOAD_EVERY} addresses and for every \`#d=\`. "Rendered": a heading or an alert is on screen once the DOM`,
    'is quiet for a frame (two frames at least); time from the navigation (or its start, for a load). Then a',
    "trivial script must answer (a hang: none within 5 s). Console errors count from the app's origin. Decode",
    `is the app's parseFlatSearch + decodeView of the same address in Node. Load average when started: ${load.toFixed(1)}.`,
    `Headings seen most: ${topHeadings.map(([h, n]) => `“${h.slice(0, 40)}” ${n}`).join(', ')}.`,
    '',
    markdownTable(['what', 'figure', 'note'], summary),
    ...(distinct.length
      ? ['', 'First distinct errors:', '', ...distinct.slice(0, 5).map((m) => `- ${code(m)}`)]
      : []),
    ...(failureRows.length
      ? [
          '',
          `Failures (first ${failureRows.length} of ${failures.length}):`,
          '',
          markdownTable(['what', 'address', 'how', 'detail'], failureRows),
        ]
      : []),
  ].join('\n');
}

const section: BenchSection = {
  id: 'address-fuzz',
  title: 'Fuzzed addresses in Chromium (issue 14)',
  run: measure,
};
export default section;

if (process.argv[1] === import.meta.filename) {
  console.log(await measure());
}
