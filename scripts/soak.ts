/**
 * The wall's long-life test: a simulated day of refreshes in Chromium, against the production build, with
 * Playwright's fake clock so 24 hours take minutes. Samples the JS heap after forced garbage collection, the
 * DOM and React Query's cache every simulated hour, writes the figures to SOAK.md, and exits non-zero when
 * any of them grows more than the bound after warm-up. Run on its own: `npm run soak`; never part of
 * `npm test` (figures are measured, not asserted in the test suite).
 *
 * The simulated account runs here, in Node, behind the loopback CloudWatch endpoint (real HTTP, CORS,
 * SigV4-signed requests with pasted credentials), so the page's heap is the app's alone — as in a real
 * deployment — and the account's clock follows the page's fake clock. SOAK_ACCOUNT=in-page runs the demo's
 * in-page account (msw service worker) instead; its own memo then counts in the page's heap.
 *
 *   SOAK_HOURS=24        simulated hours (default 24: 1,440 refreshes of each board at 60 s)
 *   SOAK_ACCOUNT=loopback | in-page
 *   SOAK_SKIP_BUILD=1    reuse the last soak build
 *   SOAK_PORT=4317       port for vite preview (not the e2e port, so both can run)
 *   SOAK_OUT=SOAK.md     where the figures go
 *   SOAK_DIST=<dir>      where the production build goes (default: <tmp>/bellwether-soak-dist)
 *   SOAK_JS_FLAGS=...    V8 flags for Chromium, for control runs (e.g. "--no-opt --no-maglev" to see how
 *                        much of the heap's growth is the optimising compilers' code)
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FaultKind } from '@bellwether/fake-cloudwatch';
import { type Browser, type CDPSession, chromium, type Page, type Request } from 'playwright-core';
import { deploySite, LOCAL_NETWORK_ACCESS_OFF } from '../tests/e2e/deployed-site';
import { type LoopbackCloudWatch, startLoopbackCloudWatch } from './fake-cloudwatch-server';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const HOURS = Number(process.env.SOAK_HOURS ?? 24);
const ACCOUNT = process.env.SOAK_ACCOUNT === 'in-page' ? 'in-page' : 'loopback';
const PORT = Number(process.env.SOAK_PORT ?? 4317);
const OUT = process.env.SOAK_OUT ?? 'SOAK.md';
const JS_FLAGS = process.env.SOAK_JS_FLAGS;
const OUT_DIR = process.env.SOAK_DIST ?? join(tmpdir(), 'bellwether-soak-dist');
const VITE = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
const BIOME = fileURLToPath(new URL('../node_modules/@biomejs/biome/bin/biome', import.meta.url));
const WALL = '/wall?boards=checkout,platform&rotate=60s';
const REFRESH_MS = 60_000;
const WARM_UP_HOURS = 2;
/** Growth allowed after warm-up, for the heap and for the DOM. */
const BOUND = 0.1;
/**
 * Faults along the day, so the failure paths are soaked too. The first four fall in the warm-up, so every
 * path has run (and V8 has compiled it) before the reference sample; the rest come back during the day.
 */
const FAULTS: ReadonlyArray<{ minute: number; minutes: number; kind: FaultKind }> = [
  { minute: 20, minutes: 3, kind: 'network' },
  { minute: 40, minutes: 3, kind: 'throttle' },
  { minute: 60 + 10, minutes: 3, kind: '5xx' },
  { minute: 60 + 30, minutes: 3, kind: 'expired' },
  // Off the hour, so the hourly samples always find the wall live.
  { minute: 5 * 60 + 20, minutes: 10, kind: 'network' },
  { minute: 9 * 60 + 20, minutes: 5, kind: 'throttle' },
  { minute: 13 * 60 + 20, minutes: 6, kind: '5xx' },
  { minute: 17 * 60 + 20, minutes: 5, kind: 'expired' },
  { minute: 21 * 60 + 20, minutes: 10, kind: 'network' },
];
const CREDENTIALS = {
  accessKeyId: 'AKIDSOAKBELLWETHER01',
  secretAccessKey: 'soak/SecretAccessKey+for+the+loopback0',
};

