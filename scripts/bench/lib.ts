// What every benchmark section shares: timing, the example dashboards and Markdown tables.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createFakeCloudWatch } from '@bellwether/fake-cloudwatch';
import { startFakeCloudWatchServer } from '@bellwether/fake-cloudwatch/node';
import { preview } from 'vite';
import { parseDashboard } from '../../src/domain/kpi/parse-dashboard';
import type { LoadedDashboard } from '../../src/domain/kpi/parse-result';
import type { Kpi } from '../../src/domain/kpi/schema';

export const ROOT = join(import.meta.dirname, '..', '..');
export const HOUR = 3_600_000;

/** One section of BENCHMARKS.md: `npm run bench -- <id>` reruns it alone and rewrites only its part. */
export interface BenchSection {
  id: string;
  title: string;
  /** Measures and returns the section's Markdown body (without its heading). */
  run(): Promise<string>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of `runs` timed runs after up to three warm-up runs, in milliseconds. */
export async function timeIt(runs: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(3, runs); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function loadExample(file: string): LoadedDashboard {
  const parsed = parseDashboard(file, readFileSync(join(ROOT, 'public/dashboards', file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not load`);
  return parsed.dashboard;
}

export function validKpis(dashboard: LoadedDashboard): Kpi[] {
  return dashboard.kpis.flatMap((entry) => (entry.ok ? [entry.kpi] : []));
}

/** A Markdown table with its columns padded to one width, as the file has always been laid out. */
export function markdownTable(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, 3, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}

/** Rows of a what / figure / floor / note table, echoed to the console as they are measured. */
export function figureTable(): {
  add(what: string, figure: string, floor: string, note?: string): void;
  rows: string[][];
} {
  const rows: string[][] = [];
  return {
    rows,
    add(what, figure, floor, note = '') {
      rows.push([what, figure, floor, note]);
      console.log(`${what}: ${figure} (floor ${floor}) ${note}`);
    },
  };
}

/**
 * The simulated account behind msw/node, with a settable clock, counting the bytes of every answer it sends.
 * The real SDK talks to it over HTTP exactly as in the app.
 */
export function startSimulatedAccount(now: number) {
  const clock = { now };
  const fake = createFakeCloudWatch({ now: () => clock.now });
  const server = startFakeCloudWatchServer(fake);
  let pendingSizes: Promise<number>[] = [];
  server.events.on('response:mocked', ({ response }) => {
    pendingSizes.push(
      response
        .clone()
        .arrayBuffer()
        .then((b) => b.byteLength),
    );
  });
  return {
    fake,
    clock,
    /** Forgets the calls and bytes seen so far. */
    reset(): void {
      fake.clearCalls();
      pendingSizes = [];
    },
    /** Bytes of every answer since the last reset. */
    async receivedBytes(): Promise<number> {
      return (await Promise.all(pendingSizes)).reduce((a, b) => a + b, 0);
    },
    close: () => server.close(),
  };
}

export function machineLine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/** A production build of the app in a temporary folder, for sections that measure the built site. */
export function buildApp(name: string, extraArgs: string[] = []): { dist: string; remove(): void } {
  const dist = mkdtempSync(join(tmpdir(), `bellwether-${name}-`));
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist, ...extraArgs], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('vite build failed');
  return {
    dist,
    remove() {
      rmSync(dist, { recursive: true, force: true });
      // vite.config.ts keeps the build's source maps beside it, outside what is served.
      rmSync(`${dist}-sourcemaps`, { recursive: true, force: true });
    },
  };
}

/** `vite preview` of a built folder on loopback; close it with `server.close()`. */
export function servePreview(outDir: string, port: number): ReturnType<typeof preview> {
  return preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1' },
  });
}
