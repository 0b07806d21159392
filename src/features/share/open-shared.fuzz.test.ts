// Fuzzing the `#d=` fragment decoder: damaged, cut, hostile and random payloads. Bounded runs in `npm test`,
// deeper with `npm run fuzz` (FUZZ_RUNS=…).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatConfigError } from '../../domain/kpi/config-error';
import { deepFlowNesting, longUnknownKey, manyKpis, nestedExplicitKeys } from '../../domain/kpi/hostile-yaml';
import { encodeAdhocDashboard, payloadFromHash } from './adhoc-link';
import { openSharedPayload } from './open-shared';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const TIMEOUT = Math.max(30_000, RUNS * 100);

async function pack(yaml: string): Promise<string> {
  const packed = await encodeAdhocDashboard(yaml);
  if (!packed.ok) throw new Error(packed.error.message);
  return packed.payload;
}

const GOOD = manyKpis(3);
const base64url = fc
  .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), {
    maxLength: 300,
  })
  .map((chars) => chars.join(''));

describe('the #d= decoder, fuzzed', () => {
  test(
    'random, damaged and cut payloads open as a dashboard or as one plain error, never an exception',
    async () => {
      const good = await pack(GOOD);
      const damaged = fc.oneof(
        base64url,
        fc.string({ maxLength: 200 }),
        fc
          .tuple(fc.nat(good.length), fc.nat(good.length))
          .map(([a, b]) => good.slice(Math.min(a, b), Math.max(a, b))),
        fc
          .tuple(fc.nat(good.length - 1), fc.constantFrom(...'Aa0_-'))
          .map(([at, c]) => `${good.slice(0, at)}${c}${good.slice(at + 1)}`),
      );
      await fc.assert(
        fc.asyncProperty(damaged, async (payload) => {
          const opened = await openSharedPayload(payload);
          if (!opened.ok) {
            expect(['corrupt', 'too-large', 'unsupported']).toContain(opened.error.kind);
            expect(opened.error.message.length).toBeLessThan(300);
            return;
          }
          const errors = opened.parsed.ok ? [] : opened.parsed.errors;
          for (const error of errors) {
            expect(error.line).toBeGreaterThanOrEqual(1);
            expect(formatConfigError(error).length).toBeLessThan(1200);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test('payloadFromHash never throws on any fragment', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (hash) => {
        const payload = payloadFromHash(hash);
        expect(payload === undefined || typeof payload === 'string').toBe(true);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  test.each([
    [
      'nested explicit keys (a 25-character link froze a tab)',
      nestedExplicitKeys(1000),
      /nested more than 32/,
    ],
    [
      'a long unknown key (a 2.8 KB link blocked 9.3 s)',
      longUnknownKey(100_000),
      /a key of 100,002 characters/,
    ],
    ['flow nesting', deepFlowNesting(5000), /nested more than 32/],
  ])('hostile links that once froze the page: %s', async (_what, yaml, message) => {
    const opened = await openSharedPayload(await pack(yaml));
    expect(opened.ok).toBe(true);
    if (!opened.ok || opened.parsed.ok) throw new Error('expected a parse error');
    expect(opened.parsed.errors).toHaveLength(1);
    expect(opened.parsed.errors[0]!.message).toMatch(message);
  });
});
