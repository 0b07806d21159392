// Paint at scale in Chromium, on the production build served as the demo serves it: a wall and a desk of
// 12, 50 and 200 KPIs (generated from the Checkout dashboard), from the last answer's arrival to the frame
// that shows it, with the main thread's CPU in between, the heap and the DOM; and the demo's cold load to
// its first value. Run alone: npm run bench -- paint (it builds into a temporary folder first).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { parse, stringify } from 'yaml';
import { CHROMIUM_ARGS, findChromium } from '../find-chromium.mjs';
import { type BenchSection, buildApp, figureTable, markdownTable, median, ROOT, servePreview } from './lib';

const SIZES = [12, 50, 200] as const;
const RUNS = Number(process.env.PAINT_RUNS ?? 5);
const HD = { width: 1920, height: 1080 };

interface YamlKpi {
  id: string;
  title: string;
  [key: string]: unknown;
}

/**
 * A dashboard of `count` KPIs cloned from Checkout's (same metrics, new ids and titles). Its three outcomes
 * roll up the first copy of each Checkout KPI, as a big board's few business outcomes would; with
 * `everyKpiRolledUp` they list every clone, so every KPI must be judged whatever the screen shows.
 */
function scaleDashboard(count: number, everyKpiRolledUp = false): string {
  const checkout = parse(readFileSync(join(ROOT, 'public/dashboards/checkout.yaml'), 'utf8')) as {
    kpis: YamlKpi[];
    outcomes: Array<{ id: string; title: string; kpis: string[] }>;
    [key: string]: unknown;
  };
  const kpis: YamlKpi[] = [];
  for (let i = 0; kpis.length < count; i++) {
    const base = checkout.kpis[i % checkout.kpis.length]!;
    const copy = Math.floor(i / checkout.kpis.length) + 1;
    kpis.push({ ...base, id: `${base.id}-${copy}`, title: `${base.title} ${copy}` });
  }
  const outcomes = checkout.outcomes.map((outcome) => ({
    ...outcome,
    kpis: kpis
      .filter((kpi) => outcome.kpis.some((id) => kpi.id.startsWith(`${id}-`)))
      .filter((kpi) => everyKpiRolledUp || kpi.id.endsWith('-1'))
      .map((kpi) => kpi.id),
  }));
  const id = `scale-${count}${everyKpiRolledUp ? '-rolled-up' : ''}`;
  // Written out in full: the clones share objects, which YAML would otherwise write as aliases.
  return stringify(
    { ...checkout, id, title: `Scale ${count}${everyKpiRolledUp ? ', all rolled up' : ''}`, outcomes, kpis },
    { aliasDuplicateObjects: false },
  );
}

/** The generated boards by id: 12, 50 and 200 KPIs, and 200 with every KPI in an outcome. */
const BOARDS: Array<{ id: string; size: number; rolledUp: boolean }> = [
  ...SIZES.map((size) => ({ id: `scale-${size}`, size, rolledUp: false })),
  { id: 'scale-200-rolled-up', size: 200, rolledUp: true },
];

/** A copy of the build with the generated dashboards listed beside the examples. */
function siteWithScaleDashboards(dist: string): string {
  const site = mkdtempSync(join(tmpdir(), 'bellwether-paint-'));
  cpSync(dist, site, { recursive: true });
  const index = parse(readFileSync(join(site, 'dashboards/index.yaml'), 'utf8')) as { dashboards: string[] };
  for (const board of BOARDS) {
    writeFileSync(join(site, `dashboards/${board.id}.yaml`), scaleDashboard(board.size, board.rolledUp));
    index.dashboards.push(`${board.id}.yaml`);
  }
  writeFileSync(join(site, 'dashboards/index.yaml'), stringify(index));
  return site;
}

/**
 * Installed before any script of the page: when every tile on screen has its verdict (none pending) and no
 * outcome is pending, waits for the next frame to be painted and records the time, with a trace mark.
 */
const PAINT_PROBE = `
(() => {
  const settled = () => {
    const tiles = document.querySelectorAll('[data-kpi]');
    return tiles.length > 0 && !document.querySelector('[data-status="pending"]');
  };
  let done = false;
  const check = () => {
    if (done || !settled()) return;
    done = true;
    requestAnimationFrame(() => setTimeout(() => {
      window.__bwPaintedAt = performance.now();
      performance.mark('bw-painted');
    }, 0));
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
})();
`;

