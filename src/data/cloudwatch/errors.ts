/** What went wrong talking to CloudWatch, in the terms the screens and React Query's retry act on. */
export type CloudWatchErrorCode =
  | 'Throttling'
  | 'ExpiredToken'
  | 'InvalidCredentials'
  | 'AccessDenied'
  | 'ServerError'
  | 'Network'
  | 'InvalidQuery'
  | 'Unknown';

/**
 * A failed CloudWatch call with a message a person can act on. `retryable` tells React Query whether
 * waiting can help (throttling, 5xx, network) or not (credentials, permissions, a bad query).
 */
export class CloudWatchError extends Error {
  override readonly name = 'CloudWatchError';
  readonly code: CloudWatchErrorCode;
  readonly retryable: boolean;
  readonly httpStatus: number | undefined;
  /** The code AWS answered with (e.g. ThrottlingException), for logs and bug reports. */
  readonly awsCode: string | undefined;

  constructor(init: {
    code: CloudWatchErrorCode;
    message: string;
    retryable: boolean;
    httpStatus?: number;
    awsCode?: string;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.code = init.code;
    this.retryable = init.retryable;
    this.httpStatus = init.httpStatus;
    this.awsCode = init.awsCode;
  }
}

export interface ErrorContext {
  operation: string;
  region: string;
  endpoint: string;
}

interface AwsLike {
  name?: unknown;
  message?: unknown;
  Code?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
]);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const BAD_CREDENTIALS = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'CredentialsProviderError',
]);
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);
const INVALID_QUERY = new Set([
  'InvalidParameterValue',
  'InvalidParameterValueException',
  'InvalidParameterCombination',
  'InvalidParameterCombinationException',
  'MissingParameter',
  'MissingRequiredParameterException',
  'ValidationError',
  'ValidationException',
]);

/** True for the errors CloudWatch gives when a query in the request is malformed. */
export function isInvalidQuery(error: unknown): boolean {
  return error instanceof CloudWatchError && error.code === 'InvalidQuery';
}

/** True when the caller cancelled (React Query aborts superseded fetches); such errors pass through untouched. */
export function isAbort(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** Maps whatever the SDK threw to a CloudWatchError that says what happened and what to do. */
export function toCloudWatchError(error: unknown, ctx: ErrorContext): CloudWatchError {
  if (error instanceof CloudWatchError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as AwsLike;
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const awsCode = typeof e.Code === 'string' ? e.Code : name;
  const detail = typeof e.message === 'string' && e.message !== '' ? e.message : awsCode;
  const is = (set: Set<string>): boolean => set.has(awsCode) || set.has(name);
  const base = { httpStatus: status, awsCode, cause: error };

  if (is(THROTTLING)) {
    return new CloudWatchError({
      ...base,
      code: 'Throttling',
      message: `CloudWatch is throttling requests (${detail}); backing off before trying again`,
      retryable: true,
    });
  }
  if (is(EXPIRED)) {
    return new CloudWatchError({
      ...base,
      code: 'ExpiredToken',
      message: `The AWS credentials have expired (${detail}) — sign in again`,
      retryable: false,
    });
  }
  if (is(BAD_CREDENTIALS)) {
    return new CloudWatchError({
      ...base,
      code: 'InvalidCredentials',
      message: `CloudWatch did not accept the credentials (${detail}) — sign in again or check the access key`,
      retryable: false,
    });
  }
  if (is(ACCESS_DENIED)) {
    return new CloudWatchError({
      ...base,
      code: 'AccessDenied',
      message: `Access denied: the credentials are not allowed to call cloudwatch:${ctx.operation} in ${ctx.region} — ask an administrator to grant the IAM action cloudwatch:${ctx.operation}`,
      retryable: false,
    });
  }
  if (is(INVALID_QUERY)) {
    return new CloudWatchError({ ...base, code: 'InvalidQuery', message: detail, retryable: false });
  }
  if ((status !== undefined && status >= 500) || e.$fault === 'server') {
    return new CloudWatchError({
      ...base,
      code: 'ServerError',
      message: `CloudWatch had a server error (${status === undefined ? awsCode : `HTTP ${status} ${awsCode}`}); trying again shortly`,
      retryable: true,
    });
  }
  if (status === undefined) {
    return new CloudWatchError({
      ...base,
      code: 'Network',
      message: `Could not reach CloudWatch at ${ctx.endpoint} (${detail}) — check the network connection and the endpoint address`,
      retryable: true,
    });
  }
  return new CloudWatchError({
    ...base,
    code: 'Unknown',
    message: `CloudWatch answered ${ctx.operation} with ${awsCode} (HTTP ${status}): ${detail}`,
    retryable: false,
  });
}
