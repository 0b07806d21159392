import type { GetMetricDataOutput, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { Point, Series } from '../../domain/series';
import type { SeriesError, SeriesResult } from '../metrics-source';
import type { PlannedOutput } from './plan-types';

/** All pages of one GetMetricData call, merged. */
export interface BatchResponse {
  results: MetricDataResult[];
  /** Messages about the whole call (MessageData at the top of the response). */
  messages: string[];
}

/**
 * Merges NextToken pages: each page carries more datapoints for the same queries. Results are keyed
 * by Id and Label, because a SEARCH or an Insights GROUP BY returns several series under one Id.
 */
export function mergePages(pages: GetMetricDataOutput[]): BatchResponse {
  const merged = new Map<string, MetricDataResult>();
  const messages: string[] = [];
  for (const page of pages) {
    for (const message of page.Messages ?? []) pushUnique(messages, messageText(message.Code, message.Value));
    for (const result of page.MetricDataResults ?? []) {
      const key = `${result.Id ?? ''}\u0000${result.Label ?? ''}`;
      const seen = merged.get(key);
      if (!seen) {
        merged.set(key, {
          ...result,
          Timestamps: [...(result.Timestamps ?? [])],
          Values: [...(result.Values ?? [])],
          Messages: [...(result.Messages ?? [])],
        });
        continue;
      }
      seen.Timestamps?.push(...(result.Timestamps ?? []));
      seen.Values?.push(...(result.Values ?? []));
      seen.Messages?.push(...(result.Messages ?? []));
      seen.StatusCode = result.StatusCode ?? seen.StatusCode;
    }
  }
  return { results: [...merged.values()], messages };
}

/** Datapoints as the app stores them: epoch ms, ascending, gaps instead of NaN. */
export function toPoints(result: MetricDataResult): Point[] {
  const timestamps = result.Timestamps ?? [];
  const values = result.Values ?? [];
  const points: Point[] = [];
  for (let i = 0; i < Math.min(timestamps.length, values.length); i++) {
    const t = new Date(timestamps[i]!).getTime();
    const v = values[i]!;
    if (Number.isFinite(t) && Number.isFinite(v)) points.push({ t, v });
  }
  points.sort((a, b) => a.t - b.t);
  return points;
}

/** Reads one request's answer out of its call's response. */
export function toSeriesResult(ref: string, output: PlannedOutput, response: BatchResponse): SeriesResult {
  const own = response.results.filter((r) => r.Id === output.id);
  const messages = [...output.messages];
  for (const m of response.messages) pushUnique(messages, m);
  for (const r of own) for (const m of r.Messages ?? []) pushUnique(messages, messageText(m.Code, m.Value));

  const components: Record<string, Series> = {};
  for (const [name, id] of Object.entries(output.componentIds)) {
    const result = response.results.find((r) => r.Id === id);
    if (result) components[name] = { label: labelOf(result, name), points: toPoints(result) };
  }

  const result: SeriesResult = {
    ref,
    series: own.map((r) => ({ label: labelOf(r, ref), points: toPoints(r) })),
    components,
    period: output.period,
    complete: own.every((r) => r.StatusCode !== 'PartialData'),
    messages,
  };
  const failed = own.find((r) => r.StatusCode === 'InternalError' || r.StatusCode === 'Forbidden');
  if (failed) result.error = statusError(failed, messages);
  return result;
}

/** A result that carries only an error, for requests that could not be planned or were rejected. */
export function errorResult(
  ref: string,
  period: number,
  error: SeriesError,
  messages: string[] = [],
): SeriesResult {
  return { ref, series: [], components: {}, period, complete: false, messages, error };
}

function statusError(result: MetricDataResult, messages: string[]): SeriesError {
  const detail = messages.length ? `: ${messages.join('; ')}` : '';
  if (result.StatusCode === 'Forbidden') {
    return {
      code: 'Forbidden',
      message: `CloudWatch refused this series${detail} — check the account is shared with this monitoring account and the role may read it`,
      retryable: false,
    };
  }
  return {
    code: 'InternalError',
    message: `CloudWatch could not compute this series${detail}`,
    retryable: true,
  };
}

// CloudWatch's default label for an expression is its Id, which means nothing to a person.
function labelOf(result: MetricDataResult, fallback: string): string {
  return result.Label && result.Label !== result.Id ? result.Label : fallback;
}

function messageText(code: string | undefined, value: string | undefined): string {
  if (code && value) return `${code}: ${value}`;
  return value ?? code ?? '';
}

function pushUnique(list: string[], item: string): void {
  if (item !== '' && !list.includes(item)) list.push(item);
}
