// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${env} is the dashboard variable syntax fuzzed here
// Fuzzing the dashboard parser with mutated real dashboards: bounded runs in `npm test`, deeper with
// `npm run fuzz` (FUZZ_RUNS=…). Each mutated file gives a dashboard or precise errors, never an exception.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { type ConfigError, formatConfigError } from './config-error';
import { deepBlockNesting, longUnknownKey, nestedExplicitKeys } from './hostile-yaml';
import { parseDashboard } from './parse-dashboard';
import type { ParsedDashboard } from './parse-result';

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
/** A deep run takes minutes; the bound only stops a hung one. */
const TIMEOUT = Math.max(30_000, RUNS * 200);
/** The slowest parse of the run, printed by `npm run fuzz` as a figure (never asserted). */
let slowest = { ms: 0, text: '' };

function timedParse(file: string, text: string): ParsedDashboard {
  const started = performance.now();
  const parsed = parseDashboard(file, text);
  const ms = performance.now() - started;
  if (ms > slowest.ms) slowest = { ms, text };
  return parsed;
}
const DIR = join(import.meta.dirname, '../../../public/dashboards');
const EXAMPLES = ['checkout.yaml', 'platform.yaml'].map((f) => readFileSync(join(DIR, f), 'utf8'));

const TOKENS = [
  '- ',
  '? ',
  ': ',
  '  ',
  '\t',
  '\n',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '<<: *a',
  '!!binary ',
  '"',
  "'",
  '#',
  '|',
  '>',
  '---\n',
  '%YAML 1.2\n',
  '${env}',
  '${',
  '__proto__: ',
  'constructor: ',
  'é',
  '\u0000',
  '\uFEFF',
];

type Mutation = (lines: string[]) => string[];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom(...TOKENS), fc.nat(80)).map(
    ([at, token, col]): Mutation =>
      (lines) => {
        const i = at % lines.length;
        const line = lines[i] ?? '';
        const c = col % (line.length + 1);
        return lines.with(i, `${line.slice(0, c)}${token}${line.slice(c)}`);
      },
  ),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(
    ([at, shift]): Mutation =>
      (lines) => {
        const i = at % lines.length;
        const line = lines[i] ?? '';
        return lines.with(i, shift >= 0 ? `${' '.repeat(shift)}${line}` : line.slice(-shift));
      },
  ),
  fc.tuple(fc.nat(), fc.nat(5)).map(
    ([at, n]): Mutation =>
      (lines) =>
        lines.toSpliced(at % lines.length, n),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([a, b]): Mutation =>
      (lines) => {
        const i = a % lines.length;
        return lines.toSpliced(b % lines.length, 0, lines[i] ?? '');
      },
  ),
  fc.tuple(fc.nat(), fc.nat(40)).map(
    ([at, n]): Mutation =>
      (lines) => {
        const i = at % lines.length;
        return lines.with(i, (lines[i] ?? '').slice(0, n));
      },
  ),
  fc.tuple(fc.nat(), fc.constantFrom('- ', '? ', '[', '{'), fc.nat(400)).map(
    ([at, unit, n]): Mutation =>
      (lines) =>
        lines.toSpliced(at % lines.length, 0, `x: ${unit.repeat(n)}`),
  ),
);

const mutated = fc
  .tuple(fc.constantFrom(...EXAMPLES), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([text, steps]) => steps.reduce((lines, step) => step(lines), text.split('\n')).join('\n'));

function allErrors(parsed: ParsedDashboard): ConfigError[] {
  if (!parsed.ok) return parsed.errors;
  return [...parsed.warnings, ...parsed.dashboard.kpis.flatMap((entry) => (entry.ok ? [] : entry.errors))];
}

/** The properties every parse must have, whatever the text. */
function expectPrecise(parsed: ParsedDashboard, file: string): void {
  if (!parsed.ok) expect(parsed.errors.length).toBeGreaterThan(0);
  for (const error of allErrors(parsed)) {
    expect(error.file).toBe(file);
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(formatConfigError(error).length).toBeLessThan(1200);
  }
}

describe('parseDashboard, fuzzed', () => {
  afterAll(() => {
    if (process.env.FUZZ_RUNS) {
      // Timed again once warm: the first parses of a run pay for compiling the parser.
      const started = performance.now();
      parseDashboard('again.yaml', slowest.text);
      const again = performance.now() - started;
      console.log(
        `fuzz: slowest parse ${slowest.ms.toFixed(1)} ms (${slowest.text.length} characters; ${again.toFixed(1)} ms when timed again)`,
      );
    }
  });

  test(
    'a mutated real dashboard gives a dashboard or errors with a line, never an exception',
    () => {
      fc.assert(
        fc.property(mutated, (text) => {
          expectPrecise(timedParse('mutated.yaml', text), 'mutated.yaml');
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test(
    'arbitrary text made of YAML indicators does too',
    () => {
      const soup = fc
        .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { maxLength: 200 })
        .map((parts) => parts.join(''));
      fc.assert(
        fc.property(soup, (text) => {
          expectPrecise(timedParse('soup.yaml', text), 'soup.yaml');
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test.each([
    ['nested explicit keys', nestedExplicitKeys(1000)],
    ['a long quoted key', longUnknownKey(200_000)],
    ['deep block nesting', deepBlockNesting(10_000)],
    ['a lone tab', '\t'],
    ['a byte-order mark alone', '\uFEFF'],
    ['an alias to nothing', 'id: *nothing\n'],
  ])('once failed or hostile: %s', (_what, text) => {
    expectPrecise(parseDashboard('case.yaml', text), 'case.yaml');
  });
});
