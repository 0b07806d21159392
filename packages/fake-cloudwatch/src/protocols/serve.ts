import type { FakeCloudWatch } from '../core/account';
import { isAwsError, modeled } from '../core/errors';
import { awsJson } from './aws-json/protocol';
import { awsQuery } from './aws-query/protocol';
import { checkSignature, isMonitoringHost, nextRequestId, regionOf, signedForMonitoring } from './front-door';
import type { Protocol, WireResponse } from './protocol';

export type { WireResponse } from './protocol';

/**
 * The protocols the account speaks, in the order they are asked: JSON by its `X-Amz-Target`, query by
 * its form-encoded body. A request no protocol claims is read as the first one.
 */
const PROTOCOLS: readonly Protocol[] = [awsJson, awsQuery];

/** Outcome of one request: an HTTP answer or a dropped connection. */
export type ServiceOutcome = { kind: 'response'; response: WireResponse } | { kind: 'network-error' };

function headersOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    out[key.toLowerCase()] = value;
  });
  return out;
}

/**
 * True for requests meant for CloudWatch: a POST to its endpoint host, one carrying CloudWatch's JSON
 * target, or a form-encoded one signed for CloudWatch (a form body names no service, its SigV4 scope
 * does; other form posts, such as an OAuth token request, are not the account's).
 */
export function isCloudWatchRequest(request: Request): boolean {
  if (request.method !== 'POST') return false;
  if (isMonitoringHost(new URL(request.url)) || awsJson.claims(request)) return true;
  return awsQuery.claims(request) && signedForMonitoring(request.headers.get('authorization'));
}

/**
 * Serves one CloudWatch request (a fetch Request) end to end: reads it in its protocol, records it,
 * checks the signature, lets the account answer and writes the answer in the same protocol. Every
 * transport (msw, node:http) is a thin adapter around it.
 */
export async function serveRequest(request: Request, account: FakeCloudWatch): Promise<ServiceOutcome> {
  const requestId = nextRequestId();
  const protocol = PROTOCOLS.find((p) => p.claims(request)) ?? PROTOCOLS[0]!;
  const headers = headersOf(request);
  const { operation, input, problem } = await protocol.read(request);
  account.record({ operation, headers, body: input });
  try {
    checkSignature(request.headers);
    if (problem) throw problem;
    const region = regionOf(new URL(request.url), request.headers.get('authorization')) ?? 'us-east-1';
    const answer = await account.invoke({ operation, input, region });
    switch (answer.kind) {
      case 'network-error':
        return answer;
      case 'error':
        return { kind: 'response', response: protocol.error(answer.error, requestId) };
      default:
        return { kind: 'response', response: protocol.output(answer.output, requestId, operation) };
    }
  } catch (error) {
    const known = isAwsError(error) ? error : modeled.internal(String(error));
    return { kind: 'response', response: protocol.error(known, requestId) };
  }
}
