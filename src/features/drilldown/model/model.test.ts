import { describe, expect, test } from 'vitest';
import { burnDown } from './burn-down';
import { joinColumns, toCsv } from './csv';
import { rulePoints } from './rule-points';
import { statusTimeline, timeInStatus } from './status-timeline';
import { testKpi } from './test-kpi';

const MIN = 60_000;
const pts = (values: number[], start = 0) => values.map((v, i) => ({ t: start + i * MIN, v }));

describe('rule points', () => {
  test('marks each point by the most severe rule it breaks', () => {
    const marks = rulePoints(testKpi(), pts([99.5, 98, 96, 99]));
    expect(marks.map((m) => [m.v, m.level])).toEqual([
      [98, 'at-risk'],
      [96, 'breached'],
    ]);
  });

  test('marks points outside the anomaly band', () => {
    const kpi = testKpi({ threshold: undefined, anomaly: { band: 2 } });
    const band = { lower: pts([10, 10, 10]), upper: pts([20, 20, 20]) };
    expect(rulePoints(kpi, pts([15, 25, 5]), band).map((m) => m.v)).toEqual([25, 5]);
  });
});

describe('status timeline', () => {
  test('an hour of good data, then 30 minutes below the breached level', () => {
    const values = [...Array.from({ length: 60 }, () => 99.8), ...Array.from({ length: 30 }, () => 90)];
    const points = pts(values);
    const segments = statusTimeline({
      kpi: testKpi(),
      points,
      period: 60,
      window: { start: 0, end: 90 * MIN },
      samples: 90,
    });
    expect(segments.map((s) => s.status)).toEqual(['ok', 'breached']);
    const minutes = timeInStatus(segments);
    expect(minutes.breached).toBeGreaterThan(25);
    expect(minutes.breached).toBeLessThanOrEqual(30);
    expect(segments[0]?.start).toBe(0);
    expect(segments.at(-1)?.end).toBe(90 * MIN);
  });

  test('a gap in the data shows as no data rather than ok', () => {
    const points = [...pts(Array(30).fill(99.9)), ...pts(Array(30).fill(99.9), 60 * MIN)];
    const segments = statusTimeline({
      kpi: testKpi(),
      points,
      period: 60,
      window: { start: 0, end: 90 * MIN },
      samples: 90,
    });
    expect(segments.map((s) => s.status)).toContain('no-data');
  });
});

describe('budget burn-down', () => {
  const kpi = testKpi({
    threshold: undefined,
    slo: {
      objective: 99,
      window: '4m',
      good: { namespace: 'N', name: 'Good', stat: 'Sum' },
      total: { namespace: 'N', name: 'Total', stat: 'Sum' },
    },
  });

  test('spends the budget as bad events arrive and ends at the window’s remaining budget', () => {
    const total = pts([100, 100, 100, 100]);
    const good = pts([100, 99, 100, 98]);
    const out = burnDown(kpi, { good, total, period: 60 });
    // Budget: 1 % of 400 events = 4; 1 then 2 more bad events spent.
    expect(out.map((p) => Number(p.remaining.toFixed(9)))).toEqual([1, 0.75, 0.75, 0.25]);
    expect(out[0]?.t).toBe(MIN);
  });

  test('a period SLO counts periods past its threshold', () => {
    const periods = testKpi({ threshold: undefined, slo: { objective: 50, window: '4m', threshold: 99 } });
    const out = burnDown(periods, { values: pts([99.5, 98, 99.5, 99.5]), period: 60 });
    expect(out.at(-1)?.remaining).toBe(0.5);
  });
});

describe('CSV', () => {
  test('joins columns on time, leaves gaps empty and never rounds', () => {
    const csv = toCsv([
      { header: 'Payment success rate (%)', points: pts([99.123456789, 98]) },
      { header: '=cmd|calc', points: [{ t: MIN, v: 5 }] },
    ]);
    expect(csv.split('\r\n')).toEqual([
      "time (UTC),Payment success rate (%),'=cmd|calc",
      '1970-01-01T00:00:00.000Z,99.123456789,',
      '1970-01-01T00:01:00.000Z,98,5',
      '',
    ]);
  });

  test('every point of a long series is a row', () => {
    const long = pts(Array.from({ length: 43_200 }, (_, i) => i));
    expect(joinColumns([{ header: 'v', points: long }])).toHaveLength(43_200);
  });
});
