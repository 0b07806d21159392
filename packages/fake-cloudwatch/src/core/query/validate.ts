import {
  dimensionNameProblem,
  dimensionValueProblem,
  isCloudWatchPeriod,
  isMetricDataQueryId,
  MAX_DATAPOINTS,
  MAX_DIMENSIONS,
  MAX_METRIC_DATA_QUERIES,
  METRIC_DATA_QUERY_ID_PATTERN,
  namespaceProblem,
  parseStatistic,
  type Statistic,
} from '@bellwether/cloudwatch-spec';
import { modeled } from '../errors';
import {
  asObject,
  type Json,
  optArray,
  optBoolean,
  optNumber,
  optString,
  optTimestamp,
  readDimensions,
} from '../input';
import { type InsightsQuery, InsightsSyntaxError, parseInsights } from '../insights/parse';
import { MathSyntaxError, type Node, referencedIds } from '../math/ast';
import { firstUnsupportedCall, unsupportedFunctionMessage } from '../math/catalog';
import { parseMath } from '../math/parse';
import type { MetricId } from '../scenario/types';
import { checkConstraints } from './constraints';

interface QueryBase {
  id: string;
  index: number;
  label: string | undefined;
  returnData: boolean;
  accountId: string | undefined;
}

export type ParsedQuery =
  | (QueryBase & {
      kind: 'metric';
      metric: MetricId;
      stat: Statistic;
      statName: string;
      period: number;
      unit?: string;
    })
  | (QueryBase & { kind: 'math'; expression: string; tree: Node; period?: number; deps: string[] })
  | (QueryBase & { kind: 'insights'; expression: string; insights: InsightsQuery; period: number });

export interface ParsedRequest {
  queries: ParsedQuery[];
  start: number;
  end: number;
  scanBy: 'TimestampDescending' | 'TimestampAscending';
  maxDatapoints: number;
  nextToken: string | undefined;
}

/** 1, 5, 10, 20, 30 or a positive multiple of 60, as CloudWatch requires (MetricStat.Period). */
export const isValidPeriod = isCloudWatchPeriod;

function periodError(path: string, value: unknown): Error {
  return modeled.validation(
    `The value ${String(value)} for parameter ${path} is not valid. The period must be 1, 5, 10, 20, 30, or a multiple of 60 seconds.`,
  );
}

/**
 * Problems with single parameters that CloudWatch reports together, one line each, in one
 * ValidationError: public reports of GetMetricData calls show an Id outside the pattern (influxdata/
 * telegraf issue 5420: "The value 5xx_error_FooBar_average for parameter MetricDataQueries.member.1.Id
 * is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.", one line per query) and invalid statistics
 * (prometheus-community/yet-another-cloudwatch-exporter issue 1435) answered that way.
 */
type Issues = string[];

function parseQuery(raw: unknown, index: number, issues: Issues): ParsedQuery {
  const path = `MetricDataQueries.member.${index + 1}`;
  const q = asObject(raw, path);
  const id = optString(q, 'Id', `${path}.Id`);
  if (id === undefined) throw modeled.missingParameter(`The parameter ${path}.Id is required.`);
  if (!isMetricDataQueryId(id)) {
    issues.push(
      `The value ${id} for parameter ${path}.Id is not matching the expected pattern ${METRIC_DATA_QUERY_ID_PATTERN.source}.`,
    );
  }
  const base: QueryBase = {
    id,
    index,
    label: optString(q, 'Label', `${path}.Label`),
    returnData: optBoolean(q, 'ReturnData', `${path}.ReturnData`) ?? true,
    accountId: optString(q, 'AccountId', `${path}.AccountId`),
  };
  const statRaw = q.MetricStat;
  const expression = optString(q, 'Expression', `${path}.Expression`);
  if ((statRaw === undefined) === (expression === undefined)) {
    throw modeled.validation(
      `Exactly one of MetricStat and Expression must be set in ${path} (query ${id}).`,
    );
  }
  const period = optNumber(q, 'Period', `${path}.Period`);
  if (period !== undefined && !isValidPeriod(period)) throw periodError(`${path}.Period`, period);
  if (statRaw !== undefined)
    return parseMetricStat(asObject(statRaw, `${path}.MetricStat`), `${path}.MetricStat`, base, issues);
  const text = expression ?? '';
  if (/^\s*SELECT\s/i.test(text)) {
    if (period === undefined) {
      throw modeled.validation(
        `The parameter ${path}.Period is required for the Metrics Insights query ${id}.`,
      );
    }
    try {
      return { ...base, kind: 'insights', expression: text, insights: parseInsights(text), period };
    } catch (e) {
      if (e instanceof InsightsSyntaxError) {
        throw modeled.validation(`Error in query ${id} (${path}.Expression): ${e.message}.`);
      }
      throw e;
    }
  }
  try {
    const tree = parseMath(text);
    const unsupported = firstUnsupportedCall(tree);
    if (unsupported !== undefined) {
      throw modeled.validation(
        `Error in expression of query ${id} (${path}.Expression): ${unsupportedFunctionMessage(unsupported)}.`,
      );
    }
    return { ...base, kind: 'math', expression: text, tree, period, deps: [...referencedIds(tree)] };
  } catch (e) {
    if (e instanceof MathSyntaxError) {
      throw modeled.validation(
        `Syntax error in expression of query ${id} (${path}.Expression) at position ${e.position + 1}: ${e.message}.`,
      );
    }
    throw e;
  }
}