interface Sample {
  hour: number;
  heapMiB: number;
  /** From a heap snapshot: compiled code, and everything else. */
  codeMiB: number;
  dataMiB: number;
  /** Heap snapshot objects grouped by kind and constructor: bytes and count, to name what grows. */
  groups: Map<string, { bytes: number; count: number }>;
  elements: number;
  nodes: number;
  listeners: number;
  queries: number;
  /** The series cache of incremental refresh: entries and the datapoints they hold. */
  seriesEntries: number;
  seriesPoints: number;
  updates: number;
  errors: number;
  board: string;
  freshness: string;
  /** What the header said was wrong, when anything was. */
  detail: string;
}

type Figure =
  | 'heapMiB'
  | 'codeMiB'
  | 'dataMiB'
  | 'elements'
  | 'nodes'
  | 'listeners'
  | 'queries'
  | 'seriesEntries'
  | 'seriesPoints';

const clockOf = (minute: number): string =>
  `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number): number => bytes / 1024 / 1024;
const inMiB = (v: number): string => `${v.toFixed(2)} MiB`;

function build(): void {
  if (process.env.SOAK_SKIP_BUILD) return;
  console.log(`soak: building into ${OUT_DIR}`);
  const args = [VITE, 'build', '--logLevel', 'error', '--outDir', OUT_DIR, '--emptyOutDir'];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function startPreview(): Promise<{ server: ChildProcess; url: string }> {
  // Node runs vite directly (not through npx), so stopping this process stops the server.
  const args = [
    VITE,
    'preview',
    '--outDir',
    OUT_DIR,
    '--host',
    '127.0.0.1',
    '--port',
    String(PORT),
    '--strictPort',
  ];
  const server = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${PORT}`;
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(url)).ok) return { server, url };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  server.kill();
  throw new Error(`vite preview did not start on port ${PORT}; set SOAK_PORT to a free port`);
}

/**
 * Waits until the minute's refreshes are done: no CloudWatch request in flight (seen from Playwright) and no
 * query fetching (the wall's diagnostics). A query sleeping between retries counts as fetching while no
 * request is out, so that wait is capped: the back-off is on the fake clock and ends in a later minute.
 */
function trackRequests(page: Page, isCloudWatch: (url: string) => boolean): () => Promise<void> {
  const pending = new Set<Request>();
  page.on('request', (r) => {
    if (isCloudWatch(r.url())) pending.add(r);
  });
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
  const fetching = (): Promise<string | null> =>
    page.locator('[data-wall-diagnostics]').getAttribute('data-fetching');
  return async () => {
    const deadline = Date.now() + 30_000;
    let idleSince: number | undefined;
    while (Date.now() < deadline) {
      if (pending.size > 0) {
        idleSince = undefined;
      } else {
        idleSince ??= Date.now();
        if ((await fetching()) === '0' || Date.now() - idleSince > 1500) break;
      }
      await sleep(10);
    }
    await sleep(20);
  };
}

/**
 * Splits the heap by a heap snapshot: compiled code (V8's code objects, bytecode, feedback) against
 * everything else (the app's objects, arrays, strings, closures). Code grows while V8 keeps optimising
 * paths that ran for the first time; a leak shows in the rest.
 */
async function heapSplit(
  cdp: CDPSession,
): Promise<{ codeMiB: number; dataMiB: number; groups: Sample['groups'] }> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }): void => {
    chunks.push(e.chunk);
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const nameAt = fields.indexOf('name');
  // Objects, closures and native objects are told apart by name (constructor, function, DOM class); strings,
  // arrays and V8's internals by kind only, since their names are their contents.
  const named = new Set(['object', 'closure', 'native', 'hidden', 'code']);
  const groups: Sample['groups'] = new Map();
  let code = 0;
  let data = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const size = snapshot.nodes[i + sizeAt] ?? 0;
    const type = types[snapshot.nodes[i + typeAt] ?? 0] ?? '?';
    if (type === 'code') code += size;
    else data += size;
    const name = snapshot.strings[snapshot.nodes[i + nameAt] ?? 0] ?? '';
    const key = named.has(type) ? `${type}: ${name.slice(0, 60) || '(anonymous)'}` : `(${type})`;
    const group = groups.get(key) ?? { bytes: 0, count: 0 };
    group.bytes += size;
    group.count += 1;
    groups.set(key, group);
  }
  return { codeMiB: mib(code), dataMiB: mib(data), groups };
}

