// The wall's long-life test: a simulated day of refreshes in Chromium, against the production build and the
// simulated account, with Playwright's fake clock so 24 hours take minutes. Samples the JS heap after forced
// garbage collection, the DOM node count and React Query's cache, writes the figures to SOAK.md, and fails
// when any of them grows more than the bound after warm-up. Run on its own: `npm run soak`; never part of
// `npm test` (figures are measured, not asserted in the test suite).
//
//   SOAK_HOURS=24        simulated hours (default 24: 1,440 refreshes of each board at 60 s)
//   SOAK_SKIP_BUILD=1    reuse the last soak build
//   SOAK_PORT=4317       port for vite preview (not the e2e port, so both can run)
//   SOAK_OUT=SOAK.md     where the figures go
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';

const HOURS = Number(process.env.SOAK_HOURS ?? 24);
const PORT = Number(process.env.SOAK_PORT ?? 4317);
const OUT = process.env.SOAK_OUT ?? 'SOAK.md';
const OUT_DIR = join(tmpdir(), 'bellwether-soak-dist');
const WALL = '/wall?boards=checkout,platform&rotate=60s';
const REFRESH_MS = 60_000;
const WARM_UP_HOURS = 2;
/** Growth allowed after warm-up, for the heap and for the DOM. */
const BOUND = 0.1;
/** Faults injected along the day (hour, minutes, kind), so the error paths are soaked too. */
const FAULTS = [
  { hour: 5, minutes: 10, kind: 'network' },
  { hour: 9, minutes: 5, kind: 'throttle' },
  { hour: 13, minutes: 6, kind: '5xx' },
  { hour: 17, minutes: 5, kind: 'expired' },
  { hour: 21, minutes: 10, kind: 'network' },
];

const VITE = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes) => bytes / 1024 / 1024;

