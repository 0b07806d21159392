import type { CloudWatchMessage } from '../metrics-source';

/** What a query of a GetMetricData call is, as far as which call-level message may concern it. */
export type QueryKind = 'metric' | 'math' | 'search' | 'insights';

interface KnownCode {
  /** What to do about it, in words a person can act on. */
  remedy: string | ((text: string) => string);
  /** Our words for the message when CloudWatch sent the code without a Value. */
  summary: string;
  /** For a call-level code: the kinds of query whose quota it reports (SEARCH, Metrics Insights). */
  concerns?: readonly QueryKind[];
}

/**
 * The codes CloudWatch puts in GetMetricData `Messages` (on the whole call) and in
 * `MetricDataResult.Messages` (on one result), and what to do about each. Where each fact comes from:
 *
 * | Code                       | Where sent | Source                                                          |
 * | -------------------------- | ---------- | --------------------------------------------------------------- |
 * | Forbidden                  | result     | API model, MessageData doc (botocore 1.43.11, cloudwatch        |
 * |                            |            | 2010-08-01 service-2.json): "fails with a code of Forbidden and |
 * |                            |            | a value of Authentication too complex to retrieve cross region  |
 * |                            |            | data … run GetMetricData in the same Region"; StatusCode enum   |
 * | InternalError              | result     | API model, StatusCode enum and MetricDataResult.StatusCode doc  |
 * |                            |            | ("InternalError indicates that an error occurred. Retry")       |
 * | MaxMetricsExceeded         | call       | API model, GetMetricDataOutput.Messages doc gives the text      |
 * |                            |            | "Maximum number of allowed metrics exceeded" (not the code);    |
 * |                            |            | the code: grafana/grafana pkg/tsdb/cloudwatch/models/           |
 * |                            |            | gmd_errors.go and testdata/multiple-outputs-query-a.json        |
 * | MaxQueryTimeRangeExceeded  | call       | reach: User Guide "Metrics Insights quotas" (two weeks);        |
 * |                            |            | code: grafana/grafana as above                                  |
 * | MaxQueryResultsExceeded    | call       | limit: User Guide "Metrics Insights quotas" (500 time series);  |
 * |                            |            | code: grafana/grafana as above                                  |
 * | MaxMatchingResultsExceeded | call       | limit: User Guide "Metrics Insights quotas" (10,000 metrics);   |
 * |                            |            | code: grafana/grafana as above                                  |
 * | ArithmeticError            | result, of | behaviour: User Guide "Using metric math", Basic arithmetic     |
 * |                            | any Status | ("If the value of a data point causes a function to attempt to  |
 * |                            | Code, also | divide by zero, the data point is dropped"); code and text:     |
 * |                            | Complete   | grafana/grafana testdata/multiple-outputs-query-b.json, "One or |
 * |                            |            | more data-points have been dropped due to non-numeric values    |
 * |                            |            | (NaN, -Infinite, +Infinite)"                                    |
 * | MaxDatapointsExceeded      | result     | in no AWS document: sent by the simulated account when an       |
 * |                            |            | unpageable call is cut at MaxDatapoints; explained in case      |
 *
 * AWS's documents name only Forbidden and InternalError as codes; the Max…Exceeded and ArithmeticError
 * codes are what the service answers as recorded by Grafana's CloudWatch data source. Any other code is
 * shown with its own text and no remedy. A call-level message names no query, so the quota codes go on
 * the requests whose queries have that quota (`concerns`: a SEARCH keeps 500 series, "CloudWatch search
 * expression syntax"; Metrics Insights 10,000 metrics, 500 series and two weeks, "Metrics Insights
 * quotas"), and any other call-level message on every request of the call.
 */