async function sample(page: Page, cdp: CDPSession, hour: number): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const split = await heapSplit(cdp);
  const counters = await cdp.send('Memory.getDOMCounters');
  const inPage = await page.evaluate(() => {
    const diag = document.querySelector('[data-wall-diagnostics]');
    return {
      elements: document.getElementsByTagName('*').length,
      queries: Number(diag?.getAttribute('data-queries')),
      seriesEntries: Number(diag?.getAttribute('data-series-entries')),
      seriesPoints: Number(diag?.getAttribute('data-series-points')),
      updates: Number(diag?.getAttribute('data-updates')),
      errors: Number(diag?.getAttribute('data-errors')),
      board: [
        document.querySelector('h1')?.textContent,
        document.querySelector('.wall-position')?.textContent?.trim(),
      ]
        .filter(Boolean)
        .join(' · '),
      freshness: document.querySelector('.wall-freshness')?.getAttribute('data-state') ?? '',
      detail: document.querySelector('.wall-freshness-detail')?.textContent?.trim() ?? '',
    };
  });
  return {
    hour,
    heapMiB: mib(heap.usedSize),
    ...split,
    nodes: counters.nodes,
    listeners: counters.jsEventListeners,
    ...inPage,
  };
}

function slopePerHour(points: Array<{ x: number; y: number }>): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

function growers(ref: Sample, last: Sample, top = 12) {
  const none = { bytes: 0, count: 0 };
  const keys = new Set([...ref.groups.keys(), ...last.groups.keys()]);
  return [...keys]
    .map((key) => {
      const before = ref.groups.get(key) ?? none;
      const after = last.groups.get(key) ?? none;
      return { key, before, after, delta: after.bytes - before.bytes };
    })
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .slice(0, top);
}

interface Meta {
  date: string;
  machine: string;
  chromium: string;
  minutes: number;
  updates: number;
  wallMinutes: number;
  problems: string[];
}

