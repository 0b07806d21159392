import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { describe, expect, test } from 'vitest';
import { cloudWatchClient, failure, metricQuery, NOW, setupFakeCloudWatch } from '../../test-support';
import { CONTENT_TYPE, SERVICE_TARGET } from './protocol';

const fake = setupFakeCloudWatch();
const endpoint = 'https://monitoring.us-east-1.amazonaws.com/';

function rawPost(headers: Record<string, string>, body = '{}'): Promise<Response> {
  return fetch(endpoint, { method: 'POST', headers: { 'content-type': CONTENT_TYPE, ...headers }, body });
}

describe('the wire protocol the installed SDK speaks', () => {
  test('requests are awsJson1_0 POSTs with the Granite target, query mode and a SigV4 signature', async () => {
    await cloudWatchClient().send(new ListMetricsCommand({ Namespace: 'AWS/SQS' }));
    const call = fake.calls.at(-1);
    expect(call?.operation).toBe('ListMetrics');
    expect(call?.headers['x-amz-target']).toBe(`${SERVICE_TARGET}.ListMetrics`);
    expect(call?.headers['content-type']).toBe(CONTENT_TYPE);
    expect(call?.headers['x-amzn-query-mode']).toBe('true');
    expect(call?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAFAKEFAKEFAKE\/\d{8}\/us-east-1\/monitoring\/aws4_request/,
    );
    expect(call?.body).toEqual({ Namespace: 'AWS/SQS' });
  });

  test('timestamps travel as epoch seconds both ways', async () => {
    const out = await cloudWatchClient().send(
      new GetMetricDataCommand({
        StartTime: new Date(NOW - 10 * 60_000),
        EndTime: new Date(NOW),
        MetricDataQueries: [
          metricQuery('m1', 'Shop/Checkout', 'OrdersPlaced', { Environment: 'prod' }, 'Sum', 60),
        ],
      }),
    );
    const body = fake.calls.at(-1)?.body as { StartTime: unknown; EndTime: unknown };
    expect(body.StartTime).toBe((NOW - 10 * 60_000) / 1000);
    expect(body.EndTime).toBe(NOW / 1000);
    expect(out.MetricDataResults?.[0]?.Timestamps?.[0]).toEqual(new Date(NOW - 60_000));
  });

  test('a request without Authorization is refused like AWS does, before any operation runs', async () => {
    const response = await rawPost({ 'x-amz-target': `${SERVICE_TARGET}.ListMetrics` });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-query-error')).toBe('MissingAuthenticationToken;Sender');
    expect(await response.json()).toMatchObject({
      __type: expect.stringContaining('MissingAuthenticationToken'),
    });
  });

  test('an Authorization header that is not SigV4 is an IncompleteSignature', async () => {
    const response = await rawPost({
      'x-amz-target': `${SERVICE_TARGET}.ListMetrics`,
      authorization: 'Basic dXNlcjpwYXNz',
      'x-amz-date': '20250521T140000Z',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-query-error')).toBe('IncompleteSignature;Sender');
  });

  test('an unknown operation is answered with the unknown-operation error', async () => {
    const response = await rawPost({
      'x-amz-target': `${SERVICE_TARGET}.PutMetricData`,
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIA/20250521/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=abc',
      'x-amz-date': '20250521T140000Z',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-query-error')).toBe('InvalidAction;Sender');
    expect(await response.json()).toMatchObject({
      __type: 'com.amazon.coral.service#UnknownOperationException',
    });
  });

  test('any endpoint the caller configures is served when the request carries the CloudWatch target', async () => {
    const custom = new CloudWatchClient({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:4599',
      credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'x' },
      maxAttempts: 1,
    });
    const out = await custom.send(new ListMetricsCommand({ Namespace: 'AWS/Billing' }));
    expect(out.Metrics).toEqual([
      {
        Namespace: 'AWS/Billing',
        MetricName: 'EstimatedCharges',
        Dimensions: [{ Name: 'Currency', Value: 'USD' }],
      },
    ]);
  });

  test.each([
    // [what, queries, SDK exception name, query-protocol code]
    ['a bad Id', [{ Id: 'M1', Expression: 'TIME_SERIES(1)' }], 'ValidationException', 'ValidationError'],
    [
      'too many queries',
      Array.from({ length: 501 }, (_, i) => ({ Id: `e${i}`, Expression: 'TIME_SERIES(1)' })),
      'InvalidParameterValueException',
      'InvalidParameterValue',
    ],
  ])(
    '%s becomes an SDK exception named after the modeled shape, with the query code in Code',
    async (_what, queries, name, code) => {
      const error = await failure(
        cloudWatchClient().send(
          new GetMetricDataCommand({
            StartTime: new Date(NOW - 3_600_000),
            EndTime: new Date(NOW),
            MetricDataQueries: queries,
          }),
        ),
      );
      expect(error.name).toBe(name);
      expect(error.Code).toBe(code);
      expect(error.$metadata.httpStatusCode).toBe(400);
    },
  );
});
