/**
 * Every error the app can meet talking to CloudWatch, produced by the simulated account's fault injection
 * through the real SDK, and the words the app shows for it.
 */

import { NOW, setupFakeCloudWatch } from '@bellwether/fake-cloudwatch/test-support';
import { describe, expect, test } from 'vitest';
import { parseAppConfig } from './app-config';
import type { AppConfig } from './app-config-schema';
import type { CloudWatchError } from './cloudwatch/errors';
import { createConnection } from './credentials/connection';
import type { SeriesRequest } from './metrics-source';
import { createMetricsSource, sourceConfigFor } from './source-config';

const fake = setupFakeCloudWatch();
const HOUR = 3_600_000;

function orders(ref = 'orders', extra: Partial<SeriesRequest> = {}): SeriesRequest {
  return {
    ref,
    query: {
      kind: 'metric',
      metric: {
        namespace: 'Shop/Checkout',
        name: 'OrdersPlaced',
        dimensions: { Environment: 'prod' },
        stat: 'Sum',
      },
    },
    region: 'us-east-1',
    window: { start: NOW - HOUR, end: NOW },
    period: 60,
    ...extra,
  };
}

// Without the series cache, so every fetch meets the fault injected for it.
const source = createMetricsSource({ kind: 'demo' }, { now: () => NOW, cache: false });

describe('faults from the simulated account become errors that say what to do', () => {
  test.each([
    ['throttle', 'Throttling', true, 'throttling requests'],
    ['expired', 'ExpiredToken', false, 'pasting new ones at /connect'],
    ['5xx', 'ServerError', true, 'HTTP 500'],
    ['503', 'ServerError', true, 'HTTP 503'],
    ['network', 'Network', true, 'Check connection'],
  ] as const)('%s → %s', async (fault, code, retryable, words) => {
    fake.faults.inject(fault);
    const error = await source.fetchSeries([orders()]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code, retryable });
    expect((error as Error).message).toContain(words);
  });

  test('a network failure is told apart from CORS and CSP when a diagnosis is available', async () => {
    fake.faults.network();
    for (const [cause, code, words] of [
      ['cors', 'Cors', 'refused to let the page read it (CORS)'],
      [
        'csp',
        'Csp',
        'Content-Security-Policy blocked the call to https://monitoring.us-east-1.amazonaws.com',
      ],
      ['network', 'Network', 'no answer at all'],
    ] as const) {
      const diagnosed = createMetricsSource(
        { kind: 'demo' },
        { now: () => NOW, diagnose: async () => cause },
      );
      const error = await diagnosed.fetchSeries([orders()]).catch((e: unknown) => e);
      expect(error).toMatchObject({ code, message: expect.stringContaining(words) });
    }
  });

  test('DescribeAlarms errors name the operation too', async () => {
    fake.faults.expiredToken({ operations: ['DescribeAlarms'] });
    await expect(source.describeAlarms('us-east-1', ['checkout-prod-p99-high'])).rejects.toMatchObject({
      code: 'ExpiredToken',
    });
  });

  test('partial data keeps its CloudWatch message and gains a remedy', async () => {
    fake.faults.partialData();
    const report = await source.fetchSeries([orders()]);
    const result = report.results.orders;
    expect(result?.complete).toBe(false);
    expect(result?.messages).toContainEqual(
      expect.objectContaining({
        code: 'InternalError',
        scope: 'result',
        remedy: expect.stringMatching(/\S/),
      }),
    );
  });

  test('an invalid expression names the KPI field CloudWatch objected to', async () => {
    const bad = orders('bad', { query: { kind: 'math', expression: 'SUM(', metrics: {} } });
    const report = await source.fetchSeries([bad, orders()]);
    expect(report.results.bad?.error).toMatchObject({
      code: 'InvalidQuery',
      message: expect.stringContaining("the KPI's math expression"),
    });
    expect(report.results.orders?.error).toBeUndefined();
  });
});

describe('credentials CloudWatch refuses as expired, through the real SDK', () => {
  /** Far ahead of any clock: the local clock believes these credentials fresh (skew, early revocation). */
  const FRESH_UNTIL = new Date(Date.UTC(2099, 0, 1));
  const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

  /** The access key id the last request to the simulated account was signed with. */
  function signedWith(): string | undefined {
    const authorization = fake.calls.at(-1)?.headers.authorization ?? '';
    return /Credential=([A-Z0-9]+)\//.exec(authorization)?.[1];
  }

  function connect(
    credentials: AppConfig['credentials'],
    issue?: () => number,
  ): ReturnType<typeof createConnection> {
    return createConnection(
      { regions: ['us-east-1'], credentials },
      {
        cognito: () => async () => ({
          accessKeyId: `ASIACOGNITO${String(issue?.()).padStart(9, '0')}`,
          secretAccessKey: SECRET,
          sessionToken: 'token',
          expiration: FRESH_UNTIL,
        }),
      },
    );
  }

  test('Cognito: after ExpiredToken the next call signs with newly fetched credentials', async () => {
    let issued = 0;
    const connection = connect(
      { source: 'cognito-guest', identityPoolId: 'us-east-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789' },
      () => ++issued,
    );
    const cognito = createMetricsSource(sourceConfigFor(connection), { now: () => NOW, cache: false });
    await cognito.fetchSeries([orders()]);
    await cognito.fetchSeries([orders()]);
    expect(signedWith()).toBe('ASIACOGNITO000000001');
    expect(issued).toBe(1);

    fake.faults.expiredToken({ times: 1 });
    const error = await cognito.fetchSeries([orders()]).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'ExpiredToken',
      retryable: true,
      message: expect.stringContaining('fetching new ones from Cognito automatically'),
    });
    expect(signedWith()).toBe('ASIACOGNITO000000001');

    await cognito.fetchSeries([orders()]);
    expect(signedWith()).toBe('ASIACOGNITO000000002');
    expect(issued).toBe(2);
  });

  test('pasted: ExpiredToken is not retried and says to paste new keys at /connect, which the next call uses', async () => {
    const connection = connect({ source: 'pasted', allowSessionStorage: false });
    connection.paste(
      { accessKeyId: 'ASIAPASTED0000000001', secretAccessKey: SECRET, sessionToken: 't' },
      false,
    );
    const pasted = createMetricsSource(sourceConfigFor(connection), { now: () => NOW, cache: false });
    await pasted.fetchSeries([orders()]);
    expect(signedWith()).toBe('ASIAPASTED0000000001');

    fake.faults.expiredToken({ times: 1 });
    const error = await pasted.fetchSeries([orders()]).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'ExpiredToken',
      retryable: false,
      message: expect.stringContaining('paste new ones at /connect'),
    });

    connection.paste(
      { accessKeyId: 'ASIAPASTED0000000002', secretAccessKey: SECRET, sessionToken: 't' },
      false,
    );
    await pasted.fetchSeries([orders()]);
    expect(signedWith()).toBe('ASIAPASTED0000000002');
  });
});

