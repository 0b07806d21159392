import { describe, expect, test } from 'vitest';
import { parseDashboard } from '../kpi/parse-dashboard';
import type { LoadedDashboard } from '../kpi/parse-result';
import type { Kpi } from '../kpi/schema';
import { evaluateKpi, type KpiEvaluation } from '../risk';
import type { Point } from '../series';
import type { BoardMessage, BoardSeries } from './board-types';
import { type BoardInput, buildBoard } from './build-board';
import { rangeEnds } from './change';
import { assessFreshness } from './freshness';
import { type KpiFetched, messageNote } from './kpi-tile-view';

const MINUTE = 60_000;
/** 30 s into a minute: the minute that started at NOW − 30 s is still filling. */
const NOW = Date.UTC(2026, 11, 1, 18, 0, 30);
const WINDOW = { start: NOW - 60 * MINUTE, end: NOW };

const YAML = `
id: shop
title: Shop
region: eu-west-1
variables:
  env:
    label: Environment
    values: [prod, staging]
outcomes:
  - title: Customers can buy
    kpis: [orders, invoices, broken]
kpis:
  - id: orders
    title: Orders per minute
    category: health
    unit: count
    direction: higher-is-better
    threshold: { atRisk: 20, breached: 10 }
    query:
      metric: { namespace: Shop, name: Orders, dimensions: { Environment: '\${env}' }, stat: Sum, period: 60 }
  - id: invoices
    title: Invoices exported
    category: health
    unit: per-minute
    direction: higher-is-better
    threshold: { breached: 1 }
    query:
      metric: { namespace: Shop, name: Invoices, stat: Sum, period: 60 }
  - id: broken
    title: Refund rate
    category: health
    unit: percent
    direction: lower-is-better
    query:
      metric: { namespace: Shop, name: Refunds, stat: NotAStatistic, period: 60 }
`;

function loadShop(): LoadedDashboard {
  const parsed = parseDashboard('shop.yaml', YAML);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.dashboard;
}

const shop = loadShop();
const kpi = (id: string): Kpi => {
  const entry = shop.kpis.find((e) => e.ok && e.kpi.id === id);
  if (!entry?.ok) throw new Error(id);
  return entry.kpi;
};

/** One point a minute, the last one starting `lastAgoMs` before NOW. */
function minutes(values: number[], lastAgoMs = 30_000): Point[] {
  const last = NOW - lastAgoMs;
  return values.map((v, i) => ({ t: last - (values.length - 1 - i) * MINUTE, v }));
}

function evaluate(id: string, points: Point[]): KpiEvaluation {
  return evaluateKpi({ kpi: kpi(id), series: points, period: 60, now: NOW, format: String });
}

function fetched(points: Point[], messages: BoardMessage[] = [], partial = false): KpiFetched {
  const view: BoardSeries = { series: [{ points }], period: 60, complete: !partial, messages };
  return { view, messages, partial };
}

const live = assessFreshness({ now: NOW, refreshMs: MINUTE, lastSuccessAt: NOW - 10_000 });
const steady = Array.from({ length: 60 }, () => 40);

function board(overrides: Partial<BoardInput> & { series?: Record<string, Point[]> } = {}) {
  const series = overrides.series ?? { orders: minutes([...steady, 12]), invoices: minutes(steady) };
  const evaluations = Object.fromEntries(Object.entries(series).map(([id, p]) => [id, evaluate(id, p)]));
  return buildBoard({
    dashboard: shop,
    variables: { env: 'prod' },
    window: WINDOW,
    rangeWords: 'the last hour',
    fetched: Object.fromEntries(Object.entries(series).map(([id, p]) => [id, fetched(p)])),
    evaluations,
    freshness: live,
    now: NOW,
    formatClock: (ms) => new Date(ms).toISOString().slice(11, 16),
    ...overrides,
  });
}

