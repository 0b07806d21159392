/**
 * AWS JSON 1.0 (awsJson1_0) in query-compatible mode, as CloudWatch and the SDK for JavaScript v3 speak
 * it: `POST /`, `X-Amz-Target: GraniteServiceVersion20100801.<Operation>`, a JSON body with the API's
 * member names, timestamps as epoch seconds; errors as `{"__type", "message"}` with the query code in
 * `x-amzn-query-error`.
 */
import { type AwsError, common } from '../../core/errors';
import type { Protocol, ReadRequest, WireResponse } from '../protocol';

/** The JSON-RPC target prefix of CloudWatch (see the SDK's runtimeConfig.shared: serviceTarget). */
export const SERVICE_TARGET = 'GraniteServiceVersion20100801';
export const CONTENT_TYPE = 'application/x-amz-json-1.0';

/** Parses the JSON body; AWS answers a malformed body with a SerializationException. */
function parseBody(text: string): Record<string, unknown> {
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

/** An output with its `Date`s as the epoch seconds this protocol writes timestamps as. */
function toJson(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toJson(item);
    return out;
  }
  return value;
}

async function read(request: Request): Promise<ReadRequest> {
  const [service, operation = ''] = (request.headers.get('x-amz-target') ?? '').split('.');
  let input: Record<string, unknown> = {};
  let problem: AwsError | undefined;
  try {
    input = parseBody(await request.text());
  } catch (error) {
    problem = error as AwsError;
  }
  // The operation is checked before the body, as AWS does.
  if (service !== SERVICE_TARGET || !operation) problem = common.unknownOperation();
  return { operation, input, ...(problem ? { problem } : {}) };
}

export const awsJson: Protocol = {
  name: 'awsJson1_0',
  claims: (request) => (request.headers.get('x-amz-target') ?? '').startsWith(`${SERVICE_TARGET}.`),
  read,
  output: (output: unknown, requestId: string): WireResponse => ({
    status: 200,
    headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId },
    body: JSON.stringify(toJson(output)),
  }),
  /** `__type` and the shape's message member in the body, the query code in `x-amzn-query-error`. */
  error: (error: AwsError, requestId: string): WireResponse => {
    const body: Record<string, string> = { __type: error.type };
    if (error.message) body[error.messageMember] = error.message;
    return {
      status: error.status,
      headers: {
        'content-type': CONTENT_TYPE,
        'x-amzn-requestid': requestId,
        'x-amzn-query-error': `${error.code};${error.fault}`,
      },
      body: JSON.stringify(body),
    };
  },
};
