/**
 * A node worker thread of the pooled account (worker-pool.ts): answers each job with account-thread.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createJobAnswerer } from './answer-job';
import { WORKER_READY, type WorkerJob } from './worker-protocol';

const answer = createJobAnswerer((workerData as { anchor: number }).anchor);
parentPort?.on('message', (job: WorkerJob) => {
  parentPort?.postMessage(answer(job));
});
// Loaded and the scenario built: the pool may send jobs without a cold start in their latency.
parentPort?.postMessage(WORKER_READY);