const tile = (view: ReturnType<typeof board>, id: string) => {
  const found = view.tiles.find((t) => t.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('the board model', () => {
  test('a partial newest period is never the headline: the complete one is, and the reason agrees', () => {
    // 40 a minute, and the minute in progress has 12 so far.
    const orders = tile(board(), 'orders');
    expect(orders.valueText).toBe('40');
    expect(orders.valueAt).toBe(NOW - 90_000);
    expect(orders.soFar).toBe('so far 12 (period in progress)');
    expect(orders.status).toBe('ok');
    expect(orders.points.at(-1)?.t).toBe(NOW - 90_000);
    expect(orders.change).toEqual({ text: '0\u00a0% over the last hour', tone: 'neutral' });
  });

  test('a breach names the same latest value as the headline', () => {
    const low = [...steady.slice(0, 55), 8, 8, 8, 8, 8, 30];
    const orders = tile(board({ series: { orders: minutes(low), invoices: minutes(steady) } }), 'orders');
    expect(orders.valueText).toBe('8');
    expect(orders.status).toBe('breached');
    expect(orders.reason).toContain('(latest 8)');
  });

  test('a series whose newest point is old says when it is from, drawn faintly, never as healthy', () => {
    // The exporter stopped 40 minutes ago.
    const invoices = minutes(steady.slice(0, 20), 40 * MINUTE + 30_000);
    const view = board({ series: { orders: minutes(steady), invoices } });
    const stale = tile(view, 'invoices');
    expect(stale.age).toBe('as of 17:21, 40 min ago');
    expect(stale.dimmed).toBe(true);
    expect(stale.status).toBe('no-data');
    expect(stale.change).toBeUndefined();
    expect(stale.shortReason).toMatch(/^No data for 40 min/);
  });

  test('data older than the rules look back still shows, with its age, from the view series', () => {
    // The rules judge the last 30 minutes; the exporter stopped two hours ago.
    const invoices = minutes(steady.slice(0, 10), 120 * MINUTE + 30_000);
    const view = board({ series: { orders: minutes(steady), invoices } });
    const old = tile(view, 'invoices');
    expect(old.valueText).toBe('40/min');
    expect(old.age).toBe('as of 16:01, 2 h ago');
    expect(old.dimmed).toBe(true);
    expect(old.status).toBe('no-data');
  });

  test('gaps at both ends stay gaps: the axis is the selected window, not the data', () => {
    const middle = minutes(steady.slice(0, 20), 20 * MINUTE + 30_000);
    const orders = tile(board({ series: { orders: middle, invoices: minutes(steady) } }), 'orders');
    expect(orders.window).toEqual(WINDOW);
    expect(orders.points[0]?.t).toBeGreaterThan(WINDOW.start + 15 * MINUTE);
    expect(orders.points.at(-1)?.t).toBeLessThan(WINDOW.end - 15 * MINUTE);
  });

  test('the change compares typical levels, so one noisy point at the start does not flip its sign', () => {
    const rising = [500, ...Array.from({ length: 59 }, (_, i) => 100 + i)];
    const orders = tile(
      board({ series: { orders: minutes([...rising, 5]), invoices: minutes(steady) } }),
      'orders',
    );
    expect(orders.change?.text).toMatch(/^\+/);
    expect(orders.change?.tone).toBe('good');
    expect(orders.change?.text).toContain('over the last hour');
  });

  test.each([
    [[1, 2, 3, 4, 5], undefined],
    [[9, 1, 1, 2, 2, 2], { from: 1, to: 2 }],
    [
      [100, 1, 1, 1, 1, 1, 1, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
      { from: 1, to: 5 },
    ],
  ])('range ends of %j are %j', (values, expected) => {
    expect(rangeEnds(values.map((v, i) => ({ t: i, v })))).toEqual(expected);
  });

  test('CloudWatch messages on a Complete result become a note with the remedy', () => {
    const message = {
      code: 'ArithmeticError',
      text: 'data-points have been dropped',
      remedy: 'Use IF to avoid dividing by zero',
    };
    const view = board({
      fetched: { orders: fetched(minutes(steady), [message]), invoices: fetched(minutes(steady)) },
    });
    expect(tile(view, 'orders').notes).toEqual([
      'CloudWatch ArithmeticError: data-points have been dropped — Use IF to avoid dividing by zero',
    ]);
    expect(tile(view, 'orders').status).toBe('ok');
    expect(tile(view, 'invoices').notes).toEqual([]);
  });

  test.each([
    [
      { code: 'MaxMetricsExceeded', text: 'Maximum number of allowed metrics exceeded' },
      'CloudWatch MaxMetricsExceeded: Maximum number of allowed metrics exceeded',
    ],
    [{ code: '', text: 'Something odd' }, 'CloudWatch: Something odd'],
    [{ code: 'Forbidden', text: ' ' }, 'CloudWatch Forbidden: Forbidden'],
  ])('message %j reads %s', (message, note) => {
    expect(messageNote(message)).toBe(note);
  });

  test('partial data is said on the tile and in the board health', () => {
    const view = board({
      fetched: { orders: fetched(minutes(steady), [], true), invoices: fetched(minutes(steady)) },
    });
    expect(tile(view, 'orders').notes[0]).toMatch(/^Partial data/);
    expect(view.health.problems).toEqual([expect.stringMatching(/1 KPI has only part of the range/)]);
  });

  test('a partial answer claims no change over the range: half a range is not the range', () => {
    const falling = [...steady.slice(0, 30), ...Array.from({ length: 30 }, () => 22)];
    const whole = board({ series: { orders: minutes(falling), invoices: minutes(steady) } });
    expect(tile(whole, 'orders').change?.text).toMatch(/over the last hour$/);
    const partial = board({
      series: { orders: minutes(falling), invoices: minutes(steady) },
      fetched: { orders: fetched(minutes(falling), [], true), invoices: fetched(minutes(steady)) },
    });
    expect(tile(partial, 'orders').change).toBeUndefined();
    expect(tile(partial, 'orders').notes).toContain(
      'Partial data: CloudWatch returned only part of the range (PartialData)',
    );
  });

  test('a sparkline is summarised in words: first and last value, low and high', () => {
    const orders = tile(board({ series: { orders: minutes([40, 12, 55, 30, 31]) } }), 'orders');
    // The minute in progress (31) is not drawn, so it is not in the summary either.
    expect(orders.sparklineLabel).toBe(
      'Orders per minute over the last hour: from 40 to 30, low 12, high 55',
    );
    const empty = tile(board({ series: { orders: [] } }), 'orders');
    expect(empty.sparklineLabel).toBe('Orders per minute over the last hour: no data');
  });

  test('a screen showing some KPIs gets the others with title and verdict only', () => {
    const low = [...steady.slice(0, 55), 8, 8, 8, 8, 8, 30];
    const view = board({
      series: { orders: minutes(low), invoices: minutes(steady) },
      shown: new Set(['invoices']),
    });
    const orders = tile(view, 'orders');
    expect(orders).toMatchObject({ title: 'Orders per minute', status: 'breached', points: [], notes: [] });
    expect(orders.change).toBeUndefined();
    expect(tile(view, 'invoices').points.length).toBeGreaterThan(0);
    // The roll-up still sees the verdict of the KPI off screen.
    expect(view.outcomes[0]?.status).toBe('breached');
    expect(view.outcomes[0]?.responsible).toEqual(['orders']);
  });

  test('a failed DescribeAlarms is said on the tiles that have alarms and in the board health', () => {
    const withAlarms = parseDashboard(
      'shop.yaml',
      YAML.replace(
        '    threshold: { atRisk: 20, breached: 10 }',
        `    threshold: { atRisk: 20, breached: 10 }\n    alarms: ['orders-\${env}-low']`,
      ),
    );
    if (!withAlarms.ok) throw new Error('did not parse');
    const view = board({
      dashboard: withAlarms.dashboard,
      alarmsError: 'AccessDenied: not allowed to DescribeAlarms',
    });
    expect(tile(view, 'orders').notes).toContain(
      'Alarms not read: AccessDenied: not allowed to DescribeAlarms',
    );
    expect(tile(view, 'invoices').notes).toEqual([]);
    expect(view.health.problems).toContain(
      'CloudWatch alarms could not be read: AccessDenied: not allowed to DescribeAlarms',
    );
  });

  test('a KPI that cannot be loaded makes its outcome Error with one plain sentence', () => {
    const view = board();
    const outcome = view.outcomes[0];
    expect(outcome?.status).toBe('error');
    expect(outcome?.responsible).toEqual(['broken']);
    expect(outcome?.reason).toMatch(
      /^Refund rate cannot be loaded: shop\.yaml line \d+, kpis\[2\]\.query\.metric\.stat: /,
    );
    const broken = tile(view, 'broken');
    expect(broken.status).toBe('error');
    expect(broken.errors).toHaveLength(1);
  });

  test('variables away from their defaults are named; defaults are not', () => {
    expect(board().variables).toEqual([]);
    expect(board({ variables: { env: 'staging' } }).variables).toEqual([
      { name: 'env', label: 'Environment', value: 'staging' },
    ]);
  });

  test('a board whose refreshes stopped shows every tile and outcome with its age, not a fresh verdict', () => {
    const stale = assessFreshness({ now: NOW, refreshMs: MINUTE, lastSuccessAt: NOW - 5 * MINUTE });
    const view = board({ freshness: stale });
    expect(view.tiles.filter((t) => !t.errors).every((t) => t.staleAge === '5 min' && t.dimmed)).toBe(true);
    expect(view.outcomes.every((o) => o.staleAge === '5 min')).toBe(true);
  });

  test('before the first answer everything is pending; when the first refreshes fail, no data and why', () => {
    const waiting = buildBoard({
      dashboard: shop,
      variables: {},
      rangeWords: 'the last hour',
      evaluations: {},
      freshness: assessFreshness({ now: NOW, refreshMs: MINUTE }),
      now: NOW,
      formatClock: String,
    });
    expect(waiting.outcomes[0]?.status).toBe('pending');
    expect(tile(waiting, 'orders').status).toBe('pending');
    const failing = buildBoard({
      dashboard: shop,
      variables: {},
      rangeWords: 'the last hour',
      evaluations: {},
      freshness: assessFreshness({ now: NOW, refreshMs: MINUTE, failure: { message: 'Network down' } }),
      now: NOW,
      formatClock: String,
    });
    expect(tile(failing, 'orders').status).toBe('no-data');
    expect(tile(failing, 'orders').reason).toMatch(/^No data yet/);
    expect(failing.outcomes[0]?.status).toBe('no-data');
  });

  test('tiles follow the outcomes of the file, then the KPIs in no outcome', () => {
    expect(board().tiles.map((t) => t.id)).toEqual(['orders', 'invoices', 'broken']);
    expect(board().ungrouped).toEqual([]);
  });
});
