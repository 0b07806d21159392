// What each route downloads: the initial JS+CSS every screen loads (the wall draws from it alone), and the
// lazy chunks a route adds, in gzip, from the production build's own manifest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measure, WALL_BUDGET_KB } from '../bundle-budget.mjs';
import { type BenchSection, buildApp, markdownTable } from './lib';

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/** The screens and the module each loads lazily (src/app/routes). */
const ROUTES: [string, string][] = [
  ['/wall/<id> (wall)', ''],
  ['/ (front page), /d/<id> (desk)', 'src/app/routes/desk-screens.tsx'],
  ['/d/<id>/k/<kpi> (drill-down), /shared', 'src/app/routes/drilldown-screens.tsx'],
  ['/status', 'src/features/status/status-page.tsx'],
  ['/connect', 'src/features/connect/connect-page.tsx'],
  ['the demo only: the simulated account', 'packages/fake-cloudwatch/src/transports/browser.ts'],
];

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

async function run(): Promise<string> {
  const build = buildApp('bundle', ['--manifest']);
  const out = build.dist;
  try {
    const manifest = JSON.parse(readFileSync(join(out, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    const initial = measure(out) as { asset: string; gzip: number }[];
    const initialFiles = new Set(initial.map((a) => a.asset.replace(/^\//, '')));
    const initialBytes = initial.reduce((n, a) => n + a.gzip, 0);
    const gzip = (file: string): number => gzipSync(readFileSync(join(out, file)), { level: 9 }).length;
    /** The files a lazy module adds to what the page already has: its chunk, its imports and their CSS. */
    const added = (key: string): string[] => {
      const files = new Set<string>();
      const visit = (k: string): void => {
        const chunk = manifest[k];
        if (!chunk || initialFiles.has(chunk.file) || files.has(chunk.file)) return;
        files.add(chunk.file);
        for (const css of chunk.css ?? []) if (!initialFiles.has(css)) files.add(css);
        for (const next of chunk.imports ?? []) visit(next);
      };
      visit(key);
      return [...files];
    };
    const rows = ROUTES.map(([route, key]) => {
      if (!key) return [route, kb(initialBytes), '—', kb(initialBytes)];
      if (!manifest[key]) return [route, kb(initialBytes), 'not a chunk of this build', '—'];
      const files = added(key);
      const extra = files.reduce((n, f) => n + gzip(f), 0);
      return [
        route,
        kb(initialBytes),
        `${kb(extra)} (${files.length} ${files.length === 1 ? 'file' : 'files'})`,
        kb(initialBytes + extra),
      ];
    });
    return `Gzip (level 9) sizes of the production build (\`vite build --manifest\`). "Initial" is what index.html
makes every screen fetch (scripts, module preloads, stylesheets); the wall needs nothing else, and its budget
is ${WALL_BUDGET_KB} kB, checked on every \`npm test\` by scripts/bundle-budget.mjs. "Added" is what a route loads lazily
on top (its chunk and the chunks it imports that the page does not have yet).

${markdownTable(['route', 'initial JS+CSS', 'added by the route', 'total'], rows)}`;
  } finally {
    build.remove();
  }
}

const section: BenchSection = { id: 'bundle', title: 'What each route downloads', run };
export default section;
