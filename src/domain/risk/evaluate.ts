import { describeSpan } from '../time/duration';
import { evaluateAlarms } from './alarms';
import { evaluateAnomaly } from './anomaly';
import { cleanSeries, safePeriod } from './clean-series';
import type { KpiEvaluation, KpiRiskInput } from './evaluation-types';
import { evaluateForecast } from './forecast';
import { plainFormat, type RiskReason, sortReasons } from './reasons';
import { evaluateSlo } from './slo';
import { assessStaleness, staleReason } from './staleness';
import { worstStatus } from './status';
import { evaluateThreshold } from './threshold';

/**
 * Evaluates every rule of one KPI and says, in words and in fields, whether its outcome is at risk.
 * Pure and total: bad input (empty, unsorted, NaN, a failed fetch) becomes a status, never an exception.
 */
export function evaluateKpi(input: KpiRiskInput): KpiEvaluation {
  const { kpi, now } = input;
  const title = kpi.title;
  const informational = kpi.informational ?? false;
  if (!Number.isFinite(now)) {
    return {
      title,
      informational,
      status: 'error',
      reasons: [
        {
          rule: 'error',
          source: 'input',
          status: 'error',
          message: `${title} was evaluated without a valid time (now = ${String(now)}); this is a bug in the caller`,
          evaluatedAt: 0,
        },
      ],
      evaluatedAt: 0,
      period: safePeriod(input.period),
      memory: { ...input.previous },
    };
  }
  const format = input.format ?? plainFormat;
  const period = safePeriod(input.period);
  const all = cleanSeries(input.series);
  // The period still filling is never judged nor shown as the value: its sum or count is only part of one.
  const points = all.filter((p) => p.t + period * 1000 <= now);
  const last = points[points.length - 1];
  const filling = all.length > points.length ? all[all.length - 1] : undefined;
  const ctx = { title, direction: kpi.direction, format, period, now };
  const result: KpiEvaluation = {
    title,
    informational,
    status: 'ok',
    reasons: [],
    evaluatedAt: now,
    period,
    latest: last ? { value: last.v, at: last.t } : undefined,
    ...(filling ? { inProgress: { value: filling.v, at: filling.t } } : {}),
    memory: { ...input.previous },
  };
  const reasons: RiskReason[] = [];
  let hasRules = false;
  let judged = false;
  let seriesMissing = false;

  if (input.error) {
    reasons.push({
      rule: 'error',
      source: 'series',
      status: 'error',
      message: `Could not load ${title}: ${input.error.message}`,
      evaluatedAt: now,
      code: input.error.code,
    });
  } else if (!missingDataIsExpected(input)) {
    const known =
      last ?? (input.lastKnown && input.lastKnown.t + period * 1000 <= now ? input.lastKnown : undefined);
    result.staleness = assessStaleness(known, period, now, kpi.staleAfter);
    if (!last && filling) {
      seriesMissing = true;
      reasons.push(
        notEvaluated(
          `${title}: only the period in progress has data so far; waiting for it to complete`,
          now,
        ),
      );
    } else if (!last && result.staleness?.stale) {
      seriesMissing = true;
      reasons.push(staleReason(result.staleness, title, period, now));
    } else if (!last) {
      seriesMissing = true;
      reasons.push({
        rule: 'no-data',
        source: 'series',
        status: 'no-data',
        message: `${title}: no datapoints returned (expected one every ${describeSpan(period)})`,
        evaluatedAt: now,
      });
    } else if (result.staleness?.stale) {
      seriesMissing = true;
      reasons.push(staleReason(result.staleness, title, period, now));
    }
  }

  const seriesUsable = input.error === undefined;
  if (kpi.threshold) {
    hasRules = true;
    if (seriesUsable) {
      const threshold = evaluateThreshold(points, kpi.threshold, {
        ...ctx,
        previous: { atRisk: input.previous?.thresholdAtRisk, breached: input.previous?.thresholdBreached },
      });
      result.threshold = threshold.facts;
      for (const level of threshold.facts.levels) {
        if (level.state === 'ok' || level.state === 'alarm') judged = true;
        if (level.level === 'breached') result.memory.thresholdBreached = level.state;
        else result.memory.thresholdAtRisk = level.state;
      }
      reasons.push(...threshold.reasons.filter((r) => !(seriesMissing && r.status === 'no-data')));
    }
  }

  if (kpi.forecast && kpi.threshold?.breached !== undefined) {
    hasRules = true;
    if (seriesUsable) {
      const forecast = evaluateForecast(points, kpi.threshold.breached, kpi.forecast, ctx);
      result.forecast = forecast.facts;
      if (forecast.facts.enough) judged = true;
      reasons.push(...forecast.reasons);
    }
  }

  if (kpi.anomaly) {
    hasRules = true;
    if (seriesUsable && input.band === undefined) {
      reasons.push({
        rule: 'no-data',
        source: 'band',
        status: 'no-data',
        message: `${title}: no anomaly-detection band loaded to compare with`,
        evaluatedAt: now,
      });
    } else if (seriesUsable && input.band) {
      const anomaly = evaluateAnomaly(points, input.band, kpi.anomaly, {
        ...ctx,
        previous: input.previous?.anomaly,
      });
      result.anomaly = anomaly.facts;
      result.memory.anomaly = anomaly.facts.state;
      if (anomaly.facts.state === 'ok' || anomaly.facts.state === 'alarm') judged = true;
      reasons.push(...anomaly.reasons.filter((r) => !(seriesMissing && r.status === 'no-data')));
    }
  }

  if (kpi.slo) {
    hasRules = true;
    const slo = evaluateSlo(kpi.slo, input.slo, { title, direction: kpi.direction, now });
    result.slo = slo.facts;
    if (slo.judged) judged = true;
    reasons.push(...slo.reasons);
  }

  if (kpi.alarms && kpi.alarms.length > 0) {
    hasRules = true;
    if (input.alarmsError !== undefined) {
      reasons.push({
        rule: 'error',
        source: 'alarms',
        status: 'error',
        message: `Could not load the CloudWatch alarms of ${title}: ${input.alarmsError}`,
        evaluatedAt: now,
      });
    } else {
      const alarms = evaluateAlarms(kpi.alarms, input.alarms, title, now);
      result.alarms = alarms.facts;
      if (alarms.facts.some((a) => a.state === 'OK' || a.state === 'ALARM')) judged = true;
      reasons.push(...alarms.reasons);
    }
  }

  if (!hasRules) {
    reasons.push(
      notEvaluated(`${title} has no threshold, SLO, forecast, anomaly band or alarm to judge it`, now),
    );
  } else if (!judged && reasons.length === 0) {
    reasons.push(notEvaluated(`Not enough data yet to judge ${title}`, now));
  }

  result.reasons = sortReasons(reasons);
  result.status = worstStatus(result.reasons.map((r) => r.status));
  return result;
}

/**
 * A KPI whose M-out-of-N rules all treat missing data as notBreaching reports only when something happens
 * (errors, throttles); silence is good news there, so gaps are not stale unless staleAfter says otherwise.
 */
function missingDataIsExpected({ kpi }: KpiRiskInput): boolean {
  if (kpi.staleAfter !== undefined) return false;
  const treatments = [kpi.threshold, kpi.anomaly].flatMap((rule) => (rule ? [rule.treatMissingData] : []));
  return treatments.length > 0 && treatments.every((t) => t === 'notBreaching');
}

function notEvaluated(message: string, now: number): RiskReason {
  return { rule: 'not-evaluated', status: 'unknown', message, evaluatedAt: now };
}
