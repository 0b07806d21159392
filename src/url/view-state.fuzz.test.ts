// Fuzzing the address codecs: bounded runs in `npm test`, deeper with `npm run fuzz` (FUZZ_RUNS=…).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { rangeCodec } from './range-param';
import { parseFlatSearch, stringifyFlatSearch } from './search-params';
import { looksLikeSecret } from './secrets';
import { compareCodec, dimensionCodec, filterCodec, sortCodec, tzCodec } from './view-params';
import { decodeView, encodeView, URL_LIMITS, type ViewRoute } from './view-state';
import { boardsCodec, rotateCodec, themeCodec, tilesCodec } from './wall-params';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** A deep run takes a while on a busy machine; the bound only stops a hung one. */
const TIMEOUT = Math.max(30_000, RUNS * 20);
const ROUTES: ViewRoute[] = ['dashboard', 'drilldown', 'wall'];
const NAMES = ['range', 'tz', 'q', 'sort', 'compare', 'by', 'boards', 'rotate', 'tiles', 'theme', 'var-env'];

/** Texts an attacker or a mangled chat link would put in an address: long runs, secrets' shapes, encodings. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .tuple(fc.constantFrom('a', 'eyJ', 'AKIA', '/', '=', '9', 'now-', '%', '? ', 'A1b/', '-'), fc.nat(6000))
    .map(([unit, n]) => unit.repeat(n)),
  fc.constantFrom(
    'now-6h',
    '2024-05-01T00:00Z/2024-05-01T06:00Z',
    'checkout,platform',
    '60s',
    'utc',
    '%E0%A4%A',
  ),
);
const pair = fc.tuple(fc.oneof(fc.constantFrom(...NAMES), hostileText), hostileText);
const address = fc.oneof(
  fc.array(pair, { maxLength: 20 }).map((pairs) => {
    const params = new URLSearchParams();
    for (const [k, v] of pairs) params.append(k, v);
    return `?${params.toString()}`;
  }),
  hostileText.map((text) => `?${text}`),
  fc.nat(400).map((n) => `?${Array.from({ length: n }, (_, i) => `k${i}=${i}`).join('&')}`),
);

describe.each(ROUTES)('fuzzed addresses on the %s route', (route) => {
  test(
    'decode never throws, says a bounded number of short notices, and re-encodes stably',
    () => {
      fc.assert(
        fc.property(address, fc.option(hostileText, { nil: undefined }), (search, pathBoard) => {
          const view = decodeView(
            route,
            parseFlatSearch(search),
            pathBoard === undefined ? {} : { pathBoard },
          );
          expect(view.ignored.length).toBeLessThanOrEqual(URL_LIMITS.notices);
          for (const notice of view.ignored) expect(notice.length).toBeLessThan(300);
          const encoded = encodeView(route, view as never);
          for (const value of Object.values(encoded)) expect(looksLikeSecret(value)).toBe(false);
          const again = decodeView(route, parseFlatSearch(stringifyFlatSearch(encoded)));
          expect(encodeView(route, again as never)).toEqual(encoded);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

const CODECS = {
  range: rangeCodec,
  tz: tzCodec,
  q: filterCodec,
  sort: sortCodec,
  compare: compareCodec,
  by: dimensionCodec,
  boards: boardsCodec,
  rotate: rotateCodec,
  tiles: tilesCodec,
  theme: themeCodec,
};

describe('cases the fuzzing found', () => {
  test('once failed: a filter cut at a space reads back as itself', () => {
    const decoded = filterCodec.decode('? '.repeat(60));
    expect(decoded).toMatchObject({ ok: true, value: '? '.repeat(50).trimEnd() });
    expect(filterCodec.decode(decoded.ok ? decoded.value : '')).toMatchObject({
      ok: true,
      value: '? '.repeat(50).trimEnd(),
    });
  });
});

describe.each(Object.entries(CODECS))('the %s codec, fuzzed', (_name, codec) => {
  test(
    'decode never throws; what it accepts survives encode and decode',
    () => {
      fc.assert(
        fc.property(hostileText, (raw) => {
          const decoded = (codec.decode as (raw: string) => ReturnType<typeof rangeCodec.decode>)(raw);
          if (!decoded.ok) {
            expect(decoded.notice.length).toBeLessThan(400);
            return;
          }
          const typed = codec as unknown as {
            encode(v: unknown): string;
            decode(raw: string): { ok: boolean; value?: unknown };
            equals(a: unknown, b: unknown): boolean;
          };
          const back = typed.decode(typed.encode(decoded.value));
          expect(back.ok).toBe(true);
          expect(typed.equals(back.value, decoded.value)).toBe(true);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
