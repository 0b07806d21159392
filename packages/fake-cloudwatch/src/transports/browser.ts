import { setupWorker } from 'msw/browser';
import { createFakeCloudWatch, type FakeCloudWatch } from '../core/account';
import { parseFaultParameter } from '../core/faults';
import { cloudWatchHandlers, sealedNetworkHandlers, type WireFaults, wireFaultHandlers } from './msw';

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
 * Starts the simulated AWS account in the browser behind msw's service worker and resolves once the
 * worker answers for this page. Loaded only by dynamic import, so a real deployment never ships it.
 * `?fault=throttle|5xx|503|slow|network|expired|partial|arithmetic` in the page URL starts that fault
 * for manual demos and end-to-end tests.
 */
export async function startDemoAccount(): Promise<DemoAccount> {
  const fake = createFakeCloudWatch();
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
