import { describe, expect, test } from 'vitest';
import { type ConfigError, formatConfigError } from './config-error';
import {
  aliasBomb,
  deepBlockNesting,
  deepFlowNesting,
  longUnknownKey,
  manyAliases,
  manyKpis,
  manyUnknownKeys,
  nestedExplicitKeys,
} from './hostile-yaml';
import { DASHBOARD_LIMITS } from './limits';
import { parseDashboard } from './parse-dashboard';

const FILE = 'hostile.yaml';

function errorsOf(text: string): ConfigError[] {
  const parsed = parseDashboard(FILE, text);
  if (parsed.ok) {
    return parsed.dashboard.kpis.flatMap((entry) => (entry.ok ? [] : entry.errors));
  }
  return parsed.errors;
}

function onlyError(text: string): ConfigError {
  const parsed = parseDashboard(FILE, text);
  expect(parsed.ok).toBe(false);
  if (parsed.ok) throw new Error('parsed');
  expect(parsed.errors).toHaveLength(1);
  return parsed.errors[0]!;
}

describe('dashboard limits: refused with the line, before parsing gets slow', () => {
  test.each<[string, string, RegExp]>([
    ['nested explicit keys, 240 levels (froze a tab 5.3 s)', nestedExplicitKeys(240), /nested more than 32/],
    ['nested explicit keys, 20 levels', nestedExplicitKeys(20), /a key here is itself a list or a mapping/],
    ['block nesting 3,000 deep (threw RangeError)', deepBlockNesting(3000), /nested more than 32/],
    ['flow nesting 3,000 deep', deepFlowNesting(3000), /nested more than 32/],
    ['a 100 KB key (quoted the whole key)', longUnknownKey(100_000), /a key of 100,002 characters/],
    ['more aliases than allowed', manyAliases(101), /more than 100 aliases/],
    [
      'a mapping of 2,000 keys',
      manyUnknownKeys(2000),
      /a mapping or list of 2,006 entries; one holds at most 500/,
    ],
  ])('%s', (_what, text, message) => {
    const error = onlyError(text);
    expect(error.message).toMatch(message);
    expect(error.line).toBeGreaterThan(1);
    expect(error.excerpt).toMatch(/\^$/);
    expect(formatConfigError(error).length).toBeLessThan(600);
  });

  test('alias expansion beyond the limit is an error, not a memory blow-up', () => {
    const error = onlyError(aliasBomb(9));
    expect(error.message).toMatch(/^the YAML could not be read: .*alias/i);
    expect(error.line).toBe(1);
  });

  test('a file over the size limit is refused before it is parsed, at the line where the limit falls', () => {
    const text = manyKpis(1400);
    expect(text.length).toBeGreaterThan(DASHBOARD_LIMITS.fileBytes);
    const error = onlyError(text);
    expect(error.message).toMatch(/^the file is more than 256 KB; a dashboard file is at most 256 KB/);
    expect(error.line).toBeGreaterThan(1000);
  });

  test('counts UTF-8 bytes, not characters', () => {
    const text = `id: a\ndescription: "${'é'.repeat(140 * 1024)}"\n`;
    expect(text.length).toBeLessThan(DASHBOARD_LIMITS.fileBytes);
    expect(onlyError(text).message).toMatch(/^the file is 281 KB/);
  });

  test('more KPIs than allowed are refused at kpis:, without validating each', () => {
    const error = onlyError(manyKpis(DASHBOARD_LIMITS.kpis + 1));
    expect(error).toMatchObject({ line: 4, path: 'kpis' });
    expect(error.message).toMatch(/lists 501 KPIs; one dashboard holds at most 500/);
  });

  test('a few hundred legitimate KPIs load', () => {
    const parsed = parseDashboard(FILE, manyKpis(300));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.dashboard.kpis.every((entry) => entry.ok)).toBe(true);
  });

  test('a long unknown key under the key limit gets no guess, and is quoted short', () => {
    const errors = errorsOf(longUnknownKey(250));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^unknown field 'q{59}…' \(allowed here: id, title/);
    expect(errors[0]!.path.length).toBeLessThan(120);
  });

  test('hundreds of unknown keys give a bounded list, the last one saying how many more', () => {
    const errors = errorsOf(manyUnknownKeys(400));
    expect(errors).toHaveLength(DASHBOARD_LIMITS.errors + 1);
    expect(errors.at(-1)!.message).toBe('and 350 more problems like these after this line');
    expect(errors.every((e) => typeof e.line === 'number')).toBe(true);
  });
});

describe('a YAML syntax error is reported once, with the line quoted and a hint', () => {
  const GOOD = manyKpis(3);
  const lines = GOOD.split('\n');
  const titleLine = lines.findIndex((l) => l.includes('title: KPI kpi-1'));

  test.each<[string, string[], number, RegExp]>([
    [
      'one line indented one space less',
      lines.map((l, i) => (i === titleLine + 1 ? l.slice(1) : l)),
      titleLine + 2,
      /indented differently from the fields above it; if it starts a new list item, it needs '- '/,
    ],
    [
      'a tab in the indentation',
      lines.map((l, i) => (i === titleLine ? l.replace('    ', '\t') : l)),
      titleLine + 1,
      /indent with spaces: YAML does not allow tabs/,
    ],
    [
      'a list item that lost its dash',
      lines.map((l, i) => (i === titleLine - 1 ? l.replace('- ', '  ') : l)),
      titleLine,
      /^'id' appears twice in the same mapping/,
    ],
  ])('%s', (_what, broken, line, hint) => {
    const error = onlyError(broken.join('\n'));
    expect(error.file).toBe(FILE);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(hint);
    const [quoted, caret] = error.excerpt!.split('\n');
    expect(quoted).toBe(`${line} | ${broken[line - 1]!.replace(/\t/g, '→')}`);
    expect(caret).toMatch(/^ +\| +\^$/);
  });

  test('the quoted line of a very long line is a window around the column', () => {
    const error = onlyError(`id: a\ntitle: "${'x'.repeat(5000)}\n`);
    expect(error.excerpt!.length).toBeLessThan(260);
  });
});
