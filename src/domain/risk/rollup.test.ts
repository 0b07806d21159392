import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { KpiEvaluation } from './evaluation-types';
import type { RiskReason } from './reasons';
import { rollUpOutcome } from './rollup';
import { compareSeverity, RISK_STATUSES, type RiskStatus } from './status';
import { NOW } from './test-fixtures';

function evaluation(
  title: string,
  status: RiskStatus,
  message?: string,
  informational = false,
): KpiEvaluation {
  const reasons: RiskReason[] =
    status === 'ok'
      ? []
      : [
          {
            rule: 'not-evaluated',
            status,
            message: message ?? `${title}: something`,
            evaluatedAt: NOW,
          } as RiskReason,
        ];
  return { title, informational, status, reasons, evaluatedAt: NOW, period: 60, memory: {} };
}

const payments = evaluation(
  'Payment success rate',
  'breached',
  'Payment success rate: error budget burning 14.4× over the last hour (15× over the last 5 minutes) — a 30-day budget gone in about 2 days',
);
const orders = evaluation(
  'Orders per minute',
  'at-risk',
  'At this trend, Orders per minute falls below 20 in about 1 h 40 min (confidence: high)',
);
const latency = evaluation('p99 latency', 'ok');
const visitors = evaluation('Visitors', 'error', 'Could not load Visitors: AccessDenied', true);

describe('rollUpOutcome', () => {
  test('takes the most severe KPI and names it in the reason', () => {
    const result = rollUpOutcome(
      { title: 'Checkout', kpis: ['orders', 'payments', 'latency'] },
      { orders, payments, latency },
    );
    expect(result.status).toBe('breached');
    expect(result.responsible).toEqual(['payments']);
    expect(result.reasons.map((r) => r.message)).toEqual([
      'Payment success rate breached: error budget burning 14.4× over the last hour (15× over the last 5 minutes) — a 30-day budget gone in about 2 days',
      'Orders per minute at risk: At this trend, Orders per minute falls below 20 in about 1 h 40 min (confidence: high)',
    ]);
  });

  const cases: Array<{
    name: string;
    members: Record<string, KpiEvaluation>;
    status: RiskStatus;
    reasons: number;
  }> = [
    { name: 'one ok KPI', members: { latency }, status: 'ok', reasons: 0 },
    { name: 'ok and at-risk', members: { latency, orders }, status: 'at-risk', reasons: 1 },
    { name: 'ok and an informational error', members: { latency, visitors }, status: 'ok', reasons: 0 },
    { name: 'only an informational error', members: { visitors }, status: 'error', reasons: 1 },
    {
      name: 'only an informational breach',
      members: { informationalBreach: { ...payments, informational: true } },
      status: 'ok',
      reasons: 0,
    },
    {
      name: 'ok and stale',
      members: { latency, staleOrders: evaluation('Orders', 'no-data', 'Orders: no data for 25 min') },
      status: 'no-data',
      reasons: 1,
    },
  ];
  test.each(cases)('$name → $status', ({ members, status, reasons }) => {
    const result = rollUpOutcome({ title: 'Outcome', kpis: Object.keys(members) }, members);
    expect(result.status).toBe(status);
    expect(result.reasons).toHaveLength(reasons);
  });

  test('informational KPIs are left out when judged KPIs exist, but an informational-only outcome shows errors', () => {
    const mixed = rollUpOutcome({ title: 'Traffic', kpis: ['visitors', 'latency'] }, { visitors, latency });
    expect(mixed).toMatchObject({ status: 'ok', informationalOnly: false });
    const onlyInfo = rollUpOutcome({ title: 'Traffic', kpis: ['visitors'] }, { visitors });
    expect(onlyInfo).toMatchObject({ status: 'error', informationalOnly: true, responsible: ['visitors'] });
    expect(onlyInfo.reasons[0]?.message).toBe('Could not load Visitors: AccessDenied');
  });

  test('a KPI without an evaluation is unknown, never ok', () => {
    const result = rollUpOutcome(
      { title: 'Checkout', kpis: ['latency', 'refunds'] },
      new Map([['latency', latency]]),
    );
    expect(result.status).toBe('unknown');
    expect(result.reasons[0]).toMatchObject({
      kpiId: 'refunds',
      message: "refunds is not judged: no evaluation for KPI 'refunds'",
    });
  });

  test('strips the KPI title the reason already starts with', () => {
    const stale = evaluation('Orders', 'no-data', 'Orders: no data for 25 min (expected every 1 min)');
    const result = rollUpOutcome({ title: 'Checkout', kpis: ['o'] }, { o: stale });
    expect(result.reasons[0]?.message).toBe('Orders has no data: no data for 25 min (expected every 1 min)');
  });

  test('ties keep the outcome order and all tied KPIs are responsible', () => {
    const a = evaluation('A', 'at-risk', 'A drifting');
    const b = evaluation('B', 'at-risk', 'B drifting');
    const result = rollUpOutcome({ title: 'X', kpis: ['b', 'a'] }, { a, b });
    expect(result.responsible).toEqual(['b', 'a']);
    expect(result.reasons.map((r) => r.kpiId)).toEqual(['b', 'a']);
  });

  test('a roll-up is never less severe than its worst non-informational member', () => {
    const member = fc.record({
      status: fc.constantFrom<RiskStatus>(...RISK_STATUSES),
      informational: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 8 }), (members) => {
        const evaluations = Object.fromEntries(
          members.map((m, i) => [`k${i}`, evaluation(`K${i}`, m.status, undefined, m.informational)]),
        );
        const result = rollUpOutcome({ title: 'O', kpis: Object.keys(evaluations) }, evaluations);
        for (const m of members.filter((x) => !x.informational)) {
          expect(compareSeverity(result.status, m.status)).toBeGreaterThanOrEqual(0);
        }
        expect(result.reasons.length === 0).toBe(result.status === 'ok');
        if (result.status !== 'ok') expect(result.reasons[0]?.status).toBe(result.status);
      }),
    );
  });
});
