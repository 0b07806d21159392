import { describe, expect, test } from 'vitest';
import {
  CloudWatchError,
  invalidQueryField,
  isAbort,
  isStaleCredentials,
  noCredentialsError,
  toCloudWatchError,
  toCredentialsError,
  withCredentialOrigin,
  withUnreachableCause,
} from './errors';

const ctx = {
  operation: 'GetMetricData',
  region: 'eu-west-1',
  endpoint: 'https://monitoring.eu-west-1.amazonaws.com',
};

function awsError(name: string, status: number, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status }, ...extra });
}

describe('toCloudWatchError', () => {
  test.each([
    [
      awsError('Throttling', 400, 'Rate exceeded'),
      'Throttling',
      true,
      'CloudWatch is throttling requests (Rate exceeded)',
    ],
    [awsError('ThrottlingException', 400, 'Rate exceeded'), 'Throttling', true, 'backing off'],
    [
      awsError('ExpiredToken', 403, 'The security token included in the request is expired'),
      'ExpiredToken',
      false,
      'credentials from Cognito are renewed automatically; pasted ones must be replaced by pasting new ones at /connect',
    ],
    [
      awsError('AccessDeniedException', 400, 'not authorized'),
      'AccessDenied',
      false,
      'IAM action cloudwatch:GetMetricData',
    ],
    [
      awsError('UnrecognizedClientException', 400, 'bad token'),
      'InvalidCredentials',
      false,
      'check the access key',
    ],
    [awsError('InternalServiceFault', 500, 'Internal service error.'), 'ServerError', true, 'HTTP 500'],
    [awsError('ServiceUnavailable', 503, 'try later'), 'ServerError', true, 'HTTP 503 ServiceUnavailable'],
    [
      awsError('InvalidParameterValueException', 400, 'Error in expression e0', {
        Code: 'InvalidParameterValue',
      }),
      'InvalidQuery',
      false,
      'Error in expression e0',
    ],
    [awsError('ValidationError', 400, 'bad'), 'InvalidQuery', false, 'bad'],
    [
      new TypeError('fetch failed'),
      'Network',
      true,
      'Could not reach CloudWatch at https://monitoring.eu-west-1.amazonaws.com',
    ],
    [
      awsError('SomethingNew', 400, 'odd'),
      'Unknown',
      false,
      'CloudWatch answered GetMetricData with SomethingNew',
    ],
  ])('%s → %s', (error, code, retryable, message) => {
    const mapped = toCloudWatchError(error, ctx);
    expect(mapped).toBeInstanceOf(CloudWatchError);
    expect(mapped).toMatchObject({ code, retryable });
    expect(mapped.message).toContain(message);
    expect(mapped.cause).toBe(error);
  });

  test('keeps the HTTP status and the AWS code for logs', () => {
    const mapped = toCloudWatchError(awsError('Throttling', 400, 'Rate exceeded'), ctx);
    expect(mapped.httpStatus).toBe(400);
    expect(mapped.awsCode).toBe('Throttling');
  });

  test('names the operation that was denied', () => {
    const mapped = toCloudWatchError(awsError('AccessDenied', 403, 'no'), {
      ...ctx,
      operation: 'DescribeAlarms',
    });
    expect(mapped.message).toContain('cloudwatch:DescribeAlarms');
  });
});

describe('isAbort', () => {
  test('recognises cancellation by the error or the signal', () => {
    const controller = new AbortController();
    expect(isAbort(new DOMException('aborted', 'AbortError'))).toBe(true);
    expect(isAbort(new Error('other'))).toBe(false);
    controller.abort();
    expect(isAbort(new Error('other'), controller.signal)).toBe(true);
  });
});

describe('invalidQueryField', () => {
  test.each([
    ['The value p99.9x for parameter MetricDataQueries.member.1.MetricStat.Stat is invalid.', 'query stat'],
    ['The parameter MetricDataQueries.member.1.MetricStat.Period must be a multiple of 60.', 'query period'],
    ['Error in expression e1: Unbalanced parenthesis', 'math expression'],
    ['Metrics Insights query syntax error near FROM', 'Metrics Insights sql'],
    ['The parameter StartTime must be less than EndTime', 'time range'],
    ['Something else entirely', undefined],
  ])('%s → %s', (message, field) => {
    expect(invalidQueryField(message)).toBe(field);
  });
});