function build() {
  if (process.env.SOAK_SKIP_BUILD) return;
  console.log(`soak: building into ${OUT_DIR}`);
  const result = spawnSync(
    process.execPath,
    [VITE, 'build', '--logLevel', 'warn', '--outDir', OUT_DIR, '--emptyOutDir'],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function startPreview() {
  // Node runs vite directly (not through npx), so killing this process stops the server.
  const server = spawn(
    process.execPath,
    [VITE, 'preview', '--outDir', OUT_DIR, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${PORT}`;
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(url)).ok) return { server, url };
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  server.kill();
  throw new Error(`vite preview did not start on port ${PORT}; set SOAK_PORT to a free port`);
}

/** CloudWatch requests in flight, seen from Playwright, so each simulated minute ends when its refresh does. */
function trackRequests(page) {
  const pending = new Set();
  page.on('request', (r) => r.url().includes('amazonaws.com') && pending.add(r));
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
  return async function settle() {
    const deadline = Date.now() + 30_000;
    while (pending.size > 0 && Date.now() < deadline) await sleep(10);
    await sleep(20);
  };
}

async function sample(page, cdp, hour) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  const page_ = await page.evaluate(() => {
    const diag = document.querySelector('[data-wall-diagnostics]');
    return {
      nodes: document.getElementsByTagName('*').length,
      queries: Number(diag?.getAttribute('data-queries')),
      updates: Number(diag?.getAttribute('data-updates')),
      errors: Number(diag?.getAttribute('data-errors')),
      board: document.querySelector('h1')?.textContent ?? '',
      freshness: document.querySelector('.wall-freshness')?.getAttribute('data-state') ?? '',
    };
  });
  return {
    hour,
    heapMiB: mib(heap.usedSize),
    liveNodes: page_.nodes,
    domCounterNodes: counters.nodes,
    listeners: counters.jsEventListeners,
    queries: page_.queries,
    updates: page_.updates,
    errors: page_.errors,
    board: page_.board,
    freshness: page_.freshness,
  };
}

function growth(reference, value) {
  return (value - reference) / reference;
}

function slopePerHour(points) {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

function report(samples, meta) {
  const after = samples.filter((s) => s.hour >= WARM_UP_HOURS);
  const ref = after[0];
  const last = samples.at(-1);
  const checks = [
    ['JS heap after GC', 'heapMiB', (v) => `${v.toFixed(2)} MiB`],
    ['DOM elements in the document', 'liveNodes', String],
    ['DOM nodes alive (incl. detached)', 'domCounterNodes', String],
    ['JS event listeners', 'listeners', String],
    ['React Query cache entries', 'queries', String],
  ].map(([label, key, show]) => {
    const max = Math.max(...after.map((s) => s[key]));
    const g = growth(ref[key], last[key]);
    const gMax = growth(ref[key], max);
    return {
      label,
      ref: show(ref[key]),
      last: show(last[key]),
      max: show(max),
      g,
      gMax,
      ok: g < BOUND && gMax < BOUND,
    };
  });
  const heapSlope = slopePerHour(after.map((s) => ({ x: s.hour, y: s.heapMiB })));
  const pct = (x) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} %`;
  const ok = checks.every((c) => c.ok);
  const lines = [
    '# Soak: the wall over a simulated day',
    '',
    `Written by \`npm run soak\` (scripts/soak.mjs) on ${meta.date}; ${meta.machine}. Never asserted in \`npm test\`:`,
    'the script itself exits non-zero when a figure breaks the bound.',
    '',
    '## What runs',
    '',
    `- The production build in Chromium (${meta.chromium}) at 1920×1080, pointed at \`${WALL}\`: two boards`,
    '  rotating every minute, both refreshing every 60 s whether on screen or not, against the simulated account',
    '  (the real SDK over the msw service worker).',
    `- Playwright's fake clock (\`page.clock.install\`, then \`runFor\` one minute at a time): ${meta.minutes.toLocaleString('en-US')} simulated minutes`,
    `  = **${meta.refreshes.toLocaleString('en-US')} refreshes per board** (${meta.updates.toLocaleString('en-US')} successful query updates in all). The simulated account`,
    "  reads the page's Date, so its data moves with the fake clock; timers, retries with back-off and",
    '  the rotation all run on it. Each minute ends when its CloudWatch requests have been answered.',
    `- Faults along the day, so the failure paths are soaked too: ${FAULTS.map((f) => `${f.kind} at ${f.hour} h for ${f.minutes} min`).join(', ')}.`,
    `- Every simulated hour: two forced garbage collections (CDP \`HeapProfiler.collectGarbage\`), then the JS heap`,
    '  (`Runtime.getHeapUsage`), live DOM elements (`document.getElementsByTagName("*")`), DOM nodes and',
    "  listeners alive including detached ones (`Memory.getDOMCounters`), and React Query's cache size (the",
    "  wall's own diagnostics element). Each sample is taken with the Checkout board on screen (the wall runs",
    '  a minute or two more when the rotation has drifted to Platform), so DOM counts compare like with like.',
    `- Wall time: ${meta.wallMinutes.toFixed(1)} min.`,
    '',
    `## Result: ${ok ? 'flat' : 'GROWTH ABOVE THE BOUND'}`,
    '',
    `Bound: less than ${BOUND * 100} % growth after a ${WARM_UP_HOURS} h warm-up, both at the end of the day and at any hour in between.`,
    '',
    '| figure | after warm-up | at the end | highest after warm-up | growth at end | highest growth | within bound |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...checks.map(
      (c) =>
        `| ${c.label} | ${c.ref} | ${c.last} | ${c.max} | ${pct(c.g)} | ${pct(c.gMax)} | ${c.ok ? 'yes' : '**no**'} |`,
    ),
    '',
    `Heap trend after warm-up (least squares): ${heapSlope >= 0 ? '+' : '−'}${Math.abs(heapSlope * 1024).toFixed(1)} KiB per simulated hour.`,
    '',
    '## Every hour',
    '',
    '| hour | board | state | JS heap (MiB) | DOM elements | DOM nodes alive | listeners | cache entries | updates | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...samples.map(
      (s) =>
        `| ${s.hour} | ${s.board} | ${s.freshness} | ${s.heapMiB.toFixed(2)} | ${s.liveNodes} | ${s.domCounterNodes} | ${s.listeners} | ${s.queries} | ${s.updates} | ${s.errors} |`,
    ),
    '',
    'The heap is the whole page: the wall, React Query, the AWS SDK and the simulated account (which keeps its',
    'last 1,000 calls for tests). "errors" counts failed query updates, from the injected faults.',
    '',
  ];
  writeFileSync(OUT, lines.join('\n'));
  return ok;
}

async function main() {
  build();
  const { path: executablePath, source } = await findChromium();
  const { server, url } = await startPreview();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const started = Date.now();
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, timezoneId: 'UTC' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(m.text());
    });
    const settle = trackRequests(page);
    const cdp = await context.newCDPSession(page);
    await page.clock.install();
    await page.goto(`${url}${WALL}`);
    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    await page.locator('.wall-freshness[data-state="live"]').waitFor({ timeout: 30_000 });

    const onScreen = () => page.locator('h1').textContent();
    const samples = [await sample(page, cdp, 0)];
    const minutes = HOURS * 60;
    let minute = 0;
    const tick = async () => {
      minute += 1;
      const fault = FAULTS.find((f) => minute === f.hour * 60);
      if (fault) await page.evaluate((kind) => window.__bellwetherFake?.faults.inject(kind), fault.kind);
      if (FAULTS.some((f) => minute === f.hour * 60 + f.minutes)) {
        await page.evaluate(() => window.__bellwetherFake?.faults.clear());
      }
      await page.clock.runFor(REFRESH_MS);
      await settle();
    };
    while (minute < minutes) {
      await tick();
      if (minute % 60 !== 0) continue;
      // Sample with the same board on screen every time, so DOM counts compare like with like.
      for (let extra = 0; extra < 3 && (await onScreen()) !== 'Checkout'; extra += 1) await tick();
      const s = await sample(page, cdp, Math.round((minute / 60) * 100) / 100);
      samples.push(s);
      console.log(
        `soak: ${String(s.hour).padStart(5)} h  heap ${s.heapMiB.toFixed(2)} MiB  elements ${s.liveNodes}  nodes ${s.domCounterNodes}  listeners ${s.listeners}  cache ${s.queries}  updates ${s.updates}  ${s.board} ${s.freshness}`,
      );
    }
    const last = samples.at(-1);
    const ok = report(samples, {
      date: new Date().toISOString().slice(0, 10),
      machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(mib(totalmem()) / 1024)} GiB, Node ${process.version}`,
      chromium: `${browser.version()}, from ${source}`,
      minutes: minute,
      refreshes: minute * (REFRESH_MS / 60_000),
      updates: last.updates - samples[0].updates,
      wallMinutes: (Date.now() - started) / 60_000,
    });
    if (problems.length > 0) {
      console.error(`soak: the page reported problems:\n${problems.slice(0, 20).join('\n')}`);
    }
    console.log(`soak: figures written to ${OUT}; ${ok ? 'flat' : 'growth above the bound'}`);
    process.exitCode = ok && problems.length === 0 ? 0 : 1;
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error) => {
  console.error(`soak: ${error.stack ?? error}`);
  process.exit(1);
});
