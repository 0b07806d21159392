// Fails when what a wall downloads before it can draw (the JS and CSS index.html loads, and what those
// preload) is over its gzip budget. A size check on the production build, not a timing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Issue 12's goal for the `/wall` route's initial JS+CSS, in kilobytes (1,000 bytes) of gzip. */
export const WALL_BUDGET_KB = 283;

/** The assets index.html makes the browser fetch at start: module scripts, preloads and stylesheets. */
export function initialAssets(html) {
  const found = [];
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const tag = match[0];
    const src = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!src?.startsWith('/assets/')) continue;
    const isScript = tag.startsWith('<script') && /type="module"/.test(tag);
    const isLink = /rel="(?:stylesheet|modulepreload)"/.test(tag);
    if (isScript || isLink) found.push(src);
  }
  return [...new Set(found)];
}

/** Gzip sizes of the initial assets of a build folder, in bytes. */
export function measure(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return initialAssets(html).map((asset) => ({
    asset,
    gzip: gzipSync(readFileSync(join(dist, asset.replace(/^\//, ''))), { level: 9 }).length,
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  const sizes = measure(dist);
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  for (const { asset, gzip } of sizes) console.log(`bundle: ${asset} ${(gzip / 1000).toFixed(1)} kB gzip`);
  const verdict = total <= WALL_BUDGET_KB * 1000 ? 'within' : 'OVER';
  console.log(
    `bundle: wall initial JS+CSS ${(total / 1000).toFixed(1)} kB gzip, ${verdict} the ${WALL_BUDGET_KB} kB budget`,
  );
  if (total > WALL_BUDGET_KB * 1000) process.exit(1);
}
