import {
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  type GetMetricDataOutput,
  ListMetricsCommand,
  type ListMetricsOutput,
  type Metric,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import type { CredentialsInput, StaticCredentials } from './client';
import { createCloudWatchClient, endpointFor } from './client';
import {
  type CloudWatchError,
  toCloudWatchError,
  type UnreachableCause,
  withUnreachableCause,
} from './errors';

export type CheckStep = 'credentials' | 'ListMetrics' | 'GetMetricData' | 'DescribeAlarms';

/** One line of the report: what was tried, whether it worked, and in words what that means. */
export interface CheckLine {
  step: CheckStep;
  ok: boolean;
  message: string;
}

export interface CheckReport {
  lines: CheckLine[];
  /** One sentence for the top of the report. */
  summary: string;
  ok: boolean;
}

/** The one SDK method the check needs, so tests can pass a fake client. */
export interface CheckClient {
  send(command: ListMetricsCommand | GetMetricDataCommand | DescribeAlarmsCommand): Promise<unknown>;
}

export interface CheckOptions {
  region: string;
  endpoint?: string;
  credentials: () => Promise<StaticCredentials>;
  now: number;
  createClient?: (options: {
    region: string;
    credentials: CredentialsInput;
    endpoint?: string;
  }) => CheckClient;
  diagnose?: (endpoint: string) => Promise<UnreachableCause>;
  /** The connection's `refused`: words an expired or unknown credential for its source and forgets a Cognito set. */
  refused?: (error: CloudWatchError) => CloudWatchError;
}

const timeFormat = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

function probeQuery(metric: Metric | undefined): MetricDataQuery {
  if (metric?.MetricName && metric.Namespace) {
    return {
      Id: 'probe',
      MetricStat: { Metric: metric, Period: 300, Stat: 'SampleCount' },
      ReturnData: true,
    };
  }
  return { Id: 'probe', Expression: 'TIME_SERIES(0)', Period: 300, ReturnData: true };
}

/**
 * "Check connection": the smallest real calls that prove a deployment works — credentials, one page of
 * ListMetrics, a one-query GetMetricData over 15 minutes, one DescribeAlarms record — each reported in
 * words, with the IAM action or the fix when it fails. Every step runs even if an earlier one failed.
 */
export async function checkConnection(options: CheckOptions): Promise<CheckReport> {
  const lines: CheckLine[] = [];
  const endpoint = endpointFor(options.region, options.endpoint);
  let credentials: StaticCredentials;
  try {
    credentials = await options.credentials();
    const kind = credentials.sessionToken ? 'temporary credentials' : 'long-term keys';
    const expiry = credentials.expiration
      ? `, valid until ${timeFormat(credentials.expiration.getTime())} UTC`
      : '';
    lines.push({ step: 'credentials', ok: true, message: `Credentials: ${kind}${expiry}` });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    lines.push({ step: 'credentials', ok: false, message: `Credentials: ${message}` });
    return finish(lines, options.region);
  }

  const client = (options.createClient ?? createCloudWatchClient)({
    region: options.region,
    credentials,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
  });
  const explain = async (error: unknown, operation: string): Promise<string> => {
    let mapped = toCloudWatchError(error, { operation, region: options.region, endpoint });
    if (options.refused) mapped = options.refused(mapped);
    if (mapped.code === 'Network' && options.diagnose) {
      mapped = withUnreachableCause(mapped, await options.diagnose(endpoint), endpoint);
    }
    return mapped.message;
  };

  let firstMetric: Metric | undefined;
  try {
    const page = (await client.send(new ListMetricsCommand({ RecentlyActive: 'PT3H' }))) as ListMetricsOutput;
    const metrics = page.Metrics ?? [];
    firstMetric = metrics[0];
    const more = page.NextToken ? ' (first page; more exist)' : '';
    lines.push({
      step: 'ListMetrics',
      ok: true,
      message:
        metrics.length === 0
          ? `ListMetrics works, but no metric was published in ${options.region} in the last 3 hours`
          : `ListMetrics works: ${metrics.length} metrics active in the last 3 hours${more}, e.g. ${firstMetric?.Namespace} ${firstMetric?.MetricName}`,
    });
  } catch (error) {
    lines.push({
      step: 'ListMetrics',
      ok: false,
      message: `ListMetrics: ${await explain(error, 'ListMetrics')}`,
    });
  }

  try {
    const end = Math.floor(options.now / 300_000) * 300_000;
    const query = probeQuery(firstMetric);
    const output = (await client.send(
      new GetMetricDataCommand({
        MetricDataQueries: [query],
        StartTime: new Date(end - 900_000),
        EndTime: new Date(end),
        MaxDatapoints: 10,
      }),
    )) as GetMetricDataOutput;
    const points = output.MetricDataResults?.[0]?.Values?.length ?? 0;
    const what = query.MetricStat
      ? `${firstMetric?.Namespace} ${firstMetric?.MetricName}`
      : 'a constant expression';
    lines.push({
      step: 'GetMetricData',
      ok: true,
      message: `GetMetricData works: ${points} datapoints of ${what} over the last 15 minutes`,
    });
  } catch (error) {
    lines.push({
      step: 'GetMetricData',
      ok: false,
      message: `GetMetricData: ${await explain(error, 'GetMetricData')}`,
    });
  }

  try {
    await client.send(new DescribeAlarmsCommand({ MaxRecords: 1 }));
    lines.push({
      step: 'DescribeAlarms',
      ok: true,
      message: 'DescribeAlarms works: alarm states can join the reasons',
    });
  } catch (error) {
    lines.push({
      step: 'DescribeAlarms',
      ok: false,
      message: `DescribeAlarms: ${await explain(error, 'DescribeAlarms')}`,
    });
  }
  return finish(lines, options.region);
}

function finish(lines: CheckLine[], region: string): CheckReport {
  const calls = lines.filter((l) => l.step !== 'credentials');
  const working = calls.filter((l) => l.ok).length;
  const ok = lines.every((l) => l.ok);
  let summary: string;
  if (calls.length === 0) summary = 'No call was made: there are no credentials to sign with yet.';
  else if (ok) summary = `Connected: this site can read CloudWatch in ${region}.`;
  else if (working === 0)
    summary = `Not working: none of the ${calls.length} calls to CloudWatch in ${region} succeeded.`;
  else summary = `Partly working: ${working} of ${calls.length} calls to CloudWatch in ${region} succeeded.`;
  return { lines, summary, ok };
}