/**
 * Names of a metric: the characters the model's documentation allows (ASCII without control characters,
 * not blank, no leading colon for namespaces and dimension names), and a Value for every dimension (the
 * Dimension shape requires it). Lengths and the Namespace pattern were checked with the constraints.
 */
function checkNames(namespace: string, dimList: unknown[] | undefined, path: string): void {
  const invalid = (value: string, parameter: string, problem: string | undefined): void => {
    if (problem !== undefined) {
      throw modeled.invalidParameterValue(`The value ${value} for parameter ${parameter} ${problem}.`);
    }
  };
  invalid(namespace, `${path}.Metric.Namespace`, namespaceProblem(namespace));
  (dimList ?? []).forEach((d, i) => {
    const at = `${path}.Metric.Dimensions.member.${i + 1}`;
    const dim = asObject(d, at);
    const name = optString(dim, 'Name', `${at}.Name`);
    const value = optString(dim, 'Value', `${at}.Value`);
    if (name === undefined) throw modeled.missingParameter(`The parameter ${at}.Name is required.`);
    if (value === undefined) throw modeled.missingParameter(`The parameter ${at}.Value is required.`);
    invalid(name, `${at}.Name`, dimensionNameProblem(name));
    invalid(value, `${at}.Value`, dimensionValueProblem(value));
  });
}

function parseMetricStat(ms: Json, path: string, base: QueryBase, issues: Issues): ParsedQuery {
  const metric = asObject(ms.Metric, `${path}.Metric`);
  const namespace = optString(metric, 'Namespace', `${path}.Metric.Namespace`);
  const name = optString(metric, 'MetricName', `${path}.Metric.MetricName`);
  if (!namespace) throw modeled.missingParameter(`The parameter ${path}.Metric.Namespace is required.`);
  if (!name) throw modeled.missingParameter(`The parameter ${path}.Metric.MetricName is required.`);
  const dimList = optArray(metric, 'Dimensions', `${path}.Metric.Dimensions`);
  if ((dimList?.length ?? 0) > MAX_DIMENSIONS) {
    throw modeled.invalidParameterValue(
      `The collection ${path}.Metric.Dimensions must not have a size greater than ${MAX_DIMENSIONS}.`,
    );
  }
  checkNames(namespace, dimList, path);
  const dimensions = readDimensions(dimList, `${path}.Metric.Dimensions`);
  const period = optNumber(ms, 'Period', `${path}.Period`);
  if (period === undefined) throw modeled.missingParameter(`The parameter ${path}.Period is required.`);
  if (!isValidPeriod(period)) throw periodError(`${path}.Period`, period);
  const statName = optString(ms, 'Stat', `${path}.Stat`);
  if (statName === undefined) throw modeled.missingParameter(`The parameter ${path}.Stat is required.`);
  const parsed = parseStatistic(statName, `${path}.Stat`);
  if (!parsed.ok) issues.push(parsed.message);
  // A refused statistic fails the call once every query has been read, so its stand-in is never computed.
  const stat: Statistic = parsed.ok ? parsed.stat : { kind: 'SampleCount' };
  const unit = optString(ms, 'Unit', `${path}.Unit`);
  return { ...base, kind: 'metric', metric: { namespace, name, dimensions }, stat, statName, period, unit };
}

