import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { SeriesResult } from '../../../data/metrics-source';
import { parseDashboard } from '../../../domain/kpi/parse-dashboard';
import type { LoadedDashboard } from '../../../domain/kpi/parse-result';
import {
  type KpiEvaluation,
  type OutcomeEvaluation,
  type RiskStatus,
  rollUpOutcome,
} from '../../../domain/risk';
import { EMPTY_BREACH_MEMORY, noteBreaches } from './breach-memory';
import { assessFreshness } from './freshness';
import { buildWallOutcomes } from './wall-outcomes';
import { boardOrder, buildWallTiles, type WallTilesInput, withoutTitle } from './wall-tiles';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

function loadBoard(file: string, edit: (text: string) => string = (t) => t): LoadedDashboard {
  const text = readFileSync(join(import.meta.dirname, '../../../../public/dashboards', file), 'utf8');
  const parsed = parseDashboard(file, edit(text));
  if (!parsed.ok) throw new Error(`${file} did not parse`);
  return parsed.dashboard;
}

function evaluation(title: string, status: RiskStatus, latest = 42): KpiEvaluation {
  return {
    title,
    informational: false,
    status,
    reasons:
      status === 'ok'
        ? []
        : [{ rule: 'not-evaluated', status, message: `${title} is ${status}`, evaluatedAt: NOW } as never],
    evaluatedAt: NOW,
    latest: { value: latest, at: NOW - 60_000 },
    memory: {},
  };
}

function series(ref: string, values: number[]): SeriesResult {
  return {
    ref,
    series: [{ label: ref, points: values.map((v, i) => ({ t: NOW - (values.length - i) * 60_000, v })) }],
    components: {},
    period: 60,
    complete: true,
    messages: [],
  };
}

const checkout = loadBoard('checkout.yaml');
const statuses: Record<string, RiskStatus> = {
  'orders-per-minute': 'ok',
  'payment-success-rate': 'breached',
  'checkout-latency-p99': 'at-risk',
  'checkout-error-rate': 'ok',
  'cost-per-order': 'no-data',
  'checkout-requests': 'ok',
};
const evaluations = Object.fromEntries(
  checkout.kpis.flatMap((e) =>
    e.ok ? [[e.kpi.id, evaluation(e.kpi.title, statuses[e.kpi.id] ?? 'ok')]] : [],
  ),
);
const live = assessFreshness({ now: NOW, refreshMs: 60_000, lastSuccessAt: NOW - 10_000 });
const stale = assessFreshness({ now: NOW, refreshMs: 60_000, lastSuccessAt: NOW - 5 * 60_000 });
const base: WallTilesInput = {
  dashboard: checkout,
  evaluations,
  freshness: live,
  breaches: EMPTY_BREACH_MEMORY,
  now: NOW,
  rangeWords: 'last 6 h',
};

