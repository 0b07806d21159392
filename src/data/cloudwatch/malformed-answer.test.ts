import { expect, test } from 'vitest';
import { toCloudWatchError } from './errors';

test('an HTTP 200 whose body the SDK could not read is a retryable fault of the answer, said in words', () => {
  const sdkError = Object.assign(
    new SyntaxError(
      "Expected ',' or ']' after array element in JSON at position 49 Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.",
    ),
    { $metadata: { httpStatusCode: 200 } },
  );
  const error = toCloudWatchError(sdkError, {
    operation: 'GetMetricData',
    region: 'us-east-1',
    endpoint: 'https://monitoring.us-east-1.amazonaws.com',
  });
  expect(error.retryable).toBe(true);
  expect(error.code).toBe('ServerError');
  expect(error.message).toMatch(/^CloudWatch's answer to GetMetricData could not be read \(HTTP 200/);
  expect(error.message).not.toContain('$response');
});
