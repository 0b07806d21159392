/// <reference lib="webworker" />
// Reads a dashboard carried in a link off the main thread: the page stays responsive whatever the link holds.
import { openSharedPayload } from './open-shared';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<unknown>) => {
  const payload = typeof event.data === 'string' ? event.data : '';
  self.postMessage(await openSharedPayload(payload));
};