interface PaintFigures {
  /** From the last CloudWatch answer's arrival to the painted frame, ms. */
  dataToPaintMs: number;
  /** Main-thread busy time in that interval, ms. */
  cpuMs: number;
  /** From navigation start to the painted frame, ms. */
  loadToPaintMs: number;
  heapMiB: number;
  domNodes: number;
  tiles: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/**
 * The main thread's CPU time within [from, to] (trace microseconds): the thread time of its outermost tasks,
 * each counted by the share of it inside the interval. Thread time, not wall time, so a machine busy with
 * other work does not inflate it.
 */
function busyMs(events: TraceEvent[], from: number, to: number): number {
  const mark = events.find((e) => e.name === 'bw-painted');
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === mark?.pid,
  );
  if (!mark || !main) return Number.NaN;
  const tasks = events
    .filter(
      (e) =>
        e.tid === main.tid &&
        e.pid === main.pid &&
        e.ph === 'X' &&
        (e.dur ?? 0) > 0 &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let total = 0;
  let outerEnd = Number.NEGATIVE_INFINITY;
  for (const e of tasks) {
    const end = e.ts + (e.dur ?? 0);
    if (end <= outerEnd) continue;
    outerEnd = end;
    const inside = Math.min(to, end) - Math.max(from, e.ts);
    if (inside > 0) total += (e.tdur ?? e.dur ?? 0) * (inside / (e.dur ?? 1));
  }
  return total / 1000;
}

async function measurePaint(browser: Browser, base: string, path: string): Promise<PaintFigures> {
  const context = await browser.newContext({ viewport: HD, baseURL: base });
  try {
    // A first visit installs the demo's service worker; the measured visit is the wall as it runs every day.
    const warm = await context.newPage();
    await warm.goto('/wall/checkout');
    await warm.locator('[data-kpi][data-status]:not([data-status="pending"])').first().waitFor();
    await warm.close();
    const page = await context.newPage();
    await page.addInitScript(PAINT_PROBE);
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        'toplevel',
      ],
    });
    await page.goto(path);
    await page.waitForFunction(
      () => (window as { __bwPaintedAt?: number }).__bwPaintedAt !== undefined,
      null,
      {
        timeout: 60_000,
      },
    );
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    const timing = await page.evaluate(() => {
      const painted = (window as { __bwPaintedAt?: number }).__bwPaintedAt ?? 0;
      const answers = performance
        .getEntriesByType('resource')
        .filter(
          (e) => e.name.includes('amazonaws.com') && (e as PerformanceResourceTiming).responseEnd < painted,
        )
        .map((e) => (e as PerformanceResourceTiming).responseEnd);
      return {
        painted,
        arrived: Math.max(...answers),
        tiles: document.querySelectorAll('[data-kpi]').length,
      };
    });
    const mark = trace.traceEvents.find((e) => e.name === 'bw-painted');
    const toTrace = (ms: number): number => (mark?.ts ?? 0) - (timing.painted - ms) * 1000;
    const cpuMs = busyMs(trace.traceEvents, toTrace(timing.arrived), toTrace(timing.painted));
    const heap = await memory(context, page);
    return {
      dataToPaintMs: timing.painted - timing.arrived,
      cpuMs,
      loadToPaintMs: timing.painted,
      ...heap,
      tiles: timing.tiles,
    };
  } finally {
    await context.close();
  }
}

async function memory(context: BrowserContext, page: Page): Promise<{ heapMiB: number; domNodes: number }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { heapMiB: metric('JSHeapUsedSize') / 2 ** 20, domNodes: metric('Nodes') };
}

/**
 * A first visit (no service worker, nothing cached) to the first KPI value on screen: the time, and the
 * main thread's CPU until then (which a busy machine does not inflate).
 */
async function coldLoad(
  browser: Browser,
  base: string,
  path: string,
): Promise<{ ms: number; cpuMs: number }> {
  const context = await browser.newContext({ viewport: HD, baseURL: base });
  try {
    const page = await context.newPage();
    await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'toplevel'] });
    await page.goto(path, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => {
        const shown = [...document.querySelectorAll('[data-testid="kpi-value"]')].some((e) =>
          /\d/.test(e.textContent ?? ''),
        );
        if (shown) performance.mark('bw-painted');
        return shown;
      },
      null,
      { timeout: 60_000, polling: 'raf' },
    );
    const ms = await page.evaluate(() => performance.getEntriesByName('bw-painted')[0]?.startTime ?? 0);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    const mark = trace.traceEvents.find((e) => e.name === 'bw-painted');
    const cpuMs = mark ? busyMs(trace.traceEvents, mark.ts - ms * 1000, mark.ts) : Number.NaN;
    return { ms, cpuMs };
  } finally {
    await context.close();
  }
}

