import { DescribeAlarmsCommand, GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { NOW, setupFakeCloudWatch } from '@bellwether/fake-cloudwatch/test-support';
import { describe, expect, test, vi } from 'vitest';
import { createCloudWatchClient } from './client';
import type { UnreachableCause } from './errors';
import {
  type CloudWatchSender,
  createWireProtocolStatus,
  senderOf,
  type WireProtocolStatus,
  withProtocolFallback,
} from './wire-protocol';

const WHERE = { endpoint: 'https://cw.example.com', region: 'eu-west-1' };
const command = new ListMetricsCommand({});
/** What fetch rejects with when the browser refuses a call: no HTTP status at all. */
const refused = (): Error => new TypeError('Failed to fetch');
const awsError = (name: string, status: number): Error =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

function sender(...outcomes: Array<unknown | Error>): CloudWatchSender & { calls: number } {
  let calls = 0;
  const { send } = senderOf(async () => {
    const outcome = outcomes[Math.min(calls, outcomes.length - 1)];
    calls += 1;
    if (outcome instanceof Error) throw outcome;
    return outcome;
  });
  return {
    send,
    get calls() {
      return calls;
    },
  };
}

function auto(cause: UnreachableCause | undefined): WireProtocolStatus {
  const status = createWireProtocolStatus(() => NOW);
  status.configure('auto', cause === undefined ? {} : { diagnose: async () => cause });
  return status;
}

describe('the session protocol status', () => {
  test.each([
    [undefined, 'auto', 'json'],
    ['auto', 'auto', 'json'],
    ['json', 'json', 'json'],
    ['query', 'query', 'query'],
  ] as const)('config %s → setting %s, speaking %s', (setting, expected, active) => {
    const status = createWireProtocolStatus();
    status.configure(setting);
    expect(status.state()).toEqual({ setting: expected, active, notice: undefined });
  });

  test('switches once, tells its listeners, keeps the same snapshot until something changes', () => {
    const status = auto('cors');
    const listener = vi.fn();
    status.subscribe(listener);
    const before = status.state();
    expect(status.state()).toBe(before);
    status.fellBack(WHERE);
    status.fellBack({ endpoint: 'https://other.example.com', region: 'us-east-1' });
    expect(listener).toHaveBeenCalledTimes(1);
    const after = status.state();
    expect(after.active).toBe('query');
    expect(after.notice).toMatchObject({ from: 'json', to: 'query', ...WHERE, at: NOW });
    expect(after.notice?.message).toContain(
      'CloudWatch at https://cw.example.com in eu-west-1 did not let this page use the JSON protocol',
    );
    expect(after.notice?.message).toContain('"protocol": "query"');
    status.dismissNotice();
    expect(status.state()).toEqual({ setting: 'auto', active: 'query', notice: undefined });
    status.fellBack(WHERE);
    expect(status.state().notice).toBeUndefined();
  });

  test('a setting of json never switches', () => {
    const status = createWireProtocolStatus();
    status.configure('json', { diagnose: async () => 'cors' });
    status.fellBack(WHERE);
    expect(status.state().active).toBe('json');
  });
});

describe('withProtocolFallback', () => {
  test('a JSON call the browser refused at an endpoint that is up, and refused again, is sent in query, and the session switches', async () => {
    const status = auto('cors');
    const json = sender(refused());
    const query = sender({ Metrics: [] });
    const client = withProtocolFallback({ json: () => json, query: () => query }, WHERE, status);
    expect(await client.send(command)).toEqual({ Metrics: [] });
    expect(status.state().active).toBe('query');
    expect(await client.send(command)).toEqual({ Metrics: [] });
    expect([json.calls, query.calls]).toEqual([2, 2]);
  });

  test('a network loss that has passed by the time the endpoint answers the probe never switches', async () => {
    const status = auto('cors');
    const json = sender(refused(), { Metrics: [{ MetricName: 'back' }] });
    const query = sender({ Metrics: [] });
    const client = withProtocolFallback({ json: () => json, query: () => query }, WHERE, status);
    expect(await client.send(command)).toEqual({ Metrics: [{ MetricName: 'back' }] });
    expect(status.state().active).toBe('json');
    expect([json.calls, query.calls]).toEqual([2, 0]);
  });

  test('a query answer that is an AWS error still proves the preflight passed: switch, and that error stands', async () => {
    const status = auto('cors');
    const throttled = awsError('Throttling', 400);
    const client = withProtocolFallback(
      { json: () => sender(refused()), query: () => sender(throttled) },
      WHERE,
      status,
    );
    await expect(client.send(command)).rejects.toBe(throttled);
    expect(status.state().active).toBe('query');
  });

  test.each([
    ['the network is down', 'network', refused(), { Metrics: [] }],
    ['the browser cannot tell', 'unknown', refused(), { Metrics: [] }],
    ['the page’s CSP refused it', 'csp', refused(), { Metrics: [] }],
    ['the query call is refused as well', 'cors', refused(), refused()],
  ] as const)('no switch when %s: the JSON error stands', async (_what, cause, first, second) => {
    const status = auto(cause);
    const json = sender(first);
    const query = sender(second);
    const client = withProtocolFallback({ json: () => json, query: () => query }, WHERE, status);
    await expect(client.send(command)).rejects.toBe(first);
    expect(status.state()).toMatchObject({ active: 'json', notice: undefined });
    expect(query.calls).toBe(cause === 'cors' ? 1 : 0);
  });

  test('an HTTP answer over JSON, an abort, or no diagnosis at all never tries query', async () => {
    const denied = awsError('AccessDenied', 403);
    const aborted = Object.assign(new Error('aborted'), { name: 'AbortError' });
    for (const [status, error] of [
      [auto('cors'), denied],
      [auto('cors'), aborted],
      [auto(undefined), refused()],
    ] as const) {
      const query = sender({});
      const client = withProtocolFallback({ json: () => sender(error), query: () => query }, WHERE, status);
      await expect(client.send(command)).rejects.toBe(error);
      expect(query.calls).toBe(0);
    }
  });

  test('calls failing at once switch the session once', async () => {
    const status = auto('cors');
    const listener = vi.fn();
    status.subscribe(listener);
    const client = withProtocolFallback(
      { json: () => sender(refused()), query: () => sender({ Metrics: [] }) },
      WHERE,
      status,
    );
    await Promise.all([client.send(command), client.send(command), client.send(command)]);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe("the app's client over the query protocol, against the simulated account", () => {
  const fake = setupFakeCloudWatch();
  const credentials = { accessKeyId: 'AKIAFAKE', secretAccessKey: 'secret' };

  test('sends form-encoded requests and reads the same output shapes as over JSON', async () => {
    const input = {
      StartTime: new Date(NOW - 15 * 60_000),
      EndTime: new Date(NOW),
      MetricDataQueries: [{ Id: 'e', Expression: 'TIME_SERIES(1)', Period: 300 }],
    };
    const overQuery = createCloudWatchClient({ region: 'us-east-1', credentials, protocol: 'query' });
    const overJson = createCloudWatchClient({ region: 'us-east-1', credentials, protocol: 'json' });
    const { $metadata: _q, ...fromQuery } = await overQuery.send(new GetMetricDataCommand(input));
    expect(fake.calls.at(-1)?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const { $metadata: _j, ...fromJson } = await overJson.send(new GetMetricDataCommand(input));
    expect(fake.calls.at(-1)?.headers['x-amz-target']).toBe('GraniteServiceVersion20100801.GetMetricData');
    expect(fromQuery).toEqual(fromJson);
    expect(fromQuery.MetricDataResults?.[0]?.Values).toEqual([1, 1, 1]);

    const alarms = await overQuery.send(
      new DescribeAlarmsCommand({ AlarmNames: ['checkout-prod-p99-high'] }),
    );
    expect(alarms.MetricAlarms?.[0]?.StateUpdatedTimestamp).toBeInstanceOf(Date);
  });

  test('follows the session setting when none is given', async () => {
    const status = createWireProtocolStatus();
    status.configure('query');
    const client = createCloudWatchClient({ region: 'us-east-1', credentials, status });
    await client.send(new ListMetricsCommand({ Namespace: 'AWS/Billing' }));
    expect(fake.calls.at(-1)?.headers['x-amz-target']).toBeUndefined();
  });
});
