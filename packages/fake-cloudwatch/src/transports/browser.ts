import { setupWorker } from 'msw/browser';
import type { FakeCloudWatch } from '../core/account';
import { parseFaultParameter } from '../core/faults';
import { cloudWatchHandlers, sealedNetworkHandlers, type WireFaults, wireFaultHandlers } from './msw';
import { type AccountThread, createThreadedFakeCloudWatch } from './threaded-account';
import type { WorkerAnswer } from './worker-protocol';

declare global {
  interface Window {
    /** The demo's simulated account, reachable by end-to-end tests (faults, recorded calls). */
    __bellwetherFake?: FakeCloudWatch;
    /** Faults of the wire rather than the account (a cut-off body, a refused CORS preflight), for tests. */
    __bellwetherWire?: WireFaults;
  }
}

/** The simulated account in the page, and whether its service worker is answering for this page. */
export interface DemoAccount {
  fake: FakeCloudWatch;
  /**
   * True while msw's service worker answers this page's requests. It stops at `beforeunload` (msw tells
   * its worker the page is closing, and from then on the worker lets the page's requests through to the
   * network) and when no worker controls the page: the demo's client then must not send anything.
   */
  inControl(): boolean;
}

/**
 * The demo's scenario in a Web Worker: a long range (455 days takes the scenario seconds) then never holds
 * the page's main thread, which only parses, records, applies the faults and answers through msw.
 */
function webWorkerThread(anchor: number): AccountThread {
  const worker = new Worker(new URL('./browser-account-worker.ts', import.meta.url), { type: 'module' });
  worker.postMessage({ anchor });
  return {
    post: (job) => worker.postMessage(job),
    listen(onAnswer, onDeath) {
      worker.addEventListener('message', (event: MessageEvent<WorkerAnswer>) => onAnswer(event.data));
      worker.addEventListener('error', (event) => onDeath(event.message || 'the demo worker failed'));
    },
    terminate: async () => worker.terminate(),
  };
}

/**
 * Starts the simulated AWS account in the browser behind msw's service worker and resolves once the
 * worker answers for this page. Loaded only by dynamic import, so a real deployment never ships it.
 * `?fault=throttle|5xx|503|slow|network|expired|partial|arithmetic` in the page URL starts that fault
 * for manual demos and end-to-end tests.
 */
export async function startDemoAccount(): Promise<DemoAccount> {
  const fake = createThreadedFakeCloudWatch({}, 1, webWorkerThread);
  const wire: WireFaults = { malformed: false, corsRefused: false };
  const worker = setupWorker(
    ...wireFaultHandlers(wire),
    ...cloudWatchHandlers(fake),
    ...sealedNetworkHandlers(fake),
  );
  let closing = false;
  // Registered before msw's own listener, so the flag is down before the worker lets anything through.
  window.addEventListener('beforeunload', () => {
    closing = true;
  });
  window.addEventListener('pagehide', () => {
    closing = true;
  });
  // Unhandled AWS requests are answered as network errors by the handlers; anything else (the site's
  // own files) goes to the network as usual.
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  const fault = parseFaultParameter(new URLSearchParams(window.location.search).get('fault'));
  if (fault) fake.faults.inject(fault);
  window.__bellwetherFake = fake;
  window.__bellwetherWire = wire;
  return {
    fake,
    inControl: () => !closing && navigator.serviceWorker?.controller != null,
  };
}
