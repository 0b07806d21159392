import { type AwsError, common } from '../../core/errors';

/** The JSON-RPC target prefix of CloudWatch (see the SDK's runtimeConfig.shared: serviceTarget). */
export const SERVICE_TARGET = 'GraniteServiceVersion20100801';
export const CONTENT_TYPE = 'application/x-amz-json-1.0';

const MONITORING_HOST = /^monitoring(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/;

/** The region a request addresses, read from the monitoring host or else from the SigV4 credential scope. */
export function regionOf(url: URL, authorization: string | null): string | undefined {
  const fromHost = MONITORING_HOST.exec(url.hostname)?.[1];
  if (fromHost) return fromHost;
  const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/monitoring\//.exec(authorization ?? '');
  return scope?.[1];
}

/** True for requests meant for CloudWatch: its endpoint host, or any endpoint sent our JSON-RPC target. */
export function isCloudWatchRequest(request: Request): boolean {
  if (request.method !== 'POST') return false;
  const target = request.headers.get('x-amz-target') ?? '';
  if (target.startsWith(`${SERVICE_TARGET}.`)) return true;
  return MONITORING_HOST.test(new URL(request.url).hostname);
}

/** The operation named by `X-Amz-Target`; anything else is the unknown-operation error AWS gives. */
export function operationOf(request: Request): string {
  const target = request.headers.get('x-amz-target') ?? '';
  const [service, operation] = target.split('.');
  if (service !== SERVICE_TARGET || !operation) throw common.unknownOperation();
  return operation;
}

/**
 * Checks the request carries a SigV4 signature the way AWS's front door does before any operation
 * runs. Signatures are not verified cryptographically: the fake accepts any static credentials.
 */
export function checkSignature(request: Request): void {
  const auth = request.headers.get('authorization');
  if (!auth) throw common.missingAuthenticationToken();
  if (!auth.startsWith('AWS4-HMAC-SHA256 ')) {
    throw common.incompleteSignature(
      `Authorization header requires 'AWS4-HMAC-SHA256' as the signing algorithm. Authorization=${auth.split(' ')[0]}`,
    );
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((p) => !auth.includes(`${p}=`));
  if (missing.length > 0) {
    throw common.incompleteSignature(
      `Authorization header requires ${missing.map((m) => `'${m}'`).join(', ')} parameter(s). Authorization=${auth}`,
    );
  }
  if (!request.headers.get('x-amz-date')) {
    throw common.incompleteSignature(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
}

/** Parses the JSON body; AWS answers a malformed body with a SerializationException. */
export async function readBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through to the AWS error
  }
  throw common.serialization('Start of structure or map found where not expected.');
}

let requestCounter = 0;

/** A request id in the shape AWS uses (a UUID), deterministic enough for tests to not care. */
export function nextRequestId(): string {
  requestCounter = (requestCounter + 1) % 0xffffffff;
  const hex = requestCounter.toString(16).padStart(12, '0');
  return `f4ke0000-c10d-4a7c-8000-${hex}`;
}

/** Body, status and headers of an answer, independent of msw so the loopback server can reuse it. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A successful JSON answer. */
export function okResponse(payload: unknown, requestId: string): WireResponse {
  return {
    status: 200,
    headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId },
    body: JSON.stringify(payload),
  };
}

/** An error answer: `__type` and `message` in the body, the query code in `x-amzn-query-error`. */
export function errorResponse(error: AwsError, requestId: string): WireResponse {
  const body: Record<string, string> = { __type: error.type };
  if (error.message) body.message = error.message;
  return {
    status: error.status,
    headers: {
      'content-type': CONTENT_TYPE,
      'x-amzn-requestid': requestId,
      'x-amzn-query-error': `${error.code};${error.fault}`,
    },
    body: JSON.stringify(body),
  };
}
