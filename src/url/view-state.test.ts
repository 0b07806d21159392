import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { TimeRange } from '../domain/time/range';
import { parseFlatSearch, stringifyFlatSearch } from './search-params';
import {
  type DashboardState,
  decodeView,
  encodeView,
  onlyFilterChanged,
  type ViewRoute,
  type ViewState,
  viewEquals,
  viewParamNames,
} from './view-state';

const ROUTES: readonly ViewRoute[] = ['dashboard', 'drilldown', 'wall'];
const WALL_DEFAULTS = { boards: [], rotateSeconds: 30, theme: 'dark', tz: 'local' } as const;
const SECRET = 'a parameter that looks like a credential or token was dropped; it is never kept or shared';
const NOT_A_RANGE = (raw: string): string =>
  `range '${raw}' is not a time range such as now-6h or 2024-05-01T00:00Z/2024-05-01T06:00Z`;

const relative = (seconds: number): TimeRange => ({ kind: 'relative', seconds });
const absolute = (start: string, end: string): TimeRange => ({
  kind: 'absolute',
  start: Date.parse(start),
  end: Date.parse(end),
});

const decode = (route: ViewRoute, query: string, pathBoard?: string) =>
  decodeView(route, parseFlatSearch(query), pathBoard === undefined ? {} : { pathBoard });
const encodeText = (route: ViewRoute, view: ViewState<ViewRoute>): string =>
  stringifyFlatSearch(encodeView(route, view as never));

describe('which routes read which parameters', () => {
  test.each<[ViewRoute, string[]]>([
    ['dashboard', ['range', 'tz', 'var-*', 'q', 'sort']],
    ['drilldown', ['range', 'tz', 'var-*', 'compare', 'by']],
    ['wall', ['boards', 'rotate', 'tiles', 'theme', 'range', 'tz', 'var-*', 'q', 'sort']],
  ])('%s: %j', (route, names) => {
    expect(viewParamNames(route)).toEqual(names);
  });
});

describe('round trips: decode, then encode in canonical order with defaults left out', () => {
  test.each<[ViewRoute, string, object, string]>([
    ['dashboard', '', { variables: {} }, ''],
    [
      'dashboard',
      '?range=now-3h&var-env=staging',
      { range: relative(10_800), variables: { env: 'staging' } },
      '?range=now-3h&var-env=staging',
    ],
    [
      'dashboard',
      '?sort=title&q=pay&tz=utc&range=2026-11-20T06:00Z/2026-11-20T12:00Z&var-b=2&var-a=1',
      {
        range: absolute('2026-11-20T06:00Z', '2026-11-20T12:00Z'),
        tz: 'utc',
        variables: { a: '1', b: '2' },
        q: 'pay',
        sort: 'title',
      },
      '?range=2026-11-20T06:00:00Z/2026-11-20T12:00:00Z&tz=utc&var-a=1&var-b=2&q=pay&sort=title',
    ],
    ['dashboard', '?tz=local&range=now-24h', { range: relative(86_400), variables: {} }, '?range=now-1d'],
    ['dashboard', '?range=now-1w', { range: relative(604_800), variables: {} }, '?range=now-7d'],
    ['drilldown', '', { variables: {} }, ''],
    [
      'drilldown',
      '?by=PaymentProvider&compare=1w&range=now-1h&var-env=prod',
      { range: relative(3600), compare: '1w', by: 'PaymentProvider', variables: { env: 'prod' } },
      '?range=now-1h&var-env=prod&compare=1w&by=PaymentProvider',
    ],
    [
      'drilldown',
      '?tz=utc&range=2026-11-20T06:00:00.000Z/2026-11-21T06:00:00Z',
      { range: absolute('2026-11-20T06:00Z', '2026-11-21T06:00Z'), tz: 'utc', variables: {} },
      '?range=2026-11-20T06:00:00Z/2026-11-21T06:00:00Z&tz=utc',
    ],
    ['wall', '', { ...WALL_DEFAULTS, variables: {} }, ''],
    [
      'wall',
      '?boards=checkout,platform&rotate=60s&sort=status&theme=light&tz=utc&tiles=6&range=now-1h&var-env=staging&q=pay',
      {
        boards: ['checkout', 'platform'],
        rotateSeconds: 60,
        sort: 'status',
        theme: 'light',
        tz: 'utc',
        tilesPerPage: 6,
        range: relative(3600),
        q: 'pay',
        variables: { env: 'staging' },
      },
      '?boards=checkout,platform&rotate=60s&tiles=6&theme=light&range=now-1h&tz=utc&var-env=staging&q=pay&sort=status',
    ],
    [
      'wall',
      '?rotate=2m&theme=LIGHT&rotate=5m',
      { ...WALL_DEFAULTS, rotateSeconds: 120, theme: 'light', variables: {} },
      '?rotate=120s&theme=light',
    ],
    ['wall', '?rotate=30s&theme=dark&tz=local', { ...WALL_DEFAULTS, variables: {} }, ''],
  ])('%s %s', (route, query, state, canonical) => {
    const view = decode(route, query);
    expect(view).toEqual({ ...state, ignored: [] });
    expect(encodeText(route, view)).toBe(canonical);
    const again = decode(route, canonical);
    expect(again.ignored).toEqual([]);
    expect(viewEquals(route, again as never, view as never)).toBe(true);
    expect(encodeText(route, again)).toBe(canonical);
  });

  test('the id in /wall/<id> is the board, and the address is written with it', () => {
    const wall = decode('wall', '?var-env=prod', 'checkout');
    expect(wall).toEqual({ ...WALL_DEFAULTS, boards: ['checkout'], variables: { env: 'prod' }, ignored: [] });
    expect(encodeText('wall', wall)).toBe('?boards=checkout&var-env=prod');
  });
});

