import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  decodeDashboardSearch,
  decodeDrilldownSearch,
  encodeDashboardSearch,
  encodeDrilldownSearch,
  onlyFilterChanged,
  viewSearchEquals,
} from './dashboard-search';
import { parseFlatSearch, stringifyFlatSearch } from './search-params';

describe('dashboard search params', () => {
  test('round-trips range and variables through a flat query string', () => {
    const view = { range: 'now-3h', variables: { env: 'staging' } };
    const text = stringifyFlatSearch(encodeDashboardSearch(view));
    expect(text).toBe('?range=now-3h&var-env=staging');
    const decoded = decodeDashboardSearch(parseFlatSearch(text));
    expect(decoded).toEqual({ ...view, ignored: [] });
  });

  test('keeps an absolute ISO range readable in the address', () => {
    const view = { range: '2026-11-20T06:00:00Z/2026-11-20T12:00:00Z', tz: 'utc' as const, variables: {} };
    const text = stringifyFlatSearch(encodeDashboardSearch(view));
    expect(text).toBe('?range=2026-11-20T06:00:00Z/2026-11-20T12:00:00Z&tz=utc');
    expect(decodeDashboardSearch(parseFlatSearch(text))).toEqual({ ...view, ignored: [] });
  });

  test.each([
    [
      '?range=yesterday',
      "range 'yesterday' is not a time range such as now-6h or 2024-05-01T00:00Z/2024-05-01T06:00Z",
    ],
    [
      '?range=now-6h;alert(1)',
      "range 'now-6h;alert(1)' is not a time range such as now-6h or 2024-05-01T00:00Z/2024-05-01T06:00Z",
    ],
    ['?range=now-30s', "range 'now-30s' is shorter than a minute"],
    [
      '?range=2024-05-02T00:00Z/2024-05-01T00:00Z',
      "range '2024-05-02T00:00Z/2024-05-01T00:00Z' is not a time range such as now-6h or 2024-05-01T00:00Z/2024-05-01T06:00Z",
    ],
    ['?utm_source=x', "unknown parameter 'utm_source'"],
    ['?var-=x', "unknown parameter 'var-'"],
    ['?tz=mars', "tz 'mars' is not one of local, utc"],
    ['?sort=random', "sort 'random' is not one of status, title"],
    ['?compare=1d', "unknown parameter 'compare'"],
    [`?${'x'.repeat(60)}=1`, `unknown parameter '${'x'.repeat(40)}…'`],
  ])('%s is ignored with a reason', (query, reason) => {
    const decoded = decodeDashboardSearch(parseFlatSearch(query));
    expect(decoded.range).toBeUndefined();
    expect(decoded.ignored).toEqual([reason]);
  });

  test.each([
    ['?range=now-900d', 'now-455d'],
    ['?range=now-1w', 'now-7d'],
    ['?range=2020-01-01T00:00:00Z/2022-01-01T00:00:00Z', '2020-10-03T00:00:00Z/2022-01-01T00:00:00Z'],
  ])('%s is clamped or written canonically as %s', (query, range) => {
    expect(decodeDashboardSearch(parseFlatSearch(query)).range).toBe(range);
  });

  test('keeps the first of repeated parameters', () => {
    expect(parseFlatSearch('?range=now-1h&range=now-2h')).toEqual({ range: 'now-1h' });
  });

  test('the drill-down reads a comparison and a breakdown dimension', () => {
    const decoded = decodeDrilldownSearch(
      parseFlatSearch('?range=now-1h&compare=1w&by=PaymentProvider&var-env=prod'),
    );
    expect(decoded).toEqual({
      range: 'now-1h',
      compare: '1w',
      by: 'PaymentProvider',
      variables: { env: 'prod' },
      ignored: [],
    });
    expect(decodeDrilldownSearch({ by: 'Payment Provider"' }).ignored).toEqual([
      `by 'Payment Provider"' is not a CloudWatch dimension name such as AvailabilityZone`,
    ]);
  });

  test('equality ignores key order and defaults', () => {
    expect(
      viewSearchEquals({ variables: { a: '1', b: '2' }, tz: 'local' }, { variables: { b: '2', a: '1' } }),
    ).toBe(true);
    expect(viewSearchEquals({ variables: {}, range: 'now-1h' }, { variables: {}, range: 'now-2h' })).toBe(
      false,
    );
  });
});

const KNOWN = [
  'range',
  'tz',
  'compare',
  'by',
  'q',
  'sort',
  'var-env',
  'var-region',
  'fault',
  '__proto__',
  'constructor',
];
const pieces = fc.oneof(
  fc.constantFrom(
    'now-',
    '6h',
    '15m',
    '7d',
    '1w',
    '2024-05-01T00:00Z',
    '/',
    'Z',
    'utc',
    'local',
    '1d',
    'prod',
    '%',
    '&',
    '=',
    '+',
    '#',
    '<script>',
    '\u0000',
    'é',
    '😀',
  ),
  fc.string({ maxLength: 12 }),
);
const value = fc.array(pieces, { maxLength: 5 }).map((parts) => parts.join(''));
const key = fc.oneof(fc.constantFrom(...KNOWN), fc.string({ maxLength: 10 }));
const query = fc
  .array(fc.tuple(key, value), { maxLength: 12 })
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
const rawQuery = fc.oneof(query, fc.string({ maxLength: 200 }));

describe('fuzzed query strings', () => {
  test.each([
    ['dashboard', decodeDashboardSearch],
    ['drill-down', decodeDrilldownSearch],
  ])('the %s view never throws, and every parameter is used, reported or belongs to the app', (_, decode) => {
    fc.assert(
      fc.property(rawQuery, (text) => {
        const search = parseFlatSearch(text);
        const view = decode(search);
        const encoded = encodeDrilldownSearch(view);
        for (const k of Object.keys(search)) {
          const used = Object.hasOwn(encoded, k) || k === 'fault' || (k === 'tz' && search[k] === 'local');
          if (!used) expect(view.ignored.length).toBeGreaterThan(0);
        }
        expect(view.ignored.every((n) => n.length < 200)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  test('decoding what was encoded gives the same view with nothing ignored', () => {
    fc.assert(
      fc.property(rawQuery, (text) => {
        const view = decodeDrilldownSearch(parseFlatSearch(text));
        const again = decodeDrilldownSearch(
          parseFlatSearch(stringifyFlatSearch(encodeDrilldownSearch(view))),
        );
        expect(again.ignored).toEqual([]);
        expect(viewSearchEquals(again, view)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  test('only known parameters are ever written back', () => {
    fc.assert(
      fc.property(rawQuery, (text) => {
        const encoded = encodeDrilldownSearch(decodeDrilldownSearch(parseFlatSearch(text)));
        for (const k of Object.keys(encoded))
          expect(k).toMatch(/^(range|tz|compare|by|q|sort|var-[a-zA-Z_]\w*)$/);
      }),
      { numRuns: 400 },
    );
  });
});

describe('onlyFilterChanged', () => {
  test.each([
    [{ variables: {}, q: 'pay' }, { variables: {}, q: 'paym' }, true],
    [{ variables: {} }, { variables: {}, q: 'p' }, true],
    [{ variables: {}, q: 'pay' }, { variables: {}, q: 'pay' }, false],
    [{ variables: {}, q: 'pay' }, { variables: {}, q: 'payment', range: 'now-1h' }, false],
  ])('%j → %j: %s', (a, b, expected) => {
    expect(onlyFilterChanged(a, b)).toBe(expected);
  });
});
