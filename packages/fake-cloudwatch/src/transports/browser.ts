import { setupWorker } from 'msw/browser';
import { createFakeCloudWatch, type FakeCloudWatch } from '../core/account';
import { parseFaultParameter } from '../core/faults';
import { cloudWatchHandlers } from './msw';

declare global {
  interface Window {
    /** The demo's simulated account, reachable by end-to-end tests (faults, recorded calls). */
    __bellwetherFake?: FakeCloudWatch;
  }
}

/**
 * Starts the simulated AWS account in the browser behind msw's service worker. Loaded only by dynamic
 * import, so a real deployment never ships it. `?fault=throttle|5xx|503|slow|network|expired|partial|arithmetic`
 * in the page URL starts that fault for manual demos and end-to-end tests.
 */
export async function startDemoAccount(): Promise<FakeCloudWatch> {
  const fake = createFakeCloudWatch();
  const worker = setupWorker(...cloudWatchHandlers(fake));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  const fault = parseFaultParameter(new URLSearchParams(window.location.search).get('fault'));
  if (fault) fake.faults.inject(fault);
  window.__bellwetherFake = fake;
  return fake;
}