describe('withUnreachableCause', () => {
  const network = toCloudWatchError(new TypeError('Failed to fetch'), ctx);
  test.each([
    ['network', 'Network', true, ['no answer at all', 'VPN']],
    ['cors', 'Cors', false, ['refused to let the page read it (CORS)', 'x-amzn-query-mode']],
    ['csp', 'Csp', false, ['Content-Security-Policy blocked', 'connect-src']],
    ['unknown', 'Network', true, ['does not say why', 'network or VPN', 'CORS preflight', 'X-Amz-Target']],
  ] as const)('%s → %s, retryable %s', (cause, code, retryable, words) => {
    const explained = withUnreachableCause(network, cause, ctx.endpoint);
    expect(explained).toMatchObject({ code, retryable, region: 'eu-west-1', endpoint: ctx.endpoint });
    for (const w of [...words, `${ctx.endpoint} in eu-west-1`]) expect(explained.message).toContain(w);
  });

  test('the undiagnosed network error names the endpoint and region too', () => {
    expect(network.message).toContain(
      'CloudWatch at https://monitoring.eu-west-1.amazonaws.com in eu-west-1',
    );
    expect(network).toMatchObject({ code: 'Network', retryable: true, region: 'eu-west-1' });
  });

  test('a region given with the endpoint wins over the one the error carries', () => {
    expect(withUnreachableCause(network, 'csp', 'https://cw.example.com', 'ap-south-1').message).toContain(
      'https://cw.example.com in ap-south-1',
    );
  });

  test('leaves errors that had an HTTP answer alone', () => {
    const throttled = toCloudWatchError(awsError('Throttling', 400, 'Rate exceeded'), ctx);
    expect(withUnreachableCause(throttled, 'cors', ctx.endpoint)).toBe(throttled);
  });
});

describe('credentials CloudWatch refused', () => {
  const pool = 'eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789';
  const expired = toCloudWatchError(awsError('ExpiredToken', 403, 'The security token is expired'), ctx);
  const unknownToken = toCloudWatchError(
    awsError('UnrecognizedClientException', 400, 'The security token included in the request is invalid'),
    ctx,
  );

  test.each([
    ['ExpiredToken from CloudWatch', expired, true],
    [
      'RequestExpired from CloudWatch (the clock, not the credentials)',
      toCloudWatchError(awsError('RequestExpired', 400, 'old'), ctx),
      false,
    ],
    ['UnrecognizedClientException from CloudWatch', unknownToken, true],
    [
      'SignatureDoesNotMatch (a new set would be signed the same way)',
      toCloudWatchError(awsError('SignatureDoesNotMatch', 403, 'bad signature'), ctx),
      false,
    ],
    [
      'Cognito refusing an expired sign-in',
      toCredentialsError(awsError('NotAuthorizedException', 400, 'Token expired'), pool, true),
      false,
    ],
    [
      'Cognito not knowing the pool',
      toCredentialsError(awsError('ResourceNotFoundException', 400, 'no pool'), pool, false),
      false,
    ],
    ['throttling', toCloudWatchError(awsError('Throttling', 400, 'Rate exceeded'), ctx), false],
    ['a plain Error', new Error('ExpiredToken'), false],
  ])('%s: stale credentials is %s', (_name, error, stale) => {
    expect(isStaleCredentials(error)).toBe(stale);
  });

  test.each([
    [
      expired,
      'cognito',
      true,
      'CloudWatch refused the credentials as expired (The security token is expired); fetching new ones from Cognito automatically',
    ],
    [
      unknownToken,
      'cognito',
      true,
      'did not accept the credentials (The security token included in the request is invalid); fetching new ones from Cognito',
    ],
    [
      expired,
      'pasted',
      false,
      'The pasted AWS credentials have expired (The security token is expired) — paste new ones at /connect',
    ],
    [unknownToken, 'pasted', false, 'check them and paste them again at /connect'],
  ] as const)('%s from %s credentials: retryable %s, "%s"', (error, origin, retryable, words) => {
    const rewritten = withCredentialOrigin(error, origin);
    expect(rewritten).toMatchObject({
      code: error.code,
      awsCode: error.awsCode,
      httpStatus: error.httpStatus,
      retryable,
    });
    expect(rewritten.message).toContain(words);
    expect(rewritten.cause).toBe(error.cause);
  });

  test('leaves every other error alone', () => {
    const refusedSignIn = toCredentialsError(
      awsError('NotAuthorizedException', 400, 'Token expired'),
      pool,
      true,
    );
    expect(withCredentialOrigin(refusedSignIn, 'cognito')).toBe(refusedSignIn);
  });
});

describe('toCredentialsError', () => {
  const pool = 'eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789';
  test.each([
    [
      awsError('NotAuthorizedException', 400, 'Unauthenticated access is not supported'),
      false,
      'AccessDenied',
      'enable "guest access"',
    ],
    [
      awsError('NotAuthorizedException', 400, 'Invalid login token. Token expired'),
      true,
      'ExpiredToken',
      'sign in again',
    ],
    [
      awsError('ResourceNotFoundException', 400, 'IdentityPool not found'),
      false,
      'InvalidCredentials',
      'check identityPoolId',
    ],
    [awsError('TooManyRequestsException', 400, 'slow down'), false, 'Throttling', 'trying again shortly'],
    [new TypeError('Failed to fetch'), false, 'Network', 'Could not reach Amazon Cognito'],
  ])('%s', (error, signedIn, code, words) => {
    const mapped = toCredentialsError(error, pool, signedIn);
    expect(mapped).toMatchObject({ code });
    expect(mapped.message).toContain(words);
  });

  test('noCredentialsError never retries', () => {
    expect(noCredentialsError('paste credentials')).toMatchObject({
      code: 'NoCredentials',
      retryable: false,
    });
  });
});
