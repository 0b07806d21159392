import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { initialAssets, measure } from './bundle-budget.mjs';

describe('bundle budget', () => {
  test('counts the module script, its preloads and stylesheets, not icons or lazy chunks', () => {
    const html = `<link rel="icon" href="/favicon.svg" />
      <script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-b.js">
      <link rel="stylesheet" crossorigin href="/assets/index-c.css">`;
    expect(initialAssets(html)).toEqual(['/assets/index-a.js', '/assets/vendor-b.js', '/assets/index-c.css']);
  });

  test('measures gzip sizes of what index.html loads', () => {
    const dist = mkdtempSync(join(tmpdir(), 'budget-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<script type="module" src="/assets/a.js"></script>');
    writeFileSync(join(dist, 'assets', 'a.js'), 'x'.repeat(100_000));
    const [a] = measure(dist);
    expect(a?.asset).toBe('/assets/a.js');
    expect(a?.gzip).toBeGreaterThan(50);
    expect(a?.gzip).toBeLessThan(1000);
  });
});
