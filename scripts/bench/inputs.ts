// Untrusted input: how decode and parse time grow with the size of a hostile address, link or dashboard
// file (issues 14 and 16), in Node; then the main thread's long tasks while Chromium opens the hostile links
// on the production build. Figures, never assertions. Run alone: npm run bench -- inputs.
import { chromium } from '@playwright/test';
import {
  deepBlockNesting,
  deepFlowNesting,
  longUnknownKey,
  manyKpis,
  manyUnknownKeys,
  nestedExplicitKeys,
} from '../../src/domain/kpi/hostile-yaml';
import { parseDashboard } from '../../src/domain/kpi/parse-dashboard';
import { encodeAdhocDashboard } from '../../src/features/share/adhoc-link';
import { openSharedPayload } from '../../src/features/share/open-shared';
import { parseFlatSearch } from '../../src/url/search-params';
import { looksLikeSecret } from '../../src/url/secrets';
import { decodeView } from '../../src/url/view-state';
import { CHROMIUM_ARGS, findChromium } from '../find-chromium.mjs';
import { type BenchSection, buildApp, markdownTable, servePreview, timeIt } from './lib';

const SIZES = [1_000, 2_000, 4_000, 8_000, 16_000, 64_000];
const fmt = (ms: number): string => (ms < 1 ? ms.toFixed(2) : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));

/** Address shapes, each `size` characters long: the ones that were once super-linear, and plain ones. */
const ADDRESSES: Array<[string, (size: number) => string]> = [
  ['`?q=aaaa…`', (n) => `?q=${'a'.repeat(n)}`],
  ['`?q=a/a/…` (the old session-token backtracking)', (n) => `?q=${'a/'.repeat(n / 2)}`],
  ['`?x=eyJeyJ…` (JWT shape)', (n) => `?x=${'eyJ'.repeat(Math.ceil(n / 3))}`],
  [
    '`?k0=0&k1=1&…` (many parameters)',
    (n) => `?${Array.from({ length: Math.ceil(n / 8) }, (_, i) => `k${i}=${i}`).join('&')}`,
  ],
];

async function urlTable(): Promise<string> {
  const rows: string[][] = [];
  for (const [what, make] of ADDRESSES) {
    const cells = [];
    for (const size of SIZES) {
      const search = make(size);
      cells.push(fmt(await timeIt(15, () => decodeView('dashboard', parseFlatSearch(search)))));
    }
    rows.push([what, ...cells]);
    console.log(rows.at(-1)?.join(' | '));
  }
  const cells = [];
  for (const size of SIZES) {
    const text = 'a/'.repeat(size / 2);
    cells.push(fmt(await timeIt(15, () => looksLikeSecret(text))));
  }
  rows.push(['`looksLikeSecret` alone on `a/a/…` (no length cap)', ...cells]);
  return markdownTable(['address (decodeView, ms)', ...SIZES.map((s) => `${s / 1000}k`)], rows);
}

async function yamlTable(): Promise<string> {
  const cases: Array<[string, string]> = [
    ['nested explicit keys `? ? …`, 80 levels', nestedExplicitKeys(80)],
    ['nested explicit keys, 240 levels (was 5.3 s)', nestedExplicitKeys(240)],
    ['nested explicit keys, 1,000 levels (was > 5 min)', nestedExplicitKeys(1000)],
    ['one unknown key of 2,800 characters', longUnknownKey(2800)],
    ['one unknown key of 100,000 characters (was 9.3 s)', longUnknownKey(100_000)],
    ['block lists 3,000 deep (was RangeError)', deepBlockNesting(3000)],
    ['flow lists 3,000 deep', deepFlowNesting(3000)],
    ['400 unknown keys in one KPI', manyUnknownKeys(400)],
    ['a legitimate dashboard of 300 KPIs', manyKpis(300)],
    ['a legitimate dashboard of 500 KPIs (the limit)', manyKpis(500)],
    ['a file over 256 KB (refused by size)', manyKpis(1400)],
  ];
  const rows: string[][] = [];
  for (const [what, text] of cases) {
    const parsed = parseDashboard('bench.yaml', text);
    const message = parsed.ok ? '' : parsed.errors[0]!.message;
    const outcome = parsed.ok
      ? `loads, ${parsed.dashboard.kpis.length} KPIs`
      : `refused: ${message.length > 56 ? `${message.slice(0, 55)}…` : message}`;
    const ms = await timeIt(7, () => parseDashboard('bench.yaml', text));
    rows.push([what, `${(text.length / 1024).toFixed(1)} KiB`, fmt(ms), outcome.replace(/\|/g, '/')]);
    console.log(rows.at(-1)?.join(' | '));
  }
  return markdownTable(['dashboard text', 'size', 'parseDashboard (ms)', 'result'], rows);
}