function report(samples: Sample[], meta: Meta): boolean {
  // Like with like: only samples taken with the Checkout board on screen and live (a stale screen has more
  // elements), whose first is the reference.
  const alike = (s: Sample): boolean => s.board.startsWith('Checkout') && s.freshness === 'live';
  const after = samples.filter((s) => s.hour >= WARM_UP_HOURS && alike(s));
  const skipped = samples.filter((s) => s.hour >= WARM_UP_HOURS && !alike(s)).length;
  const ref = after[0];
  const last = after.at(-1);
  if (!ref || !last) throw new Error('not enough samples for a report: run at least three simulated hours');
  // The bound applies to what a leak would grow. The total heap also holds V8's compiled code, which grows
  // as V8 optimises paths that ran for the first time and levels off; it is shown, split out, not bounded.
  const rows: Array<[string, Figure, (v: number) => string, boolean]> = [
    ['JS heap after GC, total (`Runtime.getHeapUsage`)', 'heapMiB', inMiB, false],
    ['Compiled code (heap snapshot)', 'codeMiB', inMiB, false],
    ['**Objects: the heap without compiled code** (heap snapshot)', 'dataMiB', inMiB, true],
    ['**DOM elements in the document**', 'elements', String, true],
    ['**DOM nodes alive** (incl. detached)', 'nodes', String, true],
    ['**JS event listeners**', 'listeners', String, true],
    ['**React Query cache entries**', 'queries', String, true],
    ['**Series cache entries** (incremental refresh)', 'seriesEntries', String, true],
    ['**Series cache datapoints**', 'seriesPoints', String, true],
  ];
  const checks = rows.map(([label, key, show, bounded]) => {
    const max = Math.max(...after.map((s) => s[key]));
    const growth = (last[key] - ref[key]) / ref[key];
    const maxGrowth = (max - ref[key]) / ref[key];
    return {
      label,
      ref: show(ref[key]),
      last: show(last[key]),
      max: show(max),
      growth,
      maxGrowth,
      bounded,
      ok: !bounded || (growth < BOUND && maxGrowth < BOUND),
    };
  });
  const half = after.filter((s) => s.hour >= (after[0]?.hour ?? 0) + (last.hour - (after[0]?.hour ?? 0)) / 2);
  const codeLate = (half.at(-1)?.codeMiB ?? 0) - (half[0]?.codeMiB ?? 0);
  const codeEarly = (half[0]?.codeMiB ?? 0) - ref.codeMiB;
  const heapSlope = slopePerHour(after.map((s) => ({ x: s.hour, y: s.heapMiB })));
  const pct = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} %`;
  const ok = checks.every((c) => c.ok) && meta.problems.length === 0;
  const account =
    ACCOUNT === 'loopback'
      ? "the simulated account behind the loopback CloudWatch endpoint, in the soak script's Node process (real HTTP with CORS, SigV4-signed with pasted credentials, as a real deployment talks to AWS), so the page's heap is the app's alone; the account's clock follows the page's fake clock"
      : "the demo's simulated account inside the page (msw service worker), whose own bounded memo counts in the page's heap";
  const lines = [
    `# Soak: the wall over ${HOURS === 24 ? 'a simulated day' : `${HOURS} simulated hours`}`,
    '',
    `Written by \`npm run soak\` (scripts/soak.ts) on ${meta.date}; ${meta.machine}. Never asserted in \`npm test\`:`,
    'the script itself exits non-zero when a figure breaks the bound. See [docs/wall.md](docs/wall.md).',
    '',
    '## What runs',
    '',
    `- The production build in Chromium ${meta.chromium} at 1920×1080, pointed at \`${WALL}\`: two boards`,
    '  rotating every minute, both refreshing every 60 s whether on screen or not.',
    `- Against ${account}.`,
    `- Playwright's fake clock (\`page.clock.install\`, then \`runFor\` one minute at a time): ${meta.minutes.toLocaleString('en-US')} simulated minutes,`,
    `  **${meta.minutes.toLocaleString('en-US')} refreshes of each board** (${meta.updates.toLocaleString('en-US')} successful React Query updates in all). Timers, retries`,
    '  with back-off and the rotation all run on the fake clock; each minute ends when its CloudWatch requests',
    '  have been answered.',
    `- Faults, so the failure paths are soaked too: ${FAULTS.map((f) => `${f.kind} at ${clockOf(f.minute)} for ${f.minutes} min`).join(', ')}.`,
    '  The first four fall in the warm-up, so every path has run, and V8 has compiled it, before the reference sample.',
    '- Every simulated hour: two forced garbage collections (CDP `HeapProfiler.collectGarbage`), then the JS heap',
    '  (`Runtime.getHeapUsage`), split by a heap snapshot into compiled code (V8 code objects) and the rest, DOM elements in the document (`document.getElementsByTagName("*")`), DOM nodes',
    "  and event listeners alive including detached ones (`Memory.getDOMCounters`), React Query's cache size and",
    "  the series cache's entries and datapoints (the wall's own `[data-wall-diagnostics]`). Each sample is taken with the Checkout board on screen",
    '  (the wall runs a minute or two more when the rotation has drifted), so DOM counts compare like with like.',
    ...(JS_FLAGS ? [`- Control run: V8 flags \`${JS_FLAGS}\`.`] : []),
    `- Wall time: ${meta.wallMinutes.toFixed(1)} min.`,
    '',
    `## Result: ${ok ? 'flat' : 'NOT FLAT'}`,
    '',
    `Bound: less than ${BOUND * 100} % growth after a ${WARM_UP_HOURS} h warm-up, at the end of the day and at every hour in between, for the`,
    'figures in bold: what a leak grows (objects, DOM, listeners, cache entries). The total heap also holds',
    "V8's compiled code, which grows as V8 optimises code paths that ran for the first time and levels off;",
    `it is shown split out: +${codeEarly.toFixed(2)} MiB of code in the first half of the day after warm-up, +${codeLate.toFixed(2)} MiB in the second.`,
    "The snapshot split counts a little more than `Runtime.getHeapUsage` (it includes V8's trusted and code",
    'spaces in full), so the two columns do not add up to the total.',
    '',
    '| figure | after warm-up | at the end | highest after warm-up | growth at the end | highest growth | within bound |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...checks.map(
      (c) =>
        `| ${c.label} | ${c.ref} | ${c.last} | ${c.max} | ${pct(c.growth)} | ${pct(c.maxGrowth)} | ${c.bounded ? (c.ok ? 'yes' : '**no**') : 'not bounded'} |`,
    ),
    '',
    ...(skipped > 0
      ? [
          `${skipped} hourly sample(s) caught another board or a stale screen and are left out of the comparison.`,
          '',
        ]
      : []),
    `Heap trend after warm-up (least squares): ${heapSlope >= 0 ? '+' : '−'}${Math.abs(heapSlope * 1024).toFixed(1)} KiB per simulated hour.`,
    meta.problems.length === 0
      ? 'No uncaught error or unhandled rejection in the page all day.'
      : `Problems reported by the page: ${meta.problems.slice(0, 10).join('; ')}`,
    '',
    '## What grew',
    '',
    `Heap snapshot groups (kind and constructor or function name) whose size changed most between the reference`,
    `sample (${ref.hour} h) and the last (${last.hour} h):`,
    '',
    '| group | bytes at reference | bytes at the end | change | objects at reference | objects at the end |',
    '| --- | --- | --- | --- | --- | --- |',
    ...growers(ref, last).map(
      (g) =>
        `| \`${g.key.replaceAll('|', '\\|')}\` | ${g.before.bytes.toLocaleString('en-US')} | ${g.after.bytes.toLocaleString('en-US')} | ${g.delta >= 0 ? '+' : '−'}${Math.abs(g.delta).toLocaleString('en-US')} | ${g.before.count.toLocaleString('en-US')} | ${g.after.count.toLocaleString('en-US')} |`,
    ),
    '',
    '## Every hour',
    '',
    '| hour | board | state | JS heap (MiB) | snapshot: compiled code (MiB) | snapshot: objects (MiB) | DOM elements | DOM nodes alive | listeners | cache entries | series cache entries | series cache datapoints | updates | failed updates |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...samples.map(
      (s) =>
        `| ${s.hour} | ${s.board} | ${s.freshness} | ${s.heapMiB.toFixed(2)} | ${s.codeMiB.toFixed(2)} | ${s.dataMiB.toFixed(2)} | ${s.elements} | ${s.nodes} | ${s.listeners} | ${s.queries} | ${s.seriesEntries} | ${s.seriesPoints} | ${s.updates} | ${s.errors} |`,
    ),
    '',
  ];
  writeFileSync(OUT, lines.join('\n'));
  // In the repository's Markdown style, so `npm run lint` passes on the file as written.
  spawnSync(process.execPath, [BIOME, 'format', '--write', OUT], { stdio: 'ignore' });
  return ok;
}