describe('equality is what the addresses say', () => {
  test.each<[ViewRoute, string, string, boolean]>([
    ['dashboard', '?var-a=1&var-b=2&tz=local', '?var-b=2&var-a=1', true],
    ['dashboard', '?range=now-1h', '?range=now-2h', false],
    ['dashboard', '?range=now-24h', '?range=now-1d', true],
    ['dashboard', '?range=now-1h', '?range=now-1h&q=pay', false],
    [
      'dashboard',
      '?range=2026-11-20T06:00:00.000Z/2026-11-20T12:00:00Z',
      '?range=2026-11-20T06:00Z/2026-11-20T12:00Z',
      true,
    ],
    ['dashboard', '?range=now-1h', '?range=2026-11-20T06:00Z/2026-11-20T07:00Z', false],
    ['drilldown', '?compare=1d', '', false],
    ['drilldown', '?by=AvailabilityZone', '?by=AvailabilityZone&fault=5xx', true],
    ['wall', '?rotate=60s', '?rotate=1m', true],
    ['wall', '?rotate=60s', '?rotate=61', false],
    ['wall', '?theme=dark&rotate=30s', '', true],
    ['wall', '?boards=a,b', '?boards=b,a', false],
  ])('%s: %s and %s → %s', (route, a, b, equal) => {
    expect(viewEquals(route, decode(route, a) as never, decode(route, b) as never)).toBe(equal);
  });
});