const KNOWN_CODES: Readonly<Record<string, KnownCode>> = {
  Forbidden: {
    summary: 'CloudWatch refused to read this data',
    remedy: (text) =>
      /cross.?region/i.test(text)
        ? "CloudWatch does not read this data across Regions: set the KPI's region to the Region the metric is in"
        : 'this monitoring account cannot read the named account: link it as a source account in CloudWatch cross-account observability, or remove accountId',
  },
  InternalError: {
    summary: 'CloudWatch had an internal error with part of this query',
    remedy: 'CloudWatch had a problem with part of this query; it is asked again at the next refresh',
  },
  MaxMetricsExceeded: {
    concerns: ['search', 'insights'],
    summary: 'Maximum number of allowed metrics exceeded',
    remedy:
      'the call matched more metrics than CloudWatch reads at once, so series may be missing: narrow the SEARCH (an exact metric name, more dimensions) or split the KPI',
  },
  MaxQueryTimeRangeExceeded: {
    concerns: ['insights'],
    summary: 'The time range is longer than Metrics Insights reads',
    remedy:
      'Metrics Insights reads only the last two weeks, so the older part of the range is empty: choose a range of two weeks or less',
  },
  MaxQueryResultsExceeded: {
    concerns: ['insights'],
    summary: 'The Metrics Insights query had more than 500 time series to return',
    remedy:
      'Metrics Insights returns at most 500 time series, so some are missing: filter with WHERE, or add ORDER BY … LIMIT to keep the ones that matter',
  },
  MaxMatchingResultsExceeded: {
    concerns: ['insights'],
    summary: 'The Metrics Insights query matched more than 10,000 metrics',
    remedy:
      'Metrics Insights processes at most 10,000 metrics per query, so the values may be wrong: narrow FROM SCHEMA(…) or WHERE',
  },
  ArithmeticError: {
    summary: 'Some datapoints were dropped because the expression gave no number (NaN or ±Infinity)',
    remedy:
      'the expression divided by zero or gave no number for some periods and CloudWatch left those out: expected when the divisor had no traffic, otherwise check the divisor',
  },
  MaxDatapointsExceeded: {
    summary: 'More datapoints were asked for than one call returns',
    remedy: 'narrow the time range or use a longer period',
  },
};

/** What to do about a CloudWatch message code, or undefined for a code we do not know. */
export function remedyFor(code: string, text: string): string | undefined {
  const known = Object.hasOwn(KNOWN_CODES, code) ? KNOWN_CODES[code] : undefined;
  if (!known) return undefined;
  return typeof known.remedy === 'function' ? known.remedy(text) : known.remedy;
}

/** The kinds of query a call-level message may be about, or undefined when it may be about any. */
export function concernsOf(code: string): readonly QueryKind[] | undefined {
  return Object.hasOwn(KNOWN_CODES, code) ? KNOWN_CODES[code]?.concerns : undefined;
}

/**
 * One wire MessageData as the app keeps it. CloudWatch may send a Code without a Value (or an empty
 * Code), so the text falls back to our summary of a known code, then to the code; nothing at all is dropped.
 */
export function toCloudWatchMessage(
  code: string | undefined | null,
  value: string | undefined | null,
  scope: CloudWatchMessage['scope'],
): CloudWatchMessage | undefined {
  const c = code?.trim() ?? '';
  const v = value?.trim() ?? '';
  if (c === '' && v === '') return undefined;
  const known = Object.hasOwn(KNOWN_CODES, c) ? KNOWN_CODES[c] : undefined;
  const text = v !== '' ? v : (known?.summary ?? c);
  const remedy = remedyFor(c, text);
  return { code: c, text, scope, ...(remedy === undefined ? {} : { remedy }) };
}

/** One line for a message: "ArithmeticError: One or more … — the expression divided by zero …". */
export function describeMessage(message: CloudWatchMessage): string {
  const head =
    message.code === '' || message.text.startsWith(message.code)
      ? message.text
      : `${message.code}: ${message.text}`;
  return message.remedy === undefined ? head : `${head} — ${message.remedy}`;
}

/** Appends messages not already in the list (same code and text), keeping the first one's scope. */
export function addUnique(list: CloudWatchMessage[], more: Iterable<CloudWatchMessage>): void {
  for (const m of more) {
    if (!list.some((x) => x.code === m.code && x.text === m.text)) list.push(m);
  }
}
