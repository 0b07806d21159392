import type { GetMetricDataOutput, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { Point, Series } from '../../domain/series';
import type { CloudWatchMessage, SeriesError, SeriesResult } from '../metrics-source';
import { addUnique, concernsOf, type QueryKind, remedyFor, toCloudWatchMessage } from './messages';
import type { PlannedOutput, PlannedQuery } from './plan-types';

/** All pages of one GetMetricData call, merged. */
export interface BatchResponse {
  results: MetricDataResult[];
  /** Messages about the whole call (Messages at the top of the response), once each. */
  messages: CloudWatchMessage[];
  /** What each query of the call is, by Id (empty when the queries were not given). */
  kinds: ReadonlyMap<string, QueryKind>;
}

/** A query's kind from what it sends: a MetricStat, Metrics Insights SQL, an expression with a SEARCH, or math. */
function kindOf(query: PlannedQuery): QueryKind {
  const expression = query.Expression;
  if (expression === undefined) return 'metric';
  if (/^\s*select\s/i.test(expression)) return 'insights';
  return /\bSEARCH\s*\(/.test(expression) ? 'search' : 'math';
}

/**
 * Merges NextToken pages: each page carries more datapoints for the same queries. One Id may return
 * several results (SEARCH, Insights GROUP BY, ANOMALY_DETECTION_BAND's two bounds), and the API reference
 * says neither how a later page orders them nor that their labels differ. A page's results for an Id are
 * joined to the earlier ones by label only when their labels tell them apart on both sides (then a page
 * that reorders or leaves one out is still read right); otherwise by their position among that Id's
 * results, so two bounds labelled alike stay two series.
 */
export function mergePages(
  pages: GetMetricDataOutput[],
  queries: readonly PlannedQuery[] = [],
): BatchResponse {
  const merged: MetricDataResult[] = [];
  const byId = new Map<string, MetricDataResult[]>();
  const messages: CloudWatchMessage[] = [];
  for (const page of pages) {
    addUnique(messages, wireMessages(page.Messages, 'call'));
    const pageById = new Map<string, MetricDataResult[]>();
    for (const result of page.MetricDataResults ?? []) {
      const id = result.Id ?? '';
      pageById.set(id, [...(pageById.get(id) ?? []), result]);
    }
    for (const [id, results] of pageById) {
      const known = byId.get(id) ?? [];
      const targets = matchResults(known, results);
      results.forEach((result, i) => {
        const seen = targets[i];
        if (seen === undefined) {
          const copy: MetricDataResult = {
            ...result,
            Timestamps: [...(result.Timestamps ?? [])],
            Values: [...(result.Values ?? [])],
            Messages: [...(result.Messages ?? [])],
          };
          known.push(copy);
          merged.push(copy);
          return;
        }
        seen.Timestamps?.push(...(result.Timestamps ?? []));
        seen.Values?.push(...(result.Values ?? []));
        seen.Messages?.push(...(result.Messages ?? []));
        seen.StatusCode = result.StatusCode ?? seen.StatusCode;
      });
      byId.set(id, known);
    }
  }
  return { results: merged, messages, kinds: new Map(queries.map((q) => [q.Id, kindOf(q)])) };
}

/** For each of a page's results under one Id, the earlier result it continues, or undefined for a new one. */
function matchResults(known: MetricDataResult[], page: MetricDataResult[]): (MetricDataResult | undefined)[] {
  const labels = (list: MetricDataResult[]): string[] => list.map((r) => r.Label ?? '');
  const distinct = (list: string[]): boolean => new Set(list).size === list.length;
  const knownLabels = labels(known);
  const pageLabels = labels(page);
  if (
    known.length > 0 &&
    distinct(knownLabels) &&
    distinct(pageLabels) &&
    pageLabels.every((label) => knownLabels.includes(label))
  ) {
    return pageLabels.map((label) => known[knownLabels.indexOf(label)]);
  }
  return page.map((_, i) => known[i]);
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

/**
 * The call-level messages that concern one request. CloudWatch's say which quota cut the call, not which
 * query: a quota's message goes to the requests with a query that has the quota (a SEARCH, a Metrics
 * Insights query, among the queries the request needs); when no query of the call has it, or the call's
 * queries are not known, and for any other message, to every request, so none is ever lost.
 */
function callMessagesFor(output: PlannedOutput, response: BatchResponse): CloudWatchMessage[] {
  const kinds = [...response.kinds.values()];
  const mine = output.queryIds.map((id) => response.kinds.get(id));
  return response.messages.filter((m) => {
    const concerns = concernsOf(m.code);
    if (concerns === undefined || !kinds.some((k) => concerns.includes(k))) return true;
    return mine.some((k) => k !== undefined && concerns.includes(k));
  });
}

/**
 * Reads one request's answer out of its call's response. Its messages are those of its own results,
 * whatever their StatusCode, then those of the whole call that may concern it (`callMessagesFor`).
 */
export function toSeriesResult(ref: string, output: PlannedOutput, response: BatchResponse): SeriesResult {
  const own = response.results.filter((r) => r.Id === output.id);
  const messages: CloudWatchMessage[] = [];
  for (const r of own) addUnique(messages, wireMessages(r.Messages, 'result'));
  addUnique(messages, callMessagesFor(output, response));

  const components: Record<string, Series> = {};
  for (const [name, id] of Object.entries(output.componentIds)) {
    const result = response.results.find((r) => r.Id === id);
    if (result)
      components[name] = { label: labelOf(result, name), points: within(toPoints(result), output.window) };
  }

  const result: SeriesResult = {
    ref,
    series: own.map((r) => ({
      label: output.label === undefined ? labelOf(r, ref) : (r.Label ?? ''),
      points: within(toPoints(r), output.window),
    })),
    components,
    period: output.period,
    complete: own.every((r) => r.StatusCode !== 'PartialData'),
    messages,
    ...(output.messages.length > 0 ? { notes: [...output.messages] } : {}),
  };
  const failed = own.find((r) => r.StatusCode === 'InternalError' || r.StatusCode === 'Forbidden');
  if (failed) result.error = statusError(failed);
  return result;
}

/** The points of a request's own window: a call shared with wider windows returns more than it asked for. */
function within(points: Point[], window: { start: number; end: number }): Point[] {
  const first = points.findIndex((p) => p.t >= window.start);
  if (first < 0) return [];
  let end = points.length;
  while (end > first && (points[end - 1]?.t ?? 0) >= window.end) end--;
  return first === 0 && end === points.length ? points : points.slice(first, end);
}

/** A result that carries only an error, for requests that could not be planned or were rejected. */
export function errorResult(
  ref: string,
  period: number,
  error: SeriesError,
  notes: string[] = [],
): SeriesResult {
  return {
    ref,
    series: [],
    components: {},
    period,
    complete: false,
    messages: [],
    ...(notes.length > 0 ? { notes: [...notes] } : {}),
    error,
  };
}

function statusError(result: MetricDataResult): SeriesError {
  const own = wireMessages(result.Messages, 'result');
  const detail = own.length ? `: ${own.map((m) => m.text).join('; ')}` : '';
  if (result.StatusCode === 'Forbidden') {
    const remedy =
      remedyFor('Forbidden', own.find((m) => m.code === 'Forbidden')?.text ?? '') ??
      'check the account is shared with this monitoring account and the role may read it';
    return {
      code: 'Forbidden',
      message: `CloudWatch refused this series${detail} — ${remedy}`,
      retryable: false,
    };
  }
  return {
    code: 'InternalError',
    message: `CloudWatch could not compute this series${detail}`,
    retryable: true,
  };
}

// A default label is for people only: an expression's is often its Id, which means nothing to one.
function labelOf(result: MetricDataResult, fallback: string): string {
  return result.Label && result.Label !== result.Id ? result.Label : fallback;
}

function wireMessages(
  wire: { Code?: string | undefined; Value?: string | undefined }[] | undefined,
  scope: CloudWatchMessage['scope'],
): CloudWatchMessage[] {
  const out: CloudWatchMessage[] = [];
  for (const m of wire ?? []) {
    const message = toCloudWatchMessage(m.Code, m.Value, scope);
    if (message) out.push(message);
  }
  return out;
}