describe('wall tiles', () => {
  test('follow the outcomes of the file, then the KPIs in no outcome', () => {
    const outcomeIds = checkout.outcomes.flatMap((o) => o.kpis);
    const order = boardOrder(checkout).map((e) => (e.ok ? e.kpi.id : ''));
    expect(order.slice(0, outcomeIds.length)).toEqual(outcomeIds);
    expect(new Set(order).size).toBe(checkout.kpis.length);
  });

  test('carry the verdict, value with its unit, change and reason of each KPI', () => {
    const tiles = buildWallTiles({
      ...base,
      results: { 'payment-success-rate': series('payment-success-rate', [99.5, 98, 93.5]) },
    });
    const pay = tiles.find((t) => t.key === 'payment-success-rate');
    expect(pay).toMatchObject({
      title: 'Payment success rate',
      status: 'breached',
      reason: 'Is breached',
      change: { tone: 'bad' },
    });
    expect(pay?.valueText).toMatch(/^42\s%$/);
    expect(pay?.change?.text).toMatch(/pp over last 6 h$/);
    expect(pay?.points).toHaveLength(3);
    expect(pay?.staleAge).toBeUndefined();
  });

  test.each([
    ['Payment success rate below 97 % in 5 of the last 5 minutes', 'Below 97 % in 5 of the last 5 minutes'],
    ['CloudWatch alarm payments-failing is in ALARM', 'CloudWatch alarm payments-failing is in ALARM'],
    [
      'At this trend, Payment success rate falls below 97 %',
      'At this trend, Payment success rate falls below 97 %',
    ],
    ['Payment success rates are odd', 'Payment success rates are odd'],
  ])('a reason under its own title drops the repeated name: %s', (message, shown) => {
    expect(withoutTitle(message, 'Payment success rate')).toBe(shown);
  });

  test('before the first answer every tile is loading, with no value', () => {
    const tiles = buildWallTiles({ ...base, evaluations: {} });
    expect(tiles.every((t) => t.status === 'pending' && t.valueText === '\u2014')).toBe(true);
  });

  test('when the very first refreshes fail, tiles say no data and why, not "loading"', () => {
    const failing = assessFreshness({
      now: NOW,
      refreshMs: 60_000,
      failure: { message: 'boom', since: NOW - 30_000 },
    });
    const tiles = buildWallTiles({ ...base, evaluations: {}, freshness: failing });
    expect(tiles.every((t) => t.status === 'no-data')).toBe(true);
    expect(tiles[0]?.reason).toMatch(/^No data yet: CloudWatch has not answered/);
    expect(
      buildWallOutcomes(checkout.outcomes, undefined, failing).every((o) => o.status === 'no-data'),
    ).toBe(true);
  });

  test('stale data gives every tile its age instead of a verdict, so nothing stale looks healthy', () => {
    const tiles = buildWallTiles({ ...base, freshness: stale });
    expect(tiles.every((t) => t.staleAge === '5 min')).toBe(true);
    expect(tiles.every((t) => !t.justBreached)).toBe(true);
  });

  test('sort=status puts breached first, then at risk, no data, then the healthy in file order', () => {
    const tiles = buildWallTiles({ ...base, sort: 'status' });
    expect(tiles.map((t) => t.status)).toEqual(['breached', 'at-risk', 'no-data', 'ok', 'ok', 'ok']);
    const okKeys = tiles.filter((t) => t.status === 'ok').map((t) => t.key);
    const fileOrder = boardOrder(checkout).flatMap((e) =>
      e.ok && statuses[e.kpi.id] === 'ok' ? [e.kpi.id] : [],
    );
    expect(okKeys).toEqual(fileOrder);
  });

  test('sort=title orders by name and q filters by title', () => {
    const titles = buildWallTiles({ ...base, sort: 'title' }).map((t) => t.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
    expect(buildWallTiles({ ...base, filter: 'CHECKOUT' }).map((t) => t.title)).toEqual(
      expect.arrayContaining(['Checkout latency (p99)', 'Checkout error rate', 'Checkout requests']),
    );
    expect(buildWallTiles({ ...base, filter: 'checkout' })).toHaveLength(3);
  });

  test('a KPI that has just become breached is emphasised', () => {
    const before = noteBreaches(EMPTY_BREACH_MEMORY, { 'payment-success-rate': 'ok' }, NOW - 60_000);
    const breaches = noteBreaches(before, { 'payment-success-rate': 'breached' }, NOW - 30_000);
    const tiles = buildWallTiles({ ...base, breaches });
    expect(tiles.filter((t) => t.justBreached).map((t) => t.key)).toEqual(['payment-success-rate']);
  });

  test('a KPI that failed to load is an error tile naming file, line and field', () => {
    const broken = loadBoard('checkout.yaml', (t) => t.replace('stat: p99\n', 'stat: p99.9x\n'));
    const tile = buildWallTiles({ ...base, dashboard: broken }).find((t) => t.errors);
    expect(tile?.status).toBe('error');
    expect(tile?.errors?.[0]).toMatch(/checkout\.yaml line \d+, kpis\[\d\]\.query\.metric\.stat: 'p99\.9x'/);
  });
});

describe('wall outcomes', () => {
  const rolled: OutcomeEvaluation[] = checkout.outcomes.map((o) => rollUpOutcome(o, evaluations));

  test('show each roll-up with the reason naming the KPI', () => {
    const outcomes = buildWallOutcomes(checkout.outcomes, rolled, live);
    expect(outcomes.map((o) => o.title)).toEqual(checkout.outcomes.map((o) => o.title));
    const pay = outcomes.find((o) => o.title === 'Customers can pay');
    expect(pay?.status).toBe('breached');
    expect(pay?.reason).toMatch(/Payment success rate/);
  });

  test('are pending before data and carry their age when stale', () => {
    expect(buildWallOutcomes(checkout.outcomes, undefined, live).every((o) => o.status === 'pending')).toBe(
      true,
    );
    expect(buildWallOutcomes(checkout.outcomes, rolled, stale).every((o) => o.staleAge === '5 min')).toBe(
      true,
    );
  });

  test('sort=status puts the worst outcome first', () => {
    const statusesInOrder = buildWallOutcomes(checkout.outcomes, rolled, live, 'status').map((o) => o.status);
    expect(statusesInOrder[0]).toBe('breached');
    expect(statusesInOrder.at(-1)).toBe('ok');
  });
});
