import { modeled } from '../errors';
import { asObject, optString } from '../input';
import { INSIGHTS_REACH_MS } from '../insights/evaluate';
import { parseTimezone } from '../query/dynamic-label';
import { type CallCut, type DefaultLabeller, type QueryResult, RequestEvaluation } from '../query/engine';
import { type ParsedRequest, parseGetMetricData } from '../query/validate';
import { hashString } from '../scenario/noise';
import type { Scenario } from '../scenario/scenario';
import type { OperationContext } from './context';
import { decodeToken, encodeToken } from './paging';

interface WireMessage {
  Code: string;
  Value: string;
}

/**
 * On any result whose math dropped a non-finite point, Complete ones included. The User Guide ("Using
 * metric math", Basic arithmetic) documents the drop, not the message; code and text are the service's
 * as recorded by grafana/grafana (pkg/tsdb/cloudwatch/testdata/multiple-outputs-query-b.json).
 */
const ARITHMETIC: WireMessage = {
  Code: 'ArithmeticError',
  Value: 'One or more data-points have been dropped due to non-numeric values (NaN, -Infinite, +Infinite)',
};

/**
 * On the whole call when a Metrics Insights query's range starts before the two weeks Insights reads
 * (User Guide, "Metrics Insights quotas"); the older part is answered empty. AWS documents neither code
 * nor text: the code is the one grafana/grafana handles (pkg/tsdb/cloudwatch/models/gmd_errors.go), the
 * text the words Grafana shows for it.
 */
const TIME_RANGE_EXCEEDED: WireMessage = {
  Code: 'MaxQueryTimeRangeExceeded',
  Value: 'Max time window exceeded for query',
};

/**
 * On the whole call when a quota cut its answer ("A message appears here only if it is related to the
 * global GetMetricData operation", API reference, GetMetricData, Messages). The codes are those Grafana's
 * CloudWatch data source handles (pkg/tsdb/cloudwatch/models/gmd_errors.go); AWS documents none of them.
 * The one documented text is MaxMetricsExceeded's: "An example of a message that might be returned is
 * Maximum number of allowed metrics exceeded" (same page). The other texts follow Grafana's words.
 * Where the limits come from: SEARCH, "A graph can display as many as 500 time series" (User Guide,
 * "CloudWatch search expression syntax"); Insights, "A single query can process no more than 10,000
 * metrics" and "can return no more than 500 time series" (User Guide, "Metrics Insights quotas").
 */
const CUT: Readonly<Record<CallCut, WireMessage>> = {
  MaxMetricsExceeded: { Code: 'MaxMetricsExceeded', Value: 'Maximum number of allowed metrics exceeded' },
  MaxMatchingResultsExceeded: {
    Code: 'MaxMatchingResultsExceeded',
    Value: 'The query matched more than 10,000 metrics, results might not be accurate.',
  },
  MaxQueryResultsExceeded: {
    Code: 'MaxQueryResultsExceeded',
    Value: 'Only the first 500 time series can be returned by a query.',
  },
};

function fingerprint(body: Record<string, unknown>): number {
  const { NextToken: _t, MaxDatapoints: _m, ...rest } = body;
  return hashString(JSON.stringify(rest));
}

/** `LabelOptions.Timezone` (GetMetricData API reference) in minutes east of UTC. */
function labelOffset(input: Record<string, unknown>): number {
  const options = input.LabelOptions;
  if (options === undefined || options === null) return 0;
  const text = optString(asObject(options, 'LabelOptions'), 'Timezone', 'LabelOptions.Timezone');
  const offset = parseTimezone(text);
  if (offset === undefined) {
    throw modeled.invalidParameterValue(
      `The value ${text} for parameter LabelOptions.Timezone is not valid. Write + or - followed by four digits, such as +0130.`,
    );
  }
  return offset;
}

function ordered(r: QueryResult, scanBy: ParsedRequest['scanBy']): { t: number[]; v: number[] } {
  if (scanBy === 'TimestampAscending') return { t: r.t, v: r.v };
  return { t: [...r.t].reverse(), v: [...r.v].reverse() };
}

