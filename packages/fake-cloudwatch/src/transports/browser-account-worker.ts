/**
 * The demo's Web Worker (browser.ts): answers each job of the threaded account, so a long range never
 * holds the page's main thread. Its first message is the anchor; every later one a job.
 */
import { createJobAnswerer } from './answer-job';
import type { WorkerAnswer, WorkerJob } from './worker-protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerJob | { anchor: number }>) => void) | null;
  postMessage(answer: WorkerAnswer): void;
};
let answer: ((job: WorkerJob) => WorkerAnswer) | undefined;
scope.onmessage = (event) => {
  const data = event.data;
  if ('anchor' in data) {
    answer = createJobAnswerer(data.anchor);
    return;
  }
  scope.postMessage(
    answer ? answer(data) : { id: data.id, kind: 'crash', message: 'the worker has no scenario yet' },
  );
};
