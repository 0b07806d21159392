import { delay, HttpResponse, http, type RequestHandler } from 'msw';
import { type AwsError, common, modeled } from '../core/errors';
import type { FaultController, FaultDecision } from '../core/faults';
import {
  checkSignature,
  errorResponse,
  isCloudWatchRequest,
  nextRequestId,
  okResponse,
  operationOf,
  readBody,
  regionOf,
  type WireResponse,
} from './aws-json/protocol';

export interface RecordedCall {
  operation: string;
  headers: Record<string, string>;
  body: unknown;
  at: number;
}

/**
 * What one operation needs from the request; `partial` is set when a PartialData fault applies,
 * `arithmetic` when the ArithmeticError fault does.
 */
export interface OperationContext {
  body: Record<string, unknown>;
  region: string;
  now: number;
  partial: boolean;
  arithmetic?: boolean;
}

export type OperationImpl = (ctx: OperationContext) => unknown;

export interface ServiceDeps {
  operations: Record<string, OperationImpl>;
  faults: FaultController;
  now: () => number;
  record: (call: RecordedCall) => void;
}

/** Outcome of one request: an HTTP answer or a dropped connection. */
export type ServiceOutcome = { kind: 'response'; response: WireResponse } | { kind: 'network-error' };

function headersOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    out[key.toLowerCase()] = value;
  });
  return out;
}

function faultError(decision: FaultDecision): AwsError | undefined {
  switch (decision.error) {
    case 'throttle':
      return common.throttling();
    case '5xx':
      return modeled.internal();
    case '503':
      return common.serviceUnavailable();
    case 'expired':
      return common.expiredToken();
    default:
      return undefined;
  }
}

/**
 * Serves one CloudWatch request end to end: records it, checks the signature, applies faults, runs
 * the operation and encodes the answer. Independent of msw so a loopback HTTP server can reuse it.
 */
export async function serveRequest(request: Request, deps: ServiceDeps): Promise<ServiceOutcome> {
  const requestId = nextRequestId();
  const headers = headersOf(request);
  let body: Record<string, unknown> = {};
  let operation = headers['x-amz-target']?.split('.')[1] ?? '';
  try {
    body = await readBody(request.clone());
  } catch {
    // recorded as empty; the error is answered below once auth has been checked
  }
  deps.record({ operation, headers, body, at: deps.now() });
  try {
    checkSignature(request);
    operation = operationOf(request);
    body = await readBody(request);
    const decision = deps.faults.decide(operation);
    if (decision.delayMs > 0) await delay(decision.delayMs);
    if (decision.error === 'network') return { kind: 'network-error' };
    const injected = faultError(decision);
    if (injected) throw injected;
    const impl = Object.hasOwn(deps.operations, operation) ? deps.operations[operation] : undefined;
    if (!impl) throw common.unknownOperation();
    const region = regionOf(new URL(request.url), request.headers.get('authorization')) ?? 'us-east-1';
    const payload = impl({
      body,
      region,
      now: deps.now(),
      partial: decision.partial,
      arithmetic: decision.arithmetic,
    });
    return { kind: 'response', response: okResponse(payload, requestId) };
  } catch (error) {
    if (error instanceof Error && 'code' in error && 'status' in error && 'type' in error) {
      return { kind: 'response', response: errorResponse(error as AwsError, requestId) };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'response', response: errorResponse(modeled.internal(message), requestId) };
  }
}

/** The msw v2 handler: any POST to monitoring.<region>.amazonaws.com or carrying CloudWatch's target. */
export function createHandlers(deps: ServiceDeps): RequestHandler[] {
  return [
    http.post(
      ({ request }) => isCloudWatchRequest(request),
      async ({ request }) => {
        const outcome = await serveRequest(request, deps);
        if (outcome.kind === 'network-error') return HttpResponse.error();
        const { status, headers, body } = outcome.response;
        return new HttpResponse(body, { status, headers });
      },
    ),
  ];
}
