import { DescribeAlarmsCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { NOW } from '@bellwether/fake-cloudwatch/test-support';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createCloudWatchClient } from '../src/data/cloudwatch/client';
import { toCloudWatchError } from '../src/data/cloudwatch/errors';
import { createMetricsSource } from '../src/data/source-config';
import { answerPreflight, type LoopbackCloudWatch, startLoopbackCloudWatch } from './fake-cloudwatch-server';

let server: LoopbackCloudWatch;
beforeAll(async () => {
  server = await startLoopbackCloudWatch({ now: () => NOW });
});
afterEach(() => {
  server.faults.clear();
  server.deny.clear();
  server.calls.length = 0;
});
afterAll(() => server.close());

const credentials = { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' };
const SDK_HEADERS =
  'amz-sdk-invocation-id,amz-sdk-request,authorization,content-type,x-amz-date,x-amz-security-token,x-amz-target,x-amz-user-agent,x-amzn-query-mode';

describe('CORS preflight answered the way AWS endpoints answer it', () => {
  test('allows the SigV4 and SDK headers from any origin, and caches the answer', async () => {
    const response = await fetch(server.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:4173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': SDK_HEADERS,
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')?.split(', ')).toEqual(SDK_HEADERS.split(','));
    expect(response.headers.get('access-control-max-age')).toBe('172800');
    expect(server.preflights.at(-1)).toMatchObject({ origin: 'http://127.0.0.1:4173', allowed: true });
  });

  test.each([
    ['POST', 'authorization,x-custom-header', false],
    ['DELETE', 'authorization', false],
    [undefined, '', false],
    ['post', 'X-Amz-Target, Content-Type', true],
  ])('method %s with headers %s → allowed %s', (method, headers, allowed) => {
    expect(answerPreflight(method, headers).allowed).toBe(allowed);
  });

  const QUERY_HEADERS =
    'amz-sdk-invocation-id,amz-sdk-request,authorization,x-amz-date,x-amz-security-token,x-amz-user-agent';
  test.each([
    [SDK_HEADERS, false],
    ['authorization,x-amz-date,x-amz-target', false],
    ['authorization,x-amzn-query-mode', false],
    [QUERY_HEADERS, true],
  ])('refusing the JSON protocol, headers %s → allowed %s', (headers, allowed) => {
    expect(answerPreflight('POST', headers, true).allowed).toBe(allowed);
    expect(answerPreflight('POST', headers, false).allowed).toBe(true);
  });

  test('a refused preflight carries no CORS headers, so the browser blocks the call', async () => {
    const response = await fetch(server.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-secret',
      },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the simulated account over loopback HTTP, through the real SDK', () => {
  test('answers ListMetrics and exposes only the request id to pages', async () => {
    const client = createCloudWatchClient({ region: 'us-east-1', credentials, endpoint: server.url });
    const page = await client.send(new ListMetricsCommand({ Namespace: 'Shop/Checkout' }));
    expect(page.Metrics?.length).toBeGreaterThan(0);
    const raw = await fetch(server.url, { method: 'POST', headers: { origin: 'http://x' } });
    expect(raw.headers.get('access-control-allow-origin')).toBe('*');
    expect(raw.headers.get('access-control-expose-headers')).toBe('x-amzn-requestid');
  });

  test('a dashboard source pointed at it gets series, with the session token on the wire', async () => {
    const source = createMetricsSource(
      { kind: 'custom-endpoint', endpoint: server.url, credentials },
      { now: () => NOW },
    );
    const report = await source.fetchSeries([
      {
        ref: 'orders',
        query: {
          kind: 'metric',
          metric: {
            namespace: 'Shop/Checkout',
            name: 'OrdersPlaced',
            dimensions: { Environment: 'prod' },
            stat: 'Sum',
          },
        },
        region: 'eu-west-1',
        window: { start: NOW - 3_600_000, end: NOW },
        period: 300,
      },
    ]);
    expect(report.results.orders?.series[0]?.points.length).toBeGreaterThan(0);
    expect(server.calls.at(-1)?.headers['x-amz-security-token']).toBe('token');
    expect(server.calls.at(-1)?.headers.authorization).toContain('/eu-west-1/monitoring/aws4_request');
  });

  test("speaks the query protocol to the app's client too: form-encoded in, XML out", async () => {
    const client = createCloudWatchClient({
      region: 'us-east-1',
      credentials,
      endpoint: server.url,
      protocol: 'query',
    });
    const page = await client.send(new ListMetricsCommand({ Namespace: 'Shop/Checkout' }));
    expect(page.Metrics?.length).toBeGreaterThan(0);
    expect(server.calls.at(-1)?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(server.calls.at(-1)?.headers['x-amz-target']).toBeUndefined();
  });

  test('refuses unsigned requests as AWS does', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: {
        'x-amz-target': 'GraniteServiceVersion20100801.ListMetrics',
        'content-type': 'application/x-amz-json-1.0',
      },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      __type: expect.stringContaining('MissingAuthenticationToken'),
    });
  });

  test('AccessDenied for an operation the policy lacks names the IAM action', async () => {
    server.deny.add('DescribeAlarms');
    const client = createCloudWatchClient({ region: 'us-east-1', credentials, endpoint: server.url });
    const error = await client
      .send(new DescribeAlarmsCommand({ AlarmNames: ['checkout-prod-p99-high'] }))
      .catch((e: unknown) => e);
    const mapped = toCloudWatchError(error, {
      operation: 'DescribeAlarms',
      region: 'us-east-1',
      endpoint: server.url,
    });
    expect(mapped).toMatchObject({ code: 'AccessDenied', retryable: false });
    expect(mapped.message).toContain('grant the IAM action cloudwatch:DescribeAlarms');
  });

  test.each([
    ['throttle', 'Throttling'],
    ['expired', 'ExpiredToken'],
    ['5xx', 'ServerError'],
    ['network', 'Network'],
  ] as const)('fault %s over HTTP → %s', async (fault, code) => {
    server.faults.inject(fault);
    const client = createCloudWatchClient({ region: 'us-east-1', credentials, endpoint: server.url });
    const error = await client.send(new ListMetricsCommand({})).catch((e: unknown) => e);
    expect(
      toCloudWatchError(error, { operation: 'ListMetrics', region: 'us-east-1', endpoint: server.url }).code,
    ).toBe(code);
  });
});
