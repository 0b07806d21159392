import { DescribeAlarmsCommand, GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { describe, expect, test } from 'vitest';
import { cloudWatchClient, failure, metricQuery, NOW, setupFakeCloudWatch } from '../../test-support';
import { isCloudWatchRequest } from '../serve';
import { API_VERSION, FORM_CONTENT_TYPE, XML_NAMESPACE } from './protocol';

const fake = setupFakeCloudWatch();
const client = cloudWatchClient(1, 'query');
const SIGNED = {
  authorization:
    'AWS4-HMAC-SHA256 Credential=AKIA/20250521/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=abc',
  'x-amz-date': '20250521T140000Z',
};

function post(
  body: string,
  headers: Record<string, string> = SIGNED,
  url = 'https://monitoring.us-east-1.amazonaws.com/',
): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': FORM_CONTENT_TYPE, ...headers }, body });
}

describe('the query protocol as the installed SDK speaks it (awsQuery)', () => {
  test('requests are form-encoded POSTs naming Action and Version, with no JSON target, signed with SigV4', async () => {
    await client.send(new ListMetricsCommand({ Namespace: 'AWS/SQS' }));
    const call = fake.calls.at(-1);
    expect(call?.operation).toBe('ListMetrics');
    expect(call?.headers['content-type']).toBe(FORM_CONTENT_TYPE);
    expect(call?.headers['x-amz-target']).toBeUndefined();
    expect(call?.headers['x-amzn-query-mode']).toBeUndefined();
    expect(call?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAFAKEFAKEFAKE\/\d{8}\/us-east-1\/monitoring\//,
    );
    expect(call?.body).toEqual({ Namespace: 'AWS/SQS' });
  });

  test('timestamps travel as ISO 8601 both ways, and reach the core as the JSON protocol hands them on', async () => {
    const out = await client.send(
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

  test('the answer is XML in CloudWatch namespace, wrapped in Response and Result, with the request id', async () => {
    const body = `Action=ListMetrics&Version=${API_VERSION}&Namespace=AWS%2FBilling`;
    const response = await post(body, SIGNED, 'http://127.0.0.1:4599/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml');
    const id = response.headers.get('x-amzn-requestid');
    expect(await response.text()).toBe(
      `<ListMetricsResponse xmlns="${XML_NAMESPACE}"><ListMetricsResult><Metrics><member>` +
        '<Namespace>AWS/Billing</Namespace><MetricName>EstimatedCharges</MetricName>' +
        '<Dimensions><member><Name>Currency</Name><Value>USD</Value></member></Dimensions>' +
        `</member></Metrics></ListMetricsResult><ResponseMetadata><RequestId>${id}</RequestId>` +
        '</ResponseMetadata></ListMetricsResponse>',
    );
  });

  test('`Operation` is read as Action, as the API reference allows for backward compatibility', async () => {
    const response = await post(`Operation=ListMetrics&Version=${API_VERSION}&Namespace=AWS%2FBilling`);
    expect(response.status).toBe(200);
    expect(fake.calls.at(-1)?.operation).toBe('ListMetrics');
  });

  test('errors are an ErrorResponse with Type, Code, Message and RequestId, at the error status', async () => {
    const response = await post(`Action=DescribeAlarms&Version=${API_VERSION}&MaxRecords=500`);
    expect(response.status).toBe(400);
    const id = response.headers.get('x-amzn-requestid');
    expect(await response.text()).toBe(
      `<ErrorResponse xmlns="${XML_NAMESPACE}"><Error><Type>Sender</Type><Code>InvalidParameterValue</Code>` +
        '<Message>The value 500 for parameter MaxRecords is not valid. It must be between 1 and 100.</Message>' +
        `</Error><RequestId>${id}</RequestId></ErrorResponse>`,
    );
  });

  test.each([
    ['no Authorization', `Action=ListMetrics&Version=${API_VERSION}`, {}, 403, 'MissingAuthenticationToken'],
    ['no Action', `Version=${API_VERSION}`, SIGNED, 400, 'InvalidAction'],
    ['an unknown Action', `Action=PutMetricData&Version=${API_VERSION}`, SIGNED, 400, 'InvalidAction'],
    ['another API version', 'Action=ListMetrics&Version=2009-05-15', SIGNED, 400, 'InvalidAction'],
    ['no Version', 'Action=ListMetrics', SIGNED, 400, 'MissingParameter'],
    [
      'a value of the wrong type',
      `Action=DescribeAlarms&Version=${API_VERSION}&MaxRecords=ten`,
      SIGNED,
      400,
      'InvalidParameterValue',
    ],
  ])('%s is answered in XML with its code', async (_what, body, headers, status, code) => {
    const response = await post(body, headers);
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(`<Code>${code}</Code>`);
  });

  test('a server fault is Type Receiver', async () => {
    fake.faults.serverError({ status: 500, times: 1 });
    const response = await post(`Action=ListMetrics&Version=${API_VERSION}`);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('<Type>Receiver</Type><Code>InternalServiceError</Code>');
  });

  test('messages with XML characters are escaped and read back whole by the SDK', async () => {
    const error = await failure(
      client.send(
        new GetMetricDataCommand({
          StartTime: new Date(NOW - 3_600_000),
          EndTime: new Date(NOW),
          MetricDataQueries: [{ Id: 'e1', Expression: 'a < "b" & c', Period: 60 }],
        }),
      ),
    );
    expect(error.name).toBe('ValidationException');
    expect(error.Code).toBe('ValidationError');
    expect(error.message).toContain('e1');
  });

  test('SDK exceptions carry the same names and codes as over JSON', async () => {
    const error = await failure(client.send(new DescribeAlarmsCommand({ MaxRecords: 0 })));
    expect(error.name).toBe('InvalidParameterValueException');
    expect(error.Code).toBe('InvalidParameterValue');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

test("a form post elsewhere is the account's only when it is signed for CloudWatch", () => {
  const form = (headers: Record<string, string>): Request =>
    new Request('https://auth.example.com/oauth2/token', {
      method: 'POST',
      headers: { 'content-type': `${FORM_CONTENT_TYPE}; charset=utf-8`, ...headers },
      body: 'grant_type=authorization_code',
    });
  expect(isCloudWatchRequest(form({}))).toBe(false);
  expect(
    isCloudWatchRequest(form({ authorization: SIGNED.authorization.replace('monitoring', 'sts') })),
  ).toBe(false);
  expect(isCloudWatchRequest(form(SIGNED))).toBe(true);
});
