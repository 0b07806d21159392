/** What went wrong talking to CloudWatch, in the terms the screens and React Query's retry act on. */
export type CloudWatchErrorCode =
  | 'Throttling'
  | 'ExpiredToken'
  | 'InvalidCredentials'
  | 'AccessDenied'
  | 'ServerError'
  | 'Network'
  | 'Cors'
  | 'Csp'
  | 'NoCredentials'
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
  /** Where the failed call went, when known, so a later diagnosis can name them. */
  readonly region: string | undefined;
  readonly endpoint: string | undefined;

  constructor(init: {
    code: CloudWatchErrorCode;
    message: string;
    retryable: boolean;
    httpStatus?: number;
    awsCode?: string;
    region?: string;
    endpoint?: string;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.code = init.code;
    this.retryable = init.retryable;
    this.httpStatus = init.httpStatus;
    this.awsCode = init.awsCode;
    this.region = init.region;
    this.endpoint = init.endpoint;
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

/**
 * CloudWatch's answers that mean the signing credentials themselves are stale or revoked, so a newly
 * fetched set can succeed; a malformed signature or a failure to fetch credentials is not among them.
 */
// RequestExpired is left out: it says the request's timestamp is too old (the local clock), which new
// credentials cannot fix.
const STALE_CREDENTIALS = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'TokenRefreshRequired',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
]);

/**
 * True when CloudWatch refused the credentials a request was signed with as expired or unknown — not when
 * fetching them failed (a Cognito refusal keeps its own awsCode, e.g. NotAuthorizedException).
 */
export function isStaleCredentials(error: unknown): error is CloudWatchError {
  return (
    error instanceof CloudWatchError &&
    (error.code === 'ExpiredToken' || error.code === 'InvalidCredentials') &&
    error.awsCode !== undefined &&
    STALE_CREDENTIALS.has(error.awsCode)
  );
}

/** Where the refused credentials came from: Cognito renews itself, pasted keys need a person. */
export type CredentialOrigin = 'cognito' | 'pasted';

/**
 * Rewrites a refusal of stale credentials once their origin is known: Cognito credentials are fetched
 * anew, so the error is retryable and says nobody needs to act (right on an unattended wall); pasted
 * ones are not, and the words say where to paste new ones.
 */
