import { type OpenedShared, openSharedPayload } from './open-shared';

/** Far above what a dashboard within the limits takes; past it the worker is stopped and the link refused. */
const WORKER_DEADLINE_MS = 10_000;

function tooSlow(): OpenedShared {
  return {
    ok: false,
    error: {
      kind: 'corrupt',
      message: `The dashboard in this link took more than ${WORKER_DEADLINE_MS / 1000} s to read and was stopped. Ask for the link again.`,
    },
  };
}

/**
 * Opens a `#d=` payload in a Web Worker, so however hostile the link, the page keeps answering input; where
 * there is no Worker (Node, jsdom) it runs here. One worker per link, ended once it has answered.
 */
export function openShared(payload: string, signal?: AbortSignal): Promise<OpenedShared> {
  if (typeof Worker === 'undefined') return openSharedPayload(payload);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./open-shared.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return openSharedPayload(payload);
  }
  return new Promise((resolve) => {
    const done = (result: OpenedShared): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      worker.terminate();
      resolve(result);
    };
    const abort = (): void => done(tooSlow());
    const timer = setTimeout(abort, WORKER_DEADLINE_MS);
    signal?.addEventListener('abort', abort);
    worker.onmessage = (event: MessageEvent<OpenedShared>) => done(event.data);
    // A worker that cannot start (an old browser, a CSP without worker-src) still opens the link, here.
    worker.onerror = (event) => {
      event.preventDefault();
      clearTimeout(timer);
      worker.terminate();
      void openSharedPayload(payload).then(resolve);
    };
    worker.postMessage(payload);
  });
}