/** The hostile links of issue 16, packed as the app packs them. */
async function hostileLinks(): Promise<Array<[string, string]>> {
  const pack = async (yaml: string): Promise<string> => {
    const packed = await encodeAdhocDashboard(yaml);
    if (!packed.ok) throw new Error(packed.error.message);
    return `/shared#d=${packed.payload}`;
  };
  return [
    ['a valid 3-KPI `#d=` link (for comparison)', await pack(manyKpis(3))],
    ['nested-key link, 240 levels', await pack(nestedExplicitKeys(240))],
    ['nested-key link, 1,000 levels', await pack(nestedExplicitKeys(1000))],
    ['long-key link (100,000-character key)', await pack(longUnknownKey(100_000))],
    ['8 KB link (`?q=a/a/…`)', `/d/checkout?q=${'a/'.repeat(4000)}`],
  ];
}

async function fragmentTable(links: Array<[string, string]>): Promise<string> {
  const rows: string[][] = [];
  for (const [what, link] of links) {
    const hash = link.split('#d=')[1];
    if (hash === undefined) continue;
    const ms = await timeIt(7, () => openSharedPayload(hash));
    rows.push([what, `${hash.length.toLocaleString('en')} characters`, fmt(ms)]);
    console.log(rows.at(-1)?.join(' | '));
  }
  return markdownTable(['`#d=` link', 'fragment', 'unpack + parse (ms)'], rows);
}

/**
 * Chromium on the production build: each link opened in a fresh page, long tasks (> 50 ms, the Long Tasks
 * API) counted from navigation until the page shows its answer, and a click handled after.
 */
async function chromiumTable(links: Array<[string, string]>, port = 4306): Promise<string> {
  const build = buildApp('inputs');
  const server = await servePreview(build.dist, port);
  const { path: executablePath } = await findChromium();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const rows: string[][] = [];
  try {
    for (const [what, link] of [
      ['a plain dashboard (for comparison)', '/d/checkout'] as [string, string],
      ...links,
    ]) {
      const longest: number[] = [];
      const total: number[] = [];
      for (let run = 0; run < 3; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.addInitScript(() => {
          const w = window as unknown as { __longTasks: number[] };
          w.__longTasks = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
          }).observe({ type: 'longtask', buffered: true });
        });
        await page.goto(`http://127.0.0.1:${port}${link}`);
        await page
          .getByRole('alert')
          .or(page.getByRole('status').filter({ hasText: 'ignored' }))
          .or(page.getByRole('article').first())
          .first()
          .waitFor({ timeout: 60_000 });
        await page.getByRole('link', { name: 'Bellwether' }).click();
        await page.waitForURL(/\/$/);
        const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
        longest.push(Math.max(0, ...tasks));
        total.push(tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0));
        await context.close();
      }
      const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const shown = (ms: number): string => (ms === 0 ? 'none' : `${fmt(ms)} ms`);
      rows.push([what, shown(med(longest)), shown(med(total))]);
      console.log(rows.at(-1)?.join(' | '));
    }
  } finally {
    await browser.close();
    await server.close();
    build.remove();
  }
  return markdownTable(['opened in Chromium', 'longest main-thread task', 'total blocking time'], rows);
}

const section: BenchSection = {
  id: 'inputs',
  title: 'Untrusted input: decode and parse time by size',
  async run() {
    const links = await hostileLinks();
    const url = await urlTable();
    const yaml = await yamlTable();
    const fragment = await fragmentTable(links);
    const browser = await chromiumTable(links);
    return [
      'Median of repeated runs in Node (tsx) of `parseFlatSearch` + `decodeView` on addresses of growing length,',
      'of `parseDashboard` on hostile and large dashboard texts, and of `openSharedPayload` (inflate + parse,',
      'what the worker runs) on the hostile links of issue 16. Addresses past 2,048 characters per parameter are',
      'dropped before any check reads them, so their cost stays flat; the secret check alone is shown uncapped.',
      '',
      url,
      '',
      yaml,
      '',
      fragment,
      '',
      'In Chromium (headless, production build, `vite preview`), long tasks (> 50 ms, Long Tasks API) from',
      'navigation until the page shows its answer and a click on the header is handled; median of 3 fresh',
      'pages. "Total blocking time" sums each long task beyond 50 ms. The `#d=` parse runs in a Web Worker.',
      "The comparison rows' long tasks are the app starting and drawing its page; compare each hostile `#d=`",
      'link with the valid one, and the 8 KB link (the same dashboard, with its notice) with the plain one.',
      '',
      browser,
    ].join('\n');
  },
};
export default section;