export function withCredentialOrigin(
  error: CloudWatchError,
  origin: CredentialOrigin,
  /** Cognito's set was fetched afresh moments ago and is still refused: renewing again cannot help. */
  renewedJustNow = false,
): CloudWatchError {
  if (!isStaleCredentials(error)) return error;
  const cause = (typeof error.cause === 'object' && error.cause !== null ? error.cause : {}) as AwsLike;
  const detail =
    typeof cause.message === 'string' && cause.message !== '' ? cause.message : (error.awsCode ?? error.code);
  const refused =
    error.code === 'ExpiredToken' ? 'refused the credentials as expired' : 'did not accept the credentials';
  const message =
    origin === 'cognito' && renewedJustNow
      ? `CloudWatch ${refused} (${detail}) although they were fetched from Cognito moments ago; check this machine's clock and any proxy in between — trying again at the next refresh, the dashboard keeps showing its last data meanwhile`
      : origin === 'cognito'
        ? `CloudWatch ${refused} (${detail}); fetching new ones from Cognito automatically — the dashboard keeps showing its last data meanwhile`
        : error.code === 'ExpiredToken'
          ? `The pasted AWS credentials have expired (${detail}) — paste new ones at /connect; the dashboard keeps showing its last data until then`
          : `CloudWatch did not accept the pasted credentials (${detail}) — check them and paste them again at /connect`;
  return new CloudWatchError({
    code: error.code,
    message,
    retryable: origin === 'cognito' && !renewedJustNow,
    ...(error.httpStatus === undefined ? {} : { httpStatus: error.httpStatus }),
    ...(error.awsCode === undefined ? {} : { awsCode: error.awsCode }),
    ...(error.region === undefined ? {} : { region: error.region }),
    ...(error.endpoint === undefined ? {} : { endpoint: error.endpoint }),
    cause: error.cause,
  });
}

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
  const base = { httpStatus: status, awsCode, region: ctx.region, endpoint: ctx.endpoint, cause: error };

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
      message: `The AWS credentials have expired (${detail}) — credentials from Cognito are renewed automatically; pasted ones must be replaced by pasting new ones at /connect. The dashboard keeps showing its last data until then`,
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
      message: `Access denied: the credentials are not allowed to call cloudwatch:${ctx.operation} in ${ctx.region} — ask an administrator to grant the IAM action cloudwatch:${ctx.operation} (infra/iam/bellwether-read-only.json has the whole policy)`,
      retryable: false,
    });
  }
  if (is(INVALID_QUERY)) {
    const field = invalidQueryField(detail);
    const message = field === undefined ? detail : `${detail} (the KPI's ${field})`;
    return new CloudWatchError({ ...base, code: 'InvalidQuery', message, retryable: false });
  }
  if (
    status !== undefined &&
    status < 300 &&
    (name === 'SyntaxError' || /Deserialization error/.test(detail))
  ) {
    // An HTTP success whose body the SDK could not read: cut off on the way, or not CloudWatch's at all
    // (a proxy's page). Nothing is wrong with the request, so the next attempt may well be read.
    return new CloudWatchError({
      ...base,
      code: 'ServerError',
      message: `CloudWatch's answer to ${ctx.operation} could not be read (HTTP ${status}, but not a CloudWatch response: cut off, or from something in between); trying again shortly`,
      retryable: true,
    });
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
      message: `Could not reach CloudWatch at ${ctx.endpoint} in ${ctx.region} (${detail}) — check the network connection and the endpoint address; if the network is fine, the browser may have blocked the call (CORS or the page's Content-Security-Policy): Check connection on the Connection page tells which`,
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

/** Where in a KPI a CloudWatch validation message points, from the wire parameter it names. */
const FIELD_HINTS: ReadonlyArray<[RegExp, string]> = [
  [/MetricStat\.Stat\b|\bstatistic\b/i, 'query stat'],
  [/MetricStat\.Period\b|\.Period\b|\bperiod\b/i, 'query period'],
  [/MetricStat\.Unit\b/i, 'query unit'],
  [/Dimensions?\b/i, 'metric dimensions'],
  [/MetricName\b|Namespace\b/i, 'metric namespace or name'],
  [/AccountId\b|account/i, 'accountId'],
  [/\bSELECT\b|Metrics Insights|query syntax/i, 'Metrics Insights sql'],
  [/Expression\b|expression/i, 'math expression'],
  [/StartTime|EndTime/i, 'time range'],
];

/** The KPI field a CloudWatch validation error is about, if its message says; undefined when unclear. */
export function invalidQueryField(message: string): string | undefined {
  return FIELD_HINTS.find(([pattern]) => pattern.test(message))?.[1];
}

/**
 * How a call that never got an HTTP answer failed, once the browser has been asked: the page's
 * Content-Security-Policy refused it, the endpoint answered but CORS refused the real call, nothing
 * answered at all, or the browser gave no way to tell the last two apart.
 */
export type UnreachableCause = 'network' | 'cors' | 'csp' | 'unknown';

/** The request headers the SDK sends that an endpoint's CORS preflight must allow. */
const PREFLIGHT_HEADERS =
  'Authorization, Content-Type, X-Amz-Date, X-Amz-Security-Token, X-Amz-Target, x-amzn-query-mode, amz-sdk-invocation-id and amz-sdk-request';

/**
 * Rewrites a Network error once its cause is known, naming the endpoint and region. A CSP or CORS refusal
 * is not retried (the same call is refused again); no answer, or no way to tell, is.
 */
export function withUnreachableCause(
  error: CloudWatchError,
  cause: UnreachableCause,
  endpoint: string,
  region: string | undefined = error.region,
): CloudWatchError {
  if (error.code !== 'Network') return error;
  const at = region === undefined ? endpoint : `${endpoint} in ${region}`;
  const origin = originOf(endpoint);
  const messages: Record<UnreachableCause, string> = {
    network: `Could not reach CloudWatch at ${at}: no answer at all (offline, DNS, VPN or firewall, a wrong endpoint address, or a browser extension blocking it) — check the network or VPN and the endpoint in config.json; trying again shortly`,
    cors: `CloudWatch at ${at} answered, but the browser refused to let the page read it (CORS): its preflight does not allow this site or the headers the SDK signs — use the regional AWS endpoint, or make the endpoint or proxy allow the origin and the headers ${PREFLIGHT_HEADERS} (see docs/aws.md)`,
    csp: `The page's Content-Security-Policy blocked the call to ${at} before it left the browser: add ${origin} to connect-src in index.html and in the CloudFront response-headers policy (npm run deploy does both from config.json)`,
    unknown: `Could not reach CloudWatch at ${at}, and the browser does not say why: a network failure and a refused CORS preflight look the same to the page. Check the network or VPN, and check that the endpoint or the proxy in front of it answers the browser's CORS preflight for this site, allowing ${PREFLIGHT_HEADERS}; trying again shortly`,
  };
  return new CloudWatchError({
    code: cause === 'cors' ? 'Cors' : cause === 'csp' ? 'Csp' : 'Network',
    message: messages[cause],
    retryable: cause === 'network' || cause === 'unknown',
    ...(error.httpStatus === undefined ? {} : { httpStatus: error.httpStatus }),
    ...(error.awsCode === undefined ? {} : { awsCode: error.awsCode }),
    ...(region === undefined ? {} : { region }),
    endpoint,
    cause: error.cause,
  });
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** The error the app raises before any call when it has no credentials to sign with. */
export function noCredentialsError(detail: string): CloudWatchError {
  return new CloudWatchError({
    code: 'NoCredentials',
    message: `Not connected to AWS: ${detail}`,
    retryable: false,
    awsCode: 'NoCredentials',
  });
}

const COGNITO_REMEDIES: ReadonlyArray<[string, string, boolean]> = [
  ['NotAuthorizedException', 'Cognito refused the identity', false],
  [
    'ResourceNotFoundException',
    'the identity pool does not exist in that region: check identityPoolId in config.json',
    false,
  ],
  [
    'InvalidIdentityPoolConfigurationException',
    "the identity pool's roles are misconfigured: check its guest and authenticated roles' trust policies",
    false,
  ],
  ['TooManyRequestsException', 'Cognito is throttling sign-ins; trying again shortly', true],
  ['LimitExceededException', 'Cognito is throttling sign-ins; trying again shortly', true],
];

/**
 * Maps a failure to obtain Cognito credentials: guest access switched off, an unknown pool, an expired
 * sign-in token, throttling, or no network, each with what to do.
 */
export function toCredentialsError(error: unknown, poolId: string, signedIn: boolean): CloudWatchError {
  if (error instanceof CloudWatchError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as AwsLike;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const detail = typeof e.message === 'string' ? e.message : name;
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const known = COGNITO_REMEDIES.find(([code]) => code === name);
  if (name === 'NotAuthorizedException') {
    const remedy = signedIn
      ? 'your sign-in has expired or was revoked — sign in again'
      : `guest access is not enabled on identity pool ${poolId} — enable "guest access" on the pool, or use cognito-user-pool sign-in`;
    return new CloudWatchError({
      code: signedIn ? 'ExpiredToken' : 'AccessDenied',
      message: `Cognito refused (${detail}): ${remedy}`,
      retryable: false,
      awsCode: name,
      cause: error,
    });
  }
  if (known) {
    return new CloudWatchError({
      code: known[2] ? 'Throttling' : 'InvalidCredentials',
      message: `Could not get AWS credentials from Cognito (${detail}): ${known[1]}`,
      retryable: known[2],
      awsCode: name,
      cause: error,
    });
  }
  if (status === undefined) {
    return new CloudWatchError({
      code: 'Network',
      message: `Could not reach Amazon Cognito for credentials (${detail}) — check the network connection`,
      retryable: true,
      awsCode: name,
      cause: error,
    });
  }
  return new CloudWatchError({
    code: 'InvalidCredentials',
    message: `Could not get AWS credentials from Cognito: ${name} (HTTP ${status}) ${detail}`,
    retryable: status >= 500,
    awsCode: name,
    httpStatus: status,
    cause: error,
  });
}
