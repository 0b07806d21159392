import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseFlatSearch, stringifyFlatSearch } from './search-params';
import { decodeView, encodeView, viewEquals, type WallSearch, type WallState } from './view-state';
import {
  boardsCodec,
  MAX_BOARDS,
  ROTATE_DEFAULT_SECONDS,
  ROTATE_MAX_SECONDS,
  ROTATE_MIN_SECONDS,
  rotateCodec,
  tilesCodec,
} from './wall-params';

const decode = (query: string, pathBoard?: string): WallSearch =>
  decodeView('wall', parseFlatSearch(query), pathBoard === undefined ? {} : { pathBoard });
const encodeWallSearch = (wall: WallState): Record<string, string> => encodeView('wall', wall);
const wallSearchEquals = (a: WallState, b: WallState): boolean => viewEquals('wall', a, b);

describe('wall search params', () => {
  test('a bare /wall rotates every listed dashboard with the defaults', () => {
    expect(decode('')).toEqual({
      boards: [],
      rotateSeconds: ROTATE_DEFAULT_SECONDS,
      theme: 'dark',
      tz: 'local',
      variables: {},
      ignored: [],
    });
  });

  test('reads a playlist with every option', () => {
    const wall = decode(
      '?boards=checkout,platform&rotate=60s&sort=status&theme=light&tz=utc&tiles=6&range=now-1h&var-env=staging&q=pay',
    );
    expect(wall).toEqual({
      boards: ['checkout', 'platform'],
      rotateSeconds: 60,
      sort: 'status',
      theme: 'light',
      tz: 'utc',
      tilesPerPage: 6,
      range: { kind: 'relative', seconds: 3600 },
      q: 'pay',
      variables: { env: 'staging' },
      ignored: [],
    });
  });

  test('round-trips through a flat query string and leaves defaults out', () => {
    const wall = decode('?boards=platform,checkout&rotate=2m&tz=utc&var-env=prod');
    const text = stringifyFlatSearch(encodeWallSearch(wall));
    expect(text).toBe('?boards=platform,checkout&rotate=120s&tz=utc&var-env=prod');
    expect(wallSearchEquals(decode(text), wall)).toBe(true);
    expect(wallSearchEquals(decode('?rotate=60s'), decode('?rotate=1m'))).toBe(true);
    expect(wallSearchEquals(decode('?rotate=60s'), decode('?rotate=61'))).toBe(false);
    expect(stringifyFlatSearch(encodeWallSearch(decode('')))).toBe('');
  });

  test('the id in /wall/<id> wins over boards', () => {
    const wall = decode('?boards=platform', 'checkout');
    expect(wall.boards).toEqual(['checkout']);
    expect(wall.ignored).toEqual(["boards 'platform' is ignored: the address already names 'checkout'"]);
  });

  test.each([
    ['?rotate=5s', ROTATE_MIN_SECONDS, "rotate '5s' is too fast to read; rotating every 10 s"],
    ['?rotate=3h', ROTATE_MAX_SECONDS, "rotate '3h' is longer than an hour; rotating every hour"],
    ['?rotate=45', 45, undefined],
    ['?rotate=1m', 60, undefined],
    [
      '?rotate=soon',
      ROTATE_DEFAULT_SECONDS,
      "rotate 'soon' is not a duration such as 60s or 2m; rotating every 30 s",
    ],
    [
      '?rotate=0',
      ROTATE_DEFAULT_SECONDS,
      "rotate '0' is not a duration such as 60s or 2m; rotating every 30 s",
    ],
    [
      '?rotate=-5s',
      ROTATE_DEFAULT_SECONDS,
      "rotate '-5s' is not a duration such as 60s or 2m; rotating every 30 s",
    ],
  ])('%s rotates every %i s', (query, seconds, notice) => {
    const wall = decode(query);
    expect(wall.rotateSeconds).toBe(seconds);
    expect(wall.ignored).toEqual(notice ? [notice] : []);
  });

  test.each([
    ['?theme=sepia', { theme: 'dark' }, "theme 'sepia' is not one of dark, light"],
    ['?theme=LIGHT', { theme: 'light' }, undefined],
    ['?tz=Europe/Paris', { tz: 'local' }, "tz 'Europe/Paris' is not one of local, utc"],
    ['?sort=best-first', {}, "sort 'best-first' is not one of status, title"],
    ['?tiles=0', {}, "tiles '0' is not a number of tiles such as 6"],
    ['?tiles=many', {}, "tiles 'many' is not a number of tiles such as 6"],
    ['?tiles=500', { tilesPerPage: 48 }, "tiles '500' is more than 48; showing at most 48 per page"],
    [
      '?range=yesterday',
      {},
      "range 'yesterday' is not a time range such as now-6h or 2024-05-01T00:00Z/2024-05-01T06:00Z",
    ],
    ['?kiosk=1', {}, "unknown parameter 'kiosk'"],
    ['?boards=,,', { boards: [] }, 'boards is empty'],
  ])('%s is corrected or dropped with a notice', (query, expected, notice) => {
    const wall = decode(query);
    expect(wall).toMatchObject(expected);
    expect(wall.ignored).toEqual(notice ? [notice] : []);
    for (const key of ['sort', 'tilesPerPage', 'range'] as const) {
      if (!(key in expected)) expect(wall).not.toHaveProperty(key);
    }
  });

  test('bad and repeated board ids are dropped, the rest keep their order', () => {
    const wall = decode('?boards=checkout,,<script>,platform,checkout, Platform');
    expect(wall.boards).toEqual(['checkout', 'platform']);
    expect(wall.ignored).toEqual([
      "boards '<script>', 'Platform' are not dashboard ids (lower-case letters, digits and dashes)",
    ]);
  });

  test('a playlist longer than the limit is cut with a notice', () => {
    const ids = Array.from({ length: MAX_BOARDS + 3 }, (_, i) => `board-${i}`);
    const wall = decode(`?boards=${ids.join(',')}`);
    expect(wall.boards).toEqual(ids.slice(0, MAX_BOARDS));
    expect(wall.ignored).toEqual([`only the first ${MAX_BOARDS} of ${MAX_BOARDS + 3} boards rotate`]);
  });

  test('the demo fault parameter is not reported as unknown', () => {
    expect(decode('?fault=network').ignored).toEqual([]);
  });

  test.each([
    [boardsCodec, ['checkout', 'platform']],
    [rotateCodec, 90],
    [tilesCodec, 12],
  ] as const)('each codec decodes what it encodes', (codec, value) => {
    const c = codec as { encode(v: unknown): string; decode(raw: string): { ok: boolean; value?: unknown } };
    const decoded = c.decode(c.encode(value));
    expect(decoded).toEqual({ ok: true, value });
  });

  test('never throws and always yields usable settings, whatever the address says', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.string()),
        fc.option(fc.string(), { nil: undefined }),
        (search, path) => {
          const wall = decodeView('wall', search, path === undefined ? {} : { pathBoard: path });
          expect(wall.rotateSeconds).toBeGreaterThanOrEqual(ROTATE_MIN_SECONDS);
          expect(wall.rotateSeconds).toBeLessThanOrEqual(ROTATE_MAX_SECONDS);
          expect(wall.boards.every((id) => /^[a-z0-9][a-z0-9-]{0,63}$/.test(id))).toBe(true);
          expect(wall.boards.length).toBeLessThanOrEqual(MAX_BOARDS);
          expect(['dark', 'light']).toContain(wall.theme);
          if (wall.tilesPerPage !== undefined) expect(wall.tilesPerPage).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });
});
