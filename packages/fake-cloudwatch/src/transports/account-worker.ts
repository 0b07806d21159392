/**
 * A node worker thread of the pooled account (worker-pool.ts): answers each job with account-thread.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createJobAnswerer } from './answer-job';
import type { WorkerJob } from './worker-protocol';

const answer = createJobAnswerer((workerData as { anchor: number }).anchor);
parentPort?.on('message', (job: WorkerJob) => {
  parentPort?.postMessage(answer(job));
});
