import type { Kpi } from '../domain/kpi/schema';
import type { VariableValues } from '../domain/kpi/variables';
import {
  type AlarmMemory,
  type AnomalyBand,
  evaluateKpi,
  type KpiEvaluation,
  planSloFetch,
  type SloInputs,
  type ValueFormat,
} from '../domain/risk';
import type { Point } from '../domain/series';
import { evaluationPeriod, evaluationWindow, kpiAlarmNames, refs } from './kpi-requests';
import type { AlarmState, FetchReport, SeriesResult } from './metrics-source';

export interface EvaluationContext {
  report: FetchReport;
  /** The "now" the requests were built for. */
  now: number;
  format: ValueFormat;
  /** The view's variable values: alarm names may use them like dimensions. */
  variables?: VariableValues;
  alarms?: readonly AlarmState[];
  alarmsError?: string;
  previous?: AlarmMemory;
}

/** Splits ANOMALY_DETECTION_BAND's two series into lower and upper edges, whatever their order. */
export function toBand(result: SeriesResult | undefined): AnomalyBand | undefined {
  if (!result || result.error || result.series.length < 2) return undefined;
  const [a, b] = result.series;
  const other = new Map((b?.points ?? []).map((p) => [p.t, p.v]));
  const lower: Point[] = [];
  const upper: Point[] = [];
  for (const p of a?.points ?? []) {
    const v = other.get(p.t);
    if (v === undefined) continue;
    lower.push({ t: p.t, v: Math.min(p.v, v) });
    upper.push({ t: p.t, v: Math.max(p.v, v) });
  }
  return { lower, upper };
}

function sloInputs(kpi: Kpi, ctx: EvaluationContext): SloInputs | undefined {
  if (!kpi.slo) return undefined;
  return {
    series: planSloFetch(kpi.slo, ctx.now).map((fetch) => {
      const get = (metric: 'good' | 'total' | 'value'): SeriesResult | undefined =>
        ctx.report.results[refs.slo(kpi.id, fetch, metric)];
      const parts = fetch.metrics.map(get);
      const error = parts.find((r) => r?.error)?.error?.message;
      const points = (r: SeriesResult | undefined): Point[] => r?.series[0]?.points ?? [];
      return fetch.metrics.includes('value')
        ? { period: fetch.period, values: points(get('value')), ...(error ? { error } : {}) }
        : {
            period: fetch.period,
            good: points(get('good')),
            total: points(get('total')),
            ...(error ? { error } : {}),
          };
    }),
  };
}

/** The series the rules judge: the evaluation fetch when there is one, else the view series. */
function evaluationSeries(
  kpi: Kpi,
  report: FetchReport,
  now: number,
): { result?: SeriesResult; points: Point[] } {
  const result = report.results[refs.evaluation(kpi.id)] ?? report.results[refs.value(kpi.id)];
  const window = evaluationWindow(kpi, now);
  const points = (result?.series[0]?.points ?? []).filter((p) => p.t >= window.start && p.t < window.end);
  return { ...(result ? { result } : {}), points };
}

/** Runs the risk engine for one KPI on what one refresh fetched. */
export function evaluateFetchedKpi(kpi: Kpi, ctx: EvaluationContext): KpiEvaluation {
  const { result, points } = evaluationSeries(kpi, ctx.report, ctx.now);
  const valueError = ctx.report.results[refs.value(kpi.id)]?.error ?? result?.error;
  const band = toBand(ctx.report.results[refs.band(kpi.id)]);
  const slo = sloInputs(kpi, ctx);
  const names = kpiAlarmNames(kpi, ctx.variables ?? {});
  const alarms = names.length ? ctx.alarms?.filter((a) => names.includes(a.name)) : undefined;
  const lastKnown = ctx.report.results[refs.value(kpi.id)]?.series[0]?.points.at(-1);
  return evaluateKpi({
    kpi: names.length ? { ...kpi, alarms: names } : kpi,
    series: points,
    ...(lastKnown ? { lastKnown } : {}),
    period: evaluationPeriod(kpi),
    now: ctx.now,
    format: ctx.format,
    ...(band ? { band } : {}),
    ...(slo ? { slo } : {}),
    ...(alarms ? { alarms } : {}),
    ...(kpi.alarms?.length && ctx.alarmsError ? { alarmsError: ctx.alarmsError } : {}),
    ...(valueError ? { error: { message: valueError.message, code: valueError.code } } : {}),
    ...(ctx.previous ? { previous: ctx.previous } : {}),
  });
}
