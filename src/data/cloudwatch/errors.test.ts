import { describe, expect, test } from 'vitest';
import { CloudWatchError, isAbort, toCloudWatchError } from './errors';

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
      'sign in again',
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
