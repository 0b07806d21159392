/**
 * What AWS's front door does before any protocol or operation: the endpoint a request is for, the region
 * it addresses, its SigV4 signature, and the request id of its answer. The same for every protocol.
 */
import { common } from '../core/errors';

const MONITORING_HOST = /^monitoring(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/;

/** True for CloudWatch's own endpoints, monitoring[-fips].<region>.amazonaws.com[.cn]. */
export function isMonitoringHost(url: URL): boolean {
  return MONITORING_HOST.test(url.hostname);
}

const MONITORING_SCOPE = /Credential=[^/]+\/\d{8}\/([^/]+)\/monitoring\//;

/** True when a SigV4 Authorization header is scoped to CloudWatch's signing name, `monitoring`. */
export function signedForMonitoring(authorization: string | null): boolean {
  return MONITORING_SCOPE.test(authorization ?? '');
}

/** The region a request addresses, read from the monitoring host or else from the SigV4 credential scope. */
export function regionOf(url: URL, authorization: string | null): string | undefined {
  const fromHost = MONITORING_HOST.exec(url.hostname)?.[1];
  if (fromHost) return fromHost;
  const scope = MONITORING_SCOPE.exec(authorization ?? '');
  return scope?.[1];
}

/**
 * Checks the request carries a SigV4 signature the way AWS's front door does before any operation
 * runs. Signatures are not verified cryptographically: the fake accepts any static credentials.
 */
export function checkSignature(headers: Headers): void {
  const auth = headers.get('authorization');
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
  if (!headers.get('x-amz-date')) {
    throw common.incompleteSignature(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
}

let requestCounter = 0;

/** A request id in the shape AWS uses (a UUID), deterministic enough for tests to not care. */
export function nextRequestId(): string {
  requestCounter = (requestCounter + 1) % 0xffffffff;
  const hex = requestCounter.toString(16).padStart(12, '0');
  return `f4ke0000-c10d-4a7c-8000-${hex}`;
}
