// Speed, calls, bytes and memory, measured (never asserted in tests) and written to BENCHMARKS.md.
// `npm run bench` runs every section in scripts/bench/; `npm run bench -- refresh paint` runs the named ones
// and rewrites only their parts of BENCHMARKS.md, keeping the others as they were last measured.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BenchSection, machineLine, ROOT } from './bench/lib';

const FILE = join(ROOT, 'BENCHMARKS.md');
const DIR = join(ROOT, 'scripts', 'bench');
/** The order sections appear in; sections not listed follow in the order of their ids. */
const ORDER = ['data-path', 'refresh', 'bundle', 'paint', 'relay', 'inputs', 'address-fuzz', 'loopback'];

const HEADER = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts, one section per file in scripts/bench/); each section says when
and where it was measured, and \`npm run bench -- <id>\` measures one again. Times are medians of repeated runs.
Figures are measured here and never asserted in tests; compare runs on the same machine. "Floor" is the least
the work can physically take where one exists.
`;

async function loadSections(): Promise<BenchSection[]> {
  const files = readdirSync(DIR).filter(
    (f) => f.endsWith('.ts') && f !== 'lib.ts' && !f.endsWith('.test.ts'),
  );
  const sections = await Promise.all(
    files.map(
      async (f) => ((await import(pathToFileURL(join(DIR, f)).href)) as { default: BenchSection }).default,
    ),
  );
  const rank = (id: string): number => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);
  return sections.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}

const marker = (id: string): RegExp =>
  new RegExp(`<!-- bench:${id} -->\\n[\\s\\S]*?<!-- /bench:${id} -->\\n`);

/** The blocks of the current file by section id, so a partial run keeps what it did not measure. */
function previousBlocks(text: string, ids: string[]): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const id of ids) {
    const found = marker(id).exec(text);
    if (found) blocks.set(id, found[0]);
  }
  return blocks;
}

const sections = await loadSections();
const ids = sections.map((s) => s.id);
const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !ids.includes(id));
if (unknown.length) {
  console.error(`bench: no section ${unknown.join(', ')}; sections: ${ids.join(', ')}`);
  process.exit(2);
}
const blocks = previousBlocks(existsSync(FILE) ? readFileSync(FILE, 'utf8') : '', ids);
const date = new Date().toISOString().slice(0, 10);
for (const section of sections) {
  if (wanted.length && !wanted.includes(section.id)) continue;
  console.log(`\n## ${section.title} (${section.id})`);
  const body = await section.run();
  blocks.set(
    section.id,
    `<!-- bench:${section.id} -->\n## ${section.title}\n\nMeasured ${date} on ${machineLine()} (\`npm run bench -- ${section.id}\`).\n\n${body.trim()}\n<!-- /bench:${section.id} -->\n`,
  );
}
const body = ids.flatMap((id) => (blocks.has(id) ? [blocks.get(id)!] : [])).join('\n');
writeFileSync(FILE, `${HEADER}\n${body}`);
console.log('\nwrote BENCHMARKS.md');
