// A board of six KPIs answered by a flat line, for tests that count which KPIs a screen judges.
import { vi } from 'vitest';
import { evaluateFetchedKpi } from '../data/kpi-evaluation';
import type { MetricsSource, SeriesRequest, SeriesResult } from '../data/metrics-source';

/** Answers every request at once with a flat line up to now. */
export const flatSource: MetricsSource = {
  async fetchSeries(requests: SeriesRequest[]) {
    const answer = (request: SeriesRequest): SeriesResult => {
      const period = (request.period ?? 60) * 1000;
      const points = [];
      for (let t = Math.ceil(request.window.start / period) * period; t < request.window.end; t += period)
        points.push({ t, v: 50 });
      return {
        ref: request.ref,
        series: [{ label: request.ref, points }],
        components: {},
        period: 60,
        complete: true,
        messages: [],
      };
    };
    return {
      results: Object.fromEntries(requests.map((r) => [r.ref, answer(r)])),
      calls: 1,
      fetchedAt: Date.now(),
    };
  },
  async describeAlarms() {
    return [];
  },
};

const kpi = (id: string): string => `
  - id: ${id}
    title: KPI ${id}
    category: health
    unit: count
    direction: higher-is-better
    threshold: { breached: 10 }
    query:
      metric: { namespace: Shop, name: ${id}, stat: Sum, period: 60 }`;

/** Six KPIs; the one outcome rolls up the last of them. */
export const SIX_KPI_BOARD = `id: platform
title: Many
region: us-east-1
outcomes:
  - title: Shop works
    kpis: [k6]
kpis:${['k1', 'k2', 'k3', 'k4', 'k5', 'k6'].map(kpi).join('')}
`;

/** The KPIs the risk engine judged so far, in a test file that wraps `evaluateFetchedKpi` in `vi.fn`. */
export function judgedKpis(): string[] {
  return [...new Set(vi.mocked(evaluateFetchedKpi).mock.calls.map(([k]) => k.id))].sort();
}