describe('sourceConfigFor', () => {
  const credentials = async () => ({ accessKeyId: 'ASIA', secretAccessKey: 's' });
  const refused = (error: CloudWatchError): CloudWatchError => error;
  test.each([
    [{ regions: ['us-east-1'], credentials: { source: 'demo' as const } }, 'demo'],
    [
      { regions: ['us-east-1'], credentials: { source: 'cognito-guest' as const, identityPoolId: 'x' } },
      'aws',
    ],
    [
      {
        regions: ['us-east-1'],
        endpoint: 'http://127.0.0.1:4566',
        credentials: { source: 'pasted' as const, allowSessionStorage: true },
      },
      'custom-endpoint',
    ],
  ])('%j → %s', (config, kind) => {
    expect(sourceConfigFor({ config, credentials, refused }).kind).toBe(kind);
  });

  test('source snapshot reads the relay under the site, falling back to the direct kind only when allowed', () => {
    const read = (text: string) => {
      const parsed = parseAppConfig(text);
      if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
      return sourceConfigFor({ config: parsed.config, credentials, refused }, { baseUrl: '/wall/' });
    };
    expect(read('{"source": "snapshot", "credentials": {"source": "none"}}')).toEqual({
      kind: 'snapshot',
      baseUrl: '/wall/snapshots/',
    });
    const backed = read(
      '{"source": "snapshot", "snapshots": {"path": "relay/", "fallback": "direct"}, "credentials": {"source": "cognito-guest", "identityPoolId": "eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789"}}',
    );
    expect(backed).toMatchObject({ kind: 'snapshot', baseUrl: '/wall/relay/', fallback: { kind: 'aws' } });
  });

  test('config.json: snapshots needs source snapshot, and a direct fallback needs what direct needs', () => {
    const errors = (text: string) => {
      const parsed = parseAppConfig(text);
      return parsed.ok ? [] : parsed.errors.map((e) => e.message);
    };
    expect(errors('{"snapshots": {}, "credentials": {"source": "demo"}}')).toEqual([
      'snapshots is read only with "source": "snapshot"; add it, or remove snapshots',
    ]);
    expect(
      errors(
        '{"source": "snapshot", "snapshots": {"fallback": "direct"}, "credentials": {"source": "none"}}',
      ),
    ).toEqual([expect.stringContaining("add endpoint with the proxy's URL")]);
    expect(errors('{"source": "relay", "credentials": {"source": "none"}}')).toEqual([
      expect.stringContaining('direct'),
    ]);
  });
});

describe('the series cache', () => {
  const metricDataCalls = (): number => fake.calls.filter((c) => c.operation === 'GetMetricData').length;

  test('is on by default: the same refresh at the same instant asks nothing', async () => {
    const cached = createMetricsSource({ kind: 'demo' }, { now: () => NOW });
    await cached.fetchSeries([orders()]);
    fake.clearCalls();
    const again = await cached.fetchSeries([orders()]);
    expect(metricDataCalls()).toBe(0);
    expect(again.results.orders?.series[0]?.points.length).toBeGreaterThan(50);
    expect(cached.stats?.()).toMatchObject({ fetches: 2, calls: 1, cacheEntries: 1 });
  });

  test('starts over when the connection gets other credentials', async () => {
    const connection = createConnection({
      regions: ['us-east-1'],
      credentials: { source: 'pasted', allowSessionStorage: false },
    });
    const secretAccessKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    connection.paste({ accessKeyId: 'ASIAPASTED0000000001', secretAccessKey, sessionToken: 't' }, false);
    const cached = createMetricsSource(sourceConfigFor(connection), { now: () => NOW });
    await cached.fetchSeries([orders()]);
    fake.clearCalls();
    await cached.fetchSeries([orders()]);
    expect(metricDataCalls()).toBe(0);
    connection.paste({ accessKeyId: 'ASIAPASTED0000000002', secretAccessKey, sessionToken: 't' }, false);
    await cached.fetchSeries([orders()]);
    expect(metricDataCalls()).toBe(1);
  });
});