describe('hostile and malformed addresses: dropped or clamped, and said', () => {
  const long = 'x'.repeat(60);
  test.each<[string, string, object, string[]]>([
    ['a word for a range', '?range=yesterday', {}, [NOT_A_RANGE('yesterday')]],
    ['script in a range', '?range=now-6h;alert(1)', {}, [NOT_A_RANGE('now-6h;alert(1)')]],
    [
      'markup in a range',
      '?range=<img src=x onerror=alert(1)>',
      {},
      [NOT_A_RANGE('<img src=x onerror=alert(1)>')],
    ],
    ['a range under a minute', '?range=now-30s', {}, ["range 'now-30s' is shorter than a minute"]],
    [
      'a range that ends before it starts',
      '?range=2024-05-02T00:00Z/2024-05-01T00:00Z',
      {},
      [NOT_A_RANGE('2024-05-02T00:00Z/2024-05-01T00:00Z')],
    ],
    [
      'a range longer than CloudWatch keeps',
      '?range=now-900d',
      { range: relative(455 * 86_400) },
      ["range 'now-900d' is longer than the 455 days CloudWatch keeps; showing now-455d"],
    ],
    [
      'a fixed range longer than CloudWatch keeps',
      '?range=2020-01-01T00:00:00Z/2022-01-01T00:00:00Z',
      { range: absolute('2020-10-03T00:00:00Z', '2022-01-01T00:00:00Z') },
      [
        "range '2020-01-01T00:00:00Z/2022-01-01T00:00:00…' is longer than the 455 days CloudWatch keeps; showing 2020-10-03T00:00:00Z/2022-01-01T00:00:00Z",
      ],
    ],
    [
      'a very long range',
      `?range=${'now-1h '.repeat(20_000)}`,
      {},
      ['a parameter of 140,005 characters was dropped; at most 2,048 are read'],
    ],
    [
      'a long run of digits',
      `?range=now-${'9'.repeat(100_000)}h`,
      {},
      ['a parameter of 100,010 characters was dropped; at most 2,048 are read'],
    ],
    ['a long run of digits under the length limit', `?range=now-${'9'.repeat(2_000)}h`, {}, [SECRET]],
    [
      'a range just under the length limit',
      `?range=${'now-1h '.repeat(290)}`,
      {},
      [NOT_A_RANGE(`${'now-1h '.repeat(5)}now-1…`)],
    ],
    [
      'hundreds of parameters',
      `?${Array.from({ length: 300 }, (_, i) => `p${i}=1`).join('&')}`,
      {},
      [
        ...Array.from({ length: 11 }, (_, i) => `unknown parameter 'p${i}'`),
        'and 54 more problems with the address',
      ],
    ],
    ['a zone that is not one', '?tz=mars', {}, ["tz 'mars' is not one of local, utc"]],
    ['tracking', '?utm_source=x', {}, ["unknown parameter 'utm_source'"]],
    ['a variable without a name', '?var-=x', {}, ["unknown parameter 'var-'"]],
    ['a variable with a bad name', '?var-a.b=x', {}, ["unknown parameter 'var-a.b'"]],
    [
      'a long variable value',
      `?var-env=${'p-'.repeat(150)}`,
      {},
      ['var-env must be 1 to 255 characters long'],
    ],
    ['a long name', `?${long}=1`, {}, [`unknown parameter '${'x'.repeat(40)}…'`]],
    [
      'a prototype key',
      '?__proto__=1&constructor=2',
      {},
      ["unknown parameter '__proto__'", "unknown parameter 'constructor'"],
    ],
    ['an access key id', '?var-env=AKIAIOSFODNN7EXAMPLE', {}, [SECRET]],
    ['a secret key', '?aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', {}, [SECRET]],
    ['a session token', '?X-Amz-Security-Token=FwoGZXIvYXdzEJr//////////wEaDAbc', {}, [SECRET]],
    ['a JWT in a range', '?range=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc', {}, [SECRET]],
    ['the demo fault switch', '?fault=network', {}, []],
  ])('on every route: %s', (_, query, expected, notices) => {
    for (const route of ROUTES) {
      const view = decode(route, query);
      expect(view).toMatchObject(expected);
      if (!('range' in expected)) expect(view).not.toHaveProperty('range');
      expect(view.variables).toEqual({});
      expect(view.ignored).toEqual(notices);
      for (const notice of view.ignored) {
        expect(notice.length).toBeLessThan(200);
        expect(notice).not.toContain('AKIA');
        expect(notice).not.toContain('wJalr');
      }
    }
  });

  test.each<[ViewRoute, string, object, string[]]>([
    ['dashboard', '?compare=1d', {}, ["unknown parameter 'compare'"]],
    ['dashboard', '?boards=checkout', {}, ["unknown parameter 'boards'"]],
    ['dashboard', '?sort=random', {}, ["sort 'random' is not one of status, title"]],
    [
      'dashboard',
      `?q=${'pay '.repeat(40)}`,
      { q: 'pay '.repeat(25).trimEnd() },
      ['q was cut to 100 characters'],
    ],
    ['dashboard', `?q=${'a'.repeat(150)}`, {}, [SECRET]],
    ['dashboard', '?q=%00%01', {}, ['q is empty']],
    ['drilldown', '?q=pay&sort=title', {}, ["unknown parameter 'q'", "unknown parameter 'sort'"]],
    ['drilldown', '?compare=2d', {}, ["compare '2d' is not one of 1d, 1w"]],
    [
      'drilldown',
      '?by=Payment Provider"',
      {},
      [`by 'Payment Provider"' is not a CloudWatch dimension name such as AvailabilityZone`],
    ],
    ['wall', '?by=AvailabilityZone', {}, ["unknown parameter 'by'"]],
    ['wall', '?boards=AKIAIOSFODNN7EXAMPLE', { boards: [] }, [SECRET]],
    [
      'wall',
      '?rotate=soon',
      { rotateSeconds: 30 },
      ["rotate 'soon' is not a duration such as 60s or 2m; rotating every 30 s"],
    ],
    [
      'wall',
      '?tiles=500',
      { tilesPerPage: 48 },
      ["tiles '500' is more than 48; showing at most 48 per page"],
    ],
  ])('%s %s', (route, query, expected, notices) => {
    const view = decode(route, query);
    expect(view).toMatchObject(expected);
    expect(view.ignored).toEqual(notices);
  });

  test('a long parameter is read in linear time on every route', () => {
    const huge = `now-${'1'.repeat(200_000)}`;
    const started = performance.now();
    for (const route of ROUTES) {
      expect(
        decode(route, `?range=${huge}&q=${huge}&var-env=${huge}&by=${huge}`).ignored.length,
      ).toBeGreaterThan(0);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test('a variable called __proto__ is kept as data, for the dashboard to reject by name', () => {
    const view = decode('dashboard', '?var-__proto__=x');
    expect(Object.getPrototypeOf(view.variables)).toBe(Object.prototype);
    expect(Object.entries(view.variables)).toEqual([['__proto__', 'x']]);
  });

  test('keeps the first of repeated parameters', () => {
    expect(decode('dashboard', '?range=now-1h&range=now-2h').range).toEqual(relative(3600));
  });
});

describe('carrying a view to another route', () => {
  test('a dashboard link to a drill-down keeps range, zone and variables, not the filter and order', () => {
    const desk = decode('dashboard', '?range=now-3h&tz=utc&var-env=staging&q=pay&sort=status');
    expect(stringifyFlatSearch(encodeView('drilldown', desk))).toBe('?range=now-3h&tz=utc&var-env=staging');
  });

  test('the way back keeps range, zone and variables, not the comparison and breakdown', () => {
    const drill = decode('drilldown', '?range=now-3h&var-env=staging&compare=1d&by=AvailabilityZone');
    expect(stringifyFlatSearch(encodeView('dashboard', drill))).toBe('?range=now-3h&var-env=staging');
  });
});

describe('onlyFilterChanged', () => {
  test.each<[DashboardState, DashboardState, boolean]>([
    [{ variables: {}, q: 'pay' }, { variables: {}, q: 'paym' }, true],
    [{ variables: {} }, { variables: {}, q: 'p' }, true],
    [{ variables: {}, q: 'pay' }, { variables: {}, q: 'pay' }, false],
    [{ variables: {}, q: 'pay' }, { variables: {}, q: 'payment', range: relative(3600) }, false],
  ])('%j → %j: %s', (a, b, expected) => {
    expect(onlyFilterChanged(a, b)).toBe(expected);
  });
});

const KNOWN = [
  'range',
  'tz',
  'compare',
  'by',
  'q',
  'sort',
  'boards',
  'rotate',
  'tiles',
  'theme',
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
    'checkout',
    ',',
    '60s',
    'light',
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

describe.each(ROUTES)('fuzzed query strings on the %s route', (route) => {
  const defaults = encodeView(route, decodeView(route, {}) as never);

  test('never throws, and every parameter is used, reported or belongs to the app', () => {
    fc.assert(
      fc.property(rawQuery, (text) => {
        const search = parseFlatSearch(text);
        const view = decodeView(route, search);
        const encoded = encodeView(route, view as never);
        for (const k of Object.keys(search)) {
          const atDefault = decodeView(route, { [k]: search[k] ?? '' }).ignored.length === 0;
          const used = Object.hasOwn(encoded, k) || k === 'fault' || atDefault;
          if (!used) expect(view.ignored.length).toBeGreaterThan(0);
        }
        expect(view.ignored.every((n) => n.length < 200)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('decoding what was encoded gives the same view with nothing ignored', () => {
    fc.assert(
      fc.property(rawQuery, (text) => {
        const view = decodeView(route, parseFlatSearch(text));
        const again = decodeView(
          route,
          parseFlatSearch(stringifyFlatSearch(encodeView(route, view as never))),
        );
        expect(again.ignored).toEqual([]);
        expect(viewEquals(route, again as never, view as never)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('only parameters the route reads are ever written back', () => {
    const names = viewParamNames(route).map((n) => (n === 'var-*' ? 'var-[a-zA-Z_]\\w*' : n));
    const allowed = new RegExp(`^(${names.join('|')})$`);
    expect(defaults).toEqual({});
    fc.assert(
      fc.property(rawQuery, (text) => {
        const encoded = encodeView(route, decodeView(route, parseFlatSearch(text)) as never);
        for (const k of Object.keys(encoded)) expect(k).toMatch(allowed);
      }),
      { numRuns: 300 },
    );
  });
});
