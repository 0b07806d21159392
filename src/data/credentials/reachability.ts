import type { UnreachableCause } from '../cloudwatch/errors';

/** Origins the page's Content-Security-Policy refused, recorded from securitypolicyviolation events. */
const blockedByCsp = new Set<string>();
let watching = false;

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Starts recording CSP refusals so a failed call can be blamed on the policy rather than the network. */
export function watchCspViolations(
  target: Pick<Document, 'addEventListener'> | undefined = globalThis.document,
): void {
  if (watching || !target) return;
  watching = true;
  target.addEventListener('securitypolicyviolation', (event) => {
    const origin = originOf((event as SecurityPolicyViolationEvent).blockedURI);
    if (origin) blockedByCsp.add(origin);
  });
}

/** For tests: what the CSP watcher has seen. */
export function cspBlocked(endpoint: string): boolean {
  const origin = originOf(endpoint);
  return origin !== undefined && blockedByCsp.has(origin);
}

/** The slice of fetch the probe needs. */
export type ProbeFetch = (url: string, init: RequestInit) => Promise<unknown>;

/**
 * Tells why a call got no HTTP answer. A browser reports CORS refusals, CSP refusals and a dead network
 * all as the same TypeError, so: a recorded CSP violation means the policy; otherwise an opaque
 * `no-cors` request that does arrive means the endpoint is up and CORS refused the real call.
 */
export async function diagnoseUnreachable(
  endpoint: string,
  probe: ProbeFetch = (url, init) => fetch(url, init),
): Promise<UnreachableCause> {
  if (cspBlocked(endpoint)) return 'csp';
  try {
    await probe(endpoint, { method: 'GET', mode: 'no-cors', cache: 'no-store', credentials: 'omit' });
    return 'cors';
  } catch {
    return cspBlocked(endpoint) ? 'csp' : 'network';
  }
}