/**
 * GetMetricData. Metric-stat-only calls page by MaxDatapoints with a NextToken; calls with a math
 * expression or Metrics Insights query are never paged (as documented), so results beyond
 * MaxDatapoints are cut and marked PartialData. The datapoints counted are those in the answer.
 */
export function createGetMetricData(
  scenario: Scenario,
  defaultLabel: () => DefaultLabeller | undefined = () => undefined,
): (ctx: OperationContext) => unknown {
  return ({ input, region, now: requestNow, partial, arithmetic = false }) => {
    const req = parseGetMetricData(input);
    const offsetMinutes = labelOffset(input);
    const print = fingerprint(input);
    let offset = 0;
    let now = requestNow;
    if (req.nextToken !== undefined) {
      const token = decodeToken(req.nextToken);
      if (token.f !== print || typeof token.o !== 'number' || typeof token.n !== 'number') {
        throw modeled.invalidNextToken(
          'The NextToken does not belong to this request; send the same queries and times.',
        );
      }
      offset = token.o;
      now = token.n;
    }
    const evaluation = new RequestEvaluation(
      scenario,
      req.queries,
      { start: req.start, end: req.end, now },
      { region, offsetMinutes, defaultLabel: defaultLabel() },
    );
    const results = evaluation.results();
    const pageable = req.queries.every((q) => q.kind === 'metric');
    const pageEnd = offset + req.maxDatapoints;
    let cursor = 0;
    let more = false;
    const wire = results.map((r) => {
      const { t, v } = ordered(r, req.scanBy);
      const from = Math.max(0, (pageable ? offset : 0) - cursor);
      const to = Math.max(0, pageEnd - (pageable ? 0 : offset) - cursor);
      cursor += t.length;
      let times = t.slice(from, to);
      let values = v.slice(from, to);
      const cut = to < t.length;
      if (cut) more = true;
      const messages: WireMessage[] = [];
      const divided = arithmetic && r.query.kind === 'math' && times.length > 1;
      if (divided) {
        // The ArithmeticError fault: the oldest period divided by zero, so CloudWatch dropped its point.
        const oldestFirst = req.scanBy === 'TimestampAscending';
        times = oldestFirst ? times.slice(1) : times.slice(0, -1);
        values = oldestFirst ? values.slice(1) : values.slice(0, -1);
      }
      if (r.arithmeticError || divided) messages.push(ARITHMETIC);
      let status = cut ? 'PartialData' : 'Complete';
      if (cut && !pageable) {
        messages.push({
          Code: 'MaxDatapointsExceeded',
          Value: `More than ${req.maxDatapoints} datapoints were requested in a call with an expression, which cannot be paged. Shorten the time range or increase the period.`,
        });
      }
      if (partial && times.length > 0) {
        const keep = Math.ceil(times.length / 2);
        const newestFirst = req.scanBy === 'TimestampDescending';
        times = newestFirst ? times.slice(0, keep) : times.slice(times.length - keep);
        values = newestFirst ? values.slice(0, keep) : values.slice(values.length - keep);
        status = 'PartialData';
        messages.push({
          Code: 'InternalError',
          Value: 'Some datapoints could not be retrieved in time. Retry the request.',
        });
      }
      if (r.forbidden) {
        status = 'Forbidden';
        messages.push({
          Code: 'Forbidden',
          Value: `Account ${r.query.accountId} is not linked to this monitoring account, so its metrics cannot be read.`,
        });
      }
      return {
        Id: r.query.id,
        Label: r.label,
        Timestamps: times.map((t) => new Date(t)),
        Values: values,
        StatusCode: status,
        ...(messages.length > 0 ? { Messages: messages } : {}),
      };
    });
    const next = pageable && more ? encodeToken({ f: print, o: pageEnd, n: now }) : undefined;
    const beyondReach = req.queries.some((q) => q.kind === 'insights') && req.start < now - INSIGHTS_REACH_MS;
    const messages = [...(beyondReach ? [TIME_RANGE_EXCEEDED] : []), ...evaluation.cuts().map((c) => CUT[c])];
    return {
      MetricDataResults: wire,
      Messages: messages,
      ...(next ? { NextToken: next } : {}),
    };
  };
}
