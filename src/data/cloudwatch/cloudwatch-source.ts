import {
  type CloudWatchClient,
  DescribeAlarmsCommand,
  type DescribeAlarmsOutput,
} from '@aws-sdk/client-cloudwatch';
import type {
  AlarmState,
  AlarmStateValue,
  FetchReport,
  MetricsSource,
  SeriesRequest,
} from '../metrics-source';
import {
  type CloudWatchClientOptions,
  type CredentialsInput,
  createCloudWatchClient,
  endpointFor,
} from './client';
import { isAbort, toCloudWatchError } from './errors';
import { executePlan } from './execute-plan';
import { planQueries } from './planner';

export interface CloudWatchSourceConfig {
  credentials: CredentialsInput;
  /** A loopback or custom endpoint for every region; the regional AWS endpoints when absent. */
  endpoint?: string;
  /** Clock for period choice and fetchedAt; Date.now when absent. */
  now?: () => number;
  /** Builds the client for a region; createCloudWatchClient when absent (tests pass their own). */
  createClient?: (options: CloudWatchClientOptions) => Pick<CloudWatchClient, 'send'>;
}

/** AlarmNames takes at most 100 names per DescribeAlarms call. */
const ALARM_NAMES_PER_CALL = 100;
const MAX_ALARM_PAGES = 50;

/**
 * The MetricsSource backed by CloudWatch's API (a real account, a custom endpoint, or the simulated
 * account the msw worker answers for): plans the requests, runs the calls, one client per region.
 */
export function createCloudWatchSource(config: CloudWatchSourceConfig): MetricsSource {
  const clients = new Map<string, Pick<CloudWatchClient, 'send'>>();
  const now = config.now ?? Date.now;
  const endpointOf = (region: string): string => endpointFor(region, config.endpoint);
  const clientFor = (region: string): Pick<CloudWatchClient, 'send'> => {
    let client = clients.get(region);
    if (!client) {
      const options: CloudWatchClientOptions = {
        region,
        credentials: config.credentials,
        ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
      };
      client = (config.createClient ?? createCloudWatchClient)(options);
      clients.set(region, client);
    }
    return client;
  };

  return {
    async fetchSeries(requests: SeriesRequest[], signal?: AbortSignal): Promise<FetchReport> {
      const plan = planQueries(requests, { now: now() });
      const received = { bytes: 0 };
      const report = await executePlan(plan, requests, {
        clientFor: (region) => countingBytes(clientFor(region), received),
        endpointFor: endpointOf,
        now,
        ...(signal === undefined ? {} : { signal }),
      });
      const queries = plan.batches.flatMap((batch) => batch.queries);
      return {
        ...report,
        queries: queries.length,
        metrics: queries.filter((q) => q.MetricStat).length,
        bytes: received.bytes,
      };
    },

    async describeAlarms(region: string, names: string[], signal?: AbortSignal): Promise<AlarmState[]> {
      const unique = [...new Set(names)];
      const states: AlarmState[] = [];
      for (let i = 0; i < unique.length; i += ALARM_NAMES_PER_CALL) {
        const chunk = unique.slice(i, i + ALARM_NAMES_PER_CALL);
        let token: string | undefined;
        let pages = 0;
        do {
          signal?.throwIfAborted();
          const command = new DescribeAlarmsCommand({
            AlarmNames: chunk,
            AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
            ...(token === undefined ? {} : { NextToken: token }),
          });
          let page: DescribeAlarmsOutput;
          try {
            page = await clientFor(region).send(command, { abortSignal: signal });
          } catch (error) {
            if (isAbort(error, signal)) throw error;
            throw toCloudWatchError(error, {
              operation: 'DescribeAlarms',
              region,
              endpoint: endpointOf(region),
            });
          }
          states.push(...alarmStates(page));
          pages += 1;
          token = page.NextToken && page.NextToken !== token ? page.NextToken : undefined;
        } while (token !== undefined && pages < MAX_ALARM_PAGES);
      }
      return states;
    },
  };
}

function alarmStates(page: DescribeAlarmsOutput): AlarmState[] {
  const alarms = [...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? [])];
  return alarms.flatMap((alarm) => {
    if (!alarm.AlarmName || !isStateValue(alarm.StateValue)) return [];
    return [
      {
        name: alarm.AlarmName,
        state: alarm.StateValue,
        reason: alarm.StateReason ?? '',
        updatedAt: alarm.StateUpdatedTimestamp ? new Date(alarm.StateUpdatedTimestamp).getTime() : 0,
      },
    ];
  });
}

function isStateValue(value: unknown): value is AlarmStateValue {
  return value === 'OK' || value === 'ALARM' || value === 'INSUFFICIENT_DATA';
}

type Sender = Pick<CloudWatchClient, 'send'>;
const counted = new WeakSet<object>();
interface RawResponse {
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

/**
 * The client with each answer's size added to `received`: its Content-Length, or, when the transport
 * sent none (a service worker's answer), the bytes of its body, read before the SDK parses them. The
 * handler sits inside the deserializer (step deserialize, low priority), so it sees the raw response.
 */
function countingBytes(client: Sender, received: { bytes: number }): Sender {
  const send = (command: Parameters<Sender['send']>[0], options?: unknown): Promise<unknown> => {
    // A command sent again (the protocol fallback) is counted by the handler it already has.
    if (counted.has(command))
      return (client.send as (c: unknown, o?: unknown) => Promise<unknown>)(command, options);
    counted.add(command);
    command.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const response = result.response as RawResponse | undefined;
        const length = Number(response?.headers?.['content-length'] ?? Number.NaN);
        if (Number.isFinite(length)) {
          received.bytes += length;
        } else if (response?.body instanceof Uint8Array) {
          received.bytes += response.body.byteLength;
        } else if (isAsyncIterable(response?.body)) {
          const body = await collect(response.body);
          if (response) response.body = body;
          received.bytes += body.byteLength;
        }
        return result;
      },
      { step: 'deserialize', priority: 'low', name: 'bellwetherReceivedBytes' },
    );
    return (client.send as (c: unknown, o?: unknown) => Promise<unknown>)(command, options);
  };
  return { send: send as unknown as Sender['send'] };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | undefined)?.[Symbol.asyncIterator] === 'function';
}

/** A body stream (a browser ReadableStream, a Node IncomingMessage) read whole into one array. */
async function collect(stream: AsyncIterable<unknown>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array));
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
