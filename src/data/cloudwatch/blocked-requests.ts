/**
 * Requests the page's Content-Security-Policy refused, as the browser reports them. A refused fetch
 * rejects with the same TypeError as a dead network or a CORS refusal; only the document's
 * `securitypolicyviolation` event tells the policy was the cause, so it is recorded from startup on.
 */

/** One refusal: what was blocked, its origin, the directive that refused it and when (epoch ms). */
export interface BlockedRequest {
  uri: string;
  origin: string;
  directive: string;
  at: number;
}

/** Recent refusals kept; a page refusing more than this is refusing the same few origins again. */
const KEEP = 50;

const blocked: BlockedRequest[] = [];
const watched = new WeakSet<object>();
let watching = 0;

type ViolationTarget = Pick<Document, 'addEventListener' | 'removeEventListener'>;

function originOf(uri: string): string | undefined {
  try {
    const origin = new URL(uri).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * Starts recording the page's CSP refusals; call once at startup, before the first request (further
 * calls for the same document do nothing). Returns a function that stops it. Without a document (Node,
 * a worker) nothing is recorded and `isWatchingBlockedRequests()` stays false.
 */
export function installBlockedRequestWatch(
  target: ViolationTarget | undefined = globalThis.document,
  now: () => number = Date.now,
): () => void {
  if (!target || watched.has(target)) return () => {};
  watched.add(target);
  const listener = (event: Event): void => {
    const violation = event as SecurityPolicyViolationEvent;
    const origin = originOf(violation.blockedURI);
    if (origin === undefined) return;
    blocked.push({
      uri: violation.blockedURI,
      origin,
      directive: violation.effectiveDirective || violation.violatedDirective || '',
      at: now(),
    });
    if (blocked.length > KEEP) blocked.splice(0, blocked.length - KEEP);
  };
  target.addEventListener('securitypolicyviolation', listener);
  watching += 1;
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    target.removeEventListener('securitypolicyviolation', listener);
    watched.delete(target);
    watching -= 1;
  };
}

/** True while refusals are being recorded, so that "none recorded" means the policy did not refuse. */
export function isWatchingBlockedRequests(): boolean {
  return watching > 0;
}

/** The refusals recorded for the origin of `url`, oldest first. */
export function blockedRequestsFor(url: string): BlockedRequest[] {
  const origin = originOf(url);
  return origin === undefined ? [] : blocked.filter((b) => b.origin === origin);
}

/** Every refusal recorded, oldest first (for a connection screen or a bug report). */
export function blockedRequests(): BlockedRequest[] {
  return [...blocked];
}