/** Validates a GetMetricData request the way CloudWatch does before reading any data. */
export function parseGetMetricData(body: Json): ParsedRequest {
  const list = optArray(body, 'MetricDataQueries');
  if (!list || list.length === 0)
    throw modeled.missingParameter('The parameter MetricDataQueries is required.');
  checkConstraints(body);
  if (list.length > MAX_METRIC_DATA_QUERIES) {
    throw modeled.invalidParameterValue(
      `The collection MetricDataQueries must not have a size greater than ${MAX_METRIC_DATA_QUERIES}.`,
    );
  }
  const start = optTimestamp(body, 'StartTime');
  const end = optTimestamp(body, 'EndTime');
  if (start === undefined) throw modeled.missingParameter('The parameter StartTime is required.');
  if (end === undefined) throw modeled.missingParameter('The parameter EndTime is required.');
  if (end <= start)
    throw modeled.validation('The parameter StartTime must be less than the parameter EndTime.');
  const scanBy = (optString(body, 'ScanBy') ?? 'TimestampDescending') as ParsedRequest['scanBy'];
  const maxDatapoints = optNumber(body, 'MaxDatapoints') ?? MAX_DATAPOINTS;
  if (!Number.isInteger(maxDatapoints) || maxDatapoints < 1 || maxDatapoints > MAX_DATAPOINTS) {
    throw modeled.invalidParameterValue(
      `The value ${maxDatapoints} for parameter MaxDatapoints is not valid. It must be between 1 and ${MAX_DATAPOINTS}.`,
    );
  }
  const issues: Issues = [];
  const queries = list.map((raw, i) => parseQuery(raw, i, issues));
  if (issues.length > 0) throw modeled.validation(issues.join('\n'));
  const seen = new Map<string, number>();
  for (const q of queries) {
    const first = seen.get(q.id);
    if (first !== undefined) {
      throw modeled.validation(
        `The value ${q.id} for parameter MetricDataQueries.member.${q.index + 1}.Id is not unique; MetricDataQueries.member.${first + 1} uses it too.`,
      );
    }
    seen.set(q.id, q.index);
  }
  const insights = queries.filter((q) => q.kind === 'insights');
  if (insights.length > 1) {
    throw modeled.validation(
      `A GetMetricData call can include only one Metrics Insights query; queries ${insights.map((q) => q.id).join(', ')} are all Metrics Insights queries.`,
    );
  }
  checkReferences(queries);
  return { queries, start, end, scanBy, maxDatapoints, nextToken: optString(body, 'NextToken') };
}

/** Unknown ids and circular references fail the whole call, naming the query. */
function checkReferences(queries: ParsedQuery[]): void {
  const byId = new Map(queries.map((q) => [q.id, q]));
  for (const q of queries) {
    if (q.kind !== 'math') continue;
    for (const dep of q.deps) {
      if (!byId.has(dep)) {
        throw modeled.validation(
          `Error in expression of query ${q.id} (MetricDataQueries.member.${q.index + 1}.Expression): Unrecognized identifier '${dep}'. Identifiers must be the Id of another query in the same request.`,
        );
      }
      if (dep === q.id) {
        throw modeled.validation(
          `Error in expression of query ${q.id}: an expression cannot refer to itself.`,
        );
      }
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (q: ParsedQuery, chain: string[]): void => {
    if (state.get(q.id) === 'done' || q.kind !== 'math') return;
    if (state.get(q.id) === 'visiting') {
      throw modeled.validation(`Circular reference between expressions: ${[...chain, q.id].join(' -> ')}.`);
    }
    state.set(q.id, 'visiting');
    for (const dep of q.deps) {
      const d = byId.get(dep);
      if (d) visit(d, [...chain, q.id]);
    }
    state.set(q.id, 'done');
  };
  for (const q of queries) visit(q, []);
}
