import {
  blockedRequestsFor,
  installBlockedRequestWatch,
  isWatchingBlockedRequests,
} from '../cloudwatch/blocked-requests';
import type { UnreachableCause } from '../cloudwatch/errors';

/** Starts recording CSP refusals at startup (installBlockedRequestWatch under the name bootstrap calls). */
export function watchCspViolations(
  target: Pick<Document, 'addEventListener' | 'removeEventListener'> | undefined = globalThis.document,
): void {
  installBlockedRequestWatch(target);
}

/** True when the page's Content-Security-Policy has refused a request to the endpoint's origin. */
export function cspBlocked(endpoint: string): boolean {
  return blockedRequestsFor(endpoint).length > 0;
}

/** The slice of fetch the probe needs. */
export type ProbeFetch = (url: string, init: RequestInit) => Promise<unknown>;

export interface DiagnoseOptions {
  /** How long the probe may take before the browser is deemed not to say (default 5 s). */
  timeoutMs?: number;
  /** Waits for the violation event a refused probe may cause; the browser fires it as a task of its own. */
  settle?: () => Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const SETTLE_MS = 50;

/**
 * Tells why a call got no HTTP answer. A browser rejects fetch with the same TypeError for a dead
 * network, a refused CORS preflight and a CSP refusal, so: a recorded CSP violation for the endpoint's
 * origin means the policy; otherwise an opaque `no-cors` GET (no preflight, nothing readable) that is
 * answered means the host is up and CORS refused the real call; one that fails as well, with refusals
 * being recorded and none for that origin, means the network. When the probe hangs, or refusals are not
 * being recorded, the browser does not tell: 'unknown'.
 */
export function diagnoseUnreachable(
  endpoint: string,
  probe: ProbeFetch = (url, init) => fetch(url, init),
  options: DiagnoseOptions = {},
): Promise<UnreachableCause> {
  // Every KPI query failing at once asks at once: one probe per endpoint answers them all.
  const running = inFlight.get(endpoint);
  if (running) return running;
  const diagnosis = diagnose(endpoint, probe, options).finally(() => inFlight.delete(endpoint));
  inFlight.set(endpoint, diagnosis);
  return diagnosis;
}

const inFlight = new Map<string, Promise<UnreachableCause>>();

async function diagnose(
  endpoint: string,
  probe: ProbeFetch,
  options: DiagnoseOptions,
): Promise<UnreachableCause> {
  if (cspBlocked(endpoint)) return 'csp';
  const outcome = await probeOnce(endpoint, probe, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (outcome === 'answered') return 'cors';
  await (options.settle ?? (() => new Promise<void>((resolve) => setTimeout(resolve, SETTLE_MS))))();
  if (cspBlocked(endpoint)) return 'csp';
  if (outcome === 'timeout' || !isWatchingBlockedRequests()) return 'unknown';
  return 'network';
}

async function probeOnce(
  endpoint: string,
  probe: ProbeFetch,
  timeoutMs: number,
): Promise<'answered' | 'failed' | 'timeout'> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      resolve('timeout');
      controller.abort();
    }, timeoutMs);
  });
  const attempt = Promise.resolve()
    .then(() =>
      probe(endpoint, {
        method: 'GET',
        mode: 'no-cors',
        cache: 'no-store',
        credentials: 'omit',
        signal: controller.signal,
      }),
    )
    .then(
      () => 'answered' as const,
      () => 'failed' as const,
    );
  try {
    return await Promise.race([attempt, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