const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** Builds into a temporary folder, serves it with the generated dashboards and measures every figure. */
async function measurePaintSection(port = 4302): Promise<string> {
  const build = buildApp('paint');
  const site = siteWithScaleDashboards(build.dist);
  const server = await servePreview(site, port);
  const base = `http://127.0.0.1:${port}`;
  const { path: executablePath } = await findChromium();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const table = figureTable();
  const rows: string[][] = [];
  try {
    for (const screen of ['wall', 'desk'] as const) {
      for (const board of BOARDS) {
        const path = screen === 'wall' ? `/wall/${board.id}` : `/d/${board.id}`;
        const runs: PaintFigures[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await measurePaint(browser, base, path));
        const m = (pick: (f: PaintFigures) => number): number => median(runs.map(pick));
        rows.push([
          `${screen === 'wall' ? 'Wall' : 'Desk'}, ${board.size} KPIs${board.rolledUp ? ', all in outcomes' : ''} (${m((f) => f.tiles)} on screen)`,
          `${fmt(m((f) => f.dataToPaintMs))} ms`,
          `${fmt(m((f) => f.cpuMs))} ms`,
          `${fmt(
            m((f) => f.heapMiB),
            1,
          )} MiB`,
          fmt(m((f) => f.domNodes)),
        ]);
        console.log(rows.at(-1)?.join(' | '));
      }
    }
    for (const path of ['/wall/checkout', '/d/checkout']) {
      const visits: Array<{ ms: number; cpuMs: number }> = [];
      for (let i = 0; i < RUNS; i++) visits.push(await coldLoad(browser, base, path));
      table.add(
        `Demo cold load of ${path} to its first value (preview)`,
        `${fmt(median(visits.map((v) => v.ms)))} ms`,
        '1,500 ms',
        `main-thread CPU ${fmt(median(visits.map((v) => v.cpuMs)))} ms`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(site, { recursive: true, force: true });
    build.remove();
  }
  return [
    `Chromium (headless), ${HD.width}×${HD.height}, production build served by \`vite preview\` with the demo's`,
    'simulated account; dashboards of 12, 50 and 200 KPIs cloned from Checkout, whose three outcomes roll up',
    'six of them (and one where every KPI is in an outcome, so every verdict is needed). The clones share',
    "Checkout's metrics, so the planner asks the same 16 queries for every size: these figures are the",
    "screen's own work, and a board of distinct metrics also saves the fetch of what is off screen. Each figure is the",
    `median of ${RUNS} visits after the service worker is installed. "Data → paint" runs from the last`,
    "CloudWatch answer's arrival (Resource Timing) to the frame after every tile on screen has its verdict;",
    "CPU is the main thread's CPU time in that interval (the trace's thread time, which other work on the",
    'machine does not inflate, as it does the wall time); heap after a forced GC; DOM nodes as',
    `Chromium counts them. Load average when measured: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} (a busy machine stretches every figure).`,
    'Goals (issue 12): a 200-KPI wall painted ≤ 100 ms after its data arrives; the desk grows no faster',
    'than the KPIs on screen; the demo shows its first value ≤ 1.5 s after a cold load. Before: issue 12',
    'measured a 200-KPI wall at ~700 ms from data to paint (400 ms CPU) and a 200-KPI desk at 3.0 s CPU,',
    '123 MiB, 10.5 k nodes (recharts sparklines); with plain SVG sparklines but every KPI judged on every',
    'screen (1626ac0^), this bench measured 313 ms CPU for the 200-KPI wall and 351 ms for the desk.',
    'The desk fetches, judges and draws only the tiles within half a screen of the viewport (and what the',
    'outcomes roll up); the others are placeholders with title, verdict and link. Before (063f76f^), at',
    'load average 11, the 200-KPI desk drew all 200: 232 ms CPU, 18.9 MiB, 5,484 nodes (12 KPIs: 43 ms);',
    'before it fetched only those (0d65041^), the same 30 tiles cost 75 ms CPU at 50 KPIs and 121 ms at 200',
    '(on another machine). A placeholder that did not change keeps its model and is not drawn again, so a',
    'scroll or a clock tick costs the tiles drawn in full. A placeholder keeps about 9 DOM nodes, so that',
    'the keyboard, screen readers and find-in-page reach every KPI: the DOM is the one figure that grows',
    'with the board.',
    "A cold load's main-thread CPU is a tenth of its wall time: the rest is the demo's service worker",
    'starting and the simulated account answering in its worker, on the same two cores as everything else',
    '(on this machine at load average 7 it took 0.65–0.9 s). The route chunk and the dashboard files now',
    'load while the worker starts; before (793d029^), at load average 11: 1,857 ms (wall), 2,252 ms (desk).',
    '',
    markdownTable(['screen', 'data → paint', 'main-thread CPU', 'JS heap', 'DOM nodes'], rows),
    '',
    markdownTable(['what', 'figure', 'goal', 'note'], table.rows),
  ].join('\n');
}

const section: BenchSection = {
  id: 'paint',
  title: 'Paint at scale and cold load (Chromium)',
  // PAINT_PORT: another free port when 4302 is taken (it never uses 4173 or dist/, the e2e runner's).
  run: () => measurePaintSection(Number(process.env.PAINT_PORT ?? 4302)),
};
export default section;

if (process.argv[1] === import.meta.filename) {
  console.log(await measurePaintSection(Number(process.env.PAINT_PORT ?? 4302)));
}