async function main(): Promise<void> {
  build();
  const { path: executablePath, source } = await findChromium();
  const preview = await startPreview();
  let pageOffset = 0;
  const loopback: LoopbackCloudWatch | undefined =
    ACCOUNT === 'loopback'
      ? await startLoopbackCloudWatch({ now: () => Date.now() + pageOffset })
      : undefined;
  const browser: Browser = await chromium.launch({
    executablePath,
    args: [
      ...CHROMIUM_ARGS,
      ...(loopback ? [LOCAL_NETWORK_ACCESS_OFF] : []),
      ...(JS_FLAGS ? [`--js-flags=${JS_FLAGS}`] : []),
    ],
  });
  const stop = async (): Promise<void> => {
    await browser.close().catch(() => undefined);
    await loopback?.close();
    preview.server.kill();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(143)));
  const started = Date.now();
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, timezoneId: 'UTC' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(m.text());
    });
    if (loopback) {
      // A real deployment's config (this endpoint, pasted credentials) and credentials already pasted in this tab.
      // Served as npm run deploy would: the page's CSP allows this endpoint (a build's allows no loopback).
      await deploySite(
        page,
        { regions: ['us-east-1'], endpoint: loopback.url, credentials: { source: 'pasted' } },
        new URL(preview.url).origin,
      );
      await page.addInitScript((credentials) => {
        sessionStorage.setItem('bellwether.credentials', JSON.stringify(credentials));
      }, CREDENTIALS);
    }
    const isCloudWatch = loopback
      ? (url: string) => url.startsWith(loopback.url)
      : (url: string) => url.includes('amazonaws.com');
    const settle = trackRequests(page, isCloudWatch);
    const cdp = await context.newCDPSession(page);
    const inject = async (kind: FaultKind | undefined): Promise<void> => {
      if (loopback) {
        if (kind) loopback.faults.inject(kind);
        else loopback.faults.clear();
        return;
      }
      await page.evaluate((k) => {
        const faults = window.__bellwetherFake?.faults;
        if (k) faults?.inject(k);
        else faults?.clear();
      }, kind);
    };
    await page.clock.install();
    await page.goto(`${preview.url}${WALL}`);
    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    await page.locator('.wall-freshness[data-state="live"]').waitFor({ timeout: 30_000 });

    const syncClock = async (): Promise<void> => {
      pageOffset = (await page.evaluate(() => Date.now())) - Date.now();
    };
    const onScreen = (): Promise<string | null> => page.locator('h1').textContent();
    const samples = [await sample(page, cdp, 0)];
    const minutes = HOURS * 60;
    let minute = 0;
    const tick = async (): Promise<void> => {
      minute += 1;
      const fault = FAULTS.find((f) => minute === f.minute);
      if (fault) await inject(fault.kind);
      if (FAULTS.some((f) => minute === f.minute + f.minutes)) await inject(undefined);
      // The account's clock runs ahead to the end of the step, where the refresh timers fire.
      pageOffset += REFRESH_MS;
      await page.clock.runFor(REFRESH_MS);
      await settle();
      await syncClock();
    };
    await syncClock();
    while (minute < minutes) {
      await tick();
      if (minute % 60 !== 0) continue;
      // Sample with the same board on screen every time, so DOM counts compare like with like, and after a
      // quiet second so React has committed the last rotation.
      for (let extra = 0; extra < 5 && (await onScreen()) !== 'Checkout'; extra += 1) await tick();
      await page.clock.runFor(1000);
      await settle();
      const s = await sample(page, cdp, Math.round((minute / 60) * 100) / 100);
      samples.push(s);
      console.log(
        `soak: ${String(s.hour).padStart(5)} h  heap ${s.heapMiB.toFixed(2)} MiB (code ${s.codeMiB.toFixed(2)}, rest ${s.dataMiB.toFixed(2)})  elements ${s.elements}  nodes ${s.nodes}  listeners ${s.listeners}  cache ${s.queries}  series ${s.seriesEntries}/${s.seriesPoints}  updates ${s.updates}  ${s.board} ${s.freshness} ${s.detail}`,
      );
    }
    const first = samples[0];
    const last = samples.at(-1);
    const ok = report(samples, {
      date: new Date().toISOString().slice(0, 10),
      machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(mib(totalmem()) / 1024)} GiB, Node ${process.version}`,
      chromium: `${browser.version()} (from ${source})`,
      minutes: minute,
      updates: (last?.updates ?? 0) - (first?.updates ?? 0),
      wallMinutes: (Date.now() - started) / 60_000,
      problems,
    });
    console.log(`soak: figures written to ${OUT}; ${ok ? 'flat' : 'NOT FLAT'}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(`soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
