/**
 * The simulated account with its operations in a pool of node worker threads, for the loopback server
 * (scripts/fake-cloudwatch-server.ts): see threaded-account.ts.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  type AccountThread,
  createThreadedFakeCloudWatch,
  type ThreadedAccountOptions,
  type ThreadedFakeCloudWatch,
} from './threaded-account';
import { WORKER_READY, type WorkerAnswer, type WorkerJob } from './worker-protocol';

export interface PooledAccountOptions extends ThreadedAccountOptions {
  /** Worker threads (default: one fewer than the machine's cores, at least one, at most four). */
  workers?: number;
}

/** The default pool size for this machine. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/**
 * The worker's entry is TypeScript: each worker registers tsx's loader (a dependency of whoever runs
 * this, the repository's scripts and tests) before importing it.
 */
function workerSource(): string {
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(
    join(dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
  ).href;
  const entry = new URL('./account-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
}

function nodeThread(source: string, anchor: number, ready: Array<Promise<void>>): AccountThread {
  const worker = new Worker(source, { eval: true, workerData: { anchor } });
  worker.unref();
  ready.push(
    new Promise((resolve) => {
      const done = (): void => resolve();
      worker.on('message', (message: unknown) => {
        if (message === WORKER_READY) done();
      });
      // A worker that dies before it is ready is replaced; nobody should wait for it.
      worker.once('error', done);
      worker.once('exit', done);
    }),
  );
  return {
    post: (job: WorkerJob) => worker.postMessage(job),
    listen(onAnswer, onDeath) {
      worker.on('message', (answer: WorkerAnswer | typeof WORKER_READY) => {
        if (answer !== WORKER_READY) onAnswer(answer);
      });
      worker.on('error', (error) => onDeath(error.message));
    },
    terminate: () => worker.terminate(),
  };
}

/** The pooled account; `ready()` resolves once its first workers have loaded their scenario. */
export interface PooledFakeCloudWatch extends ThreadedFakeCloudWatch {
  ready(): Promise<void>;
}

/** Builds the pooled account; it answers like createFakeCloudWatch's, from any thread of the pool. */
export function createPooledFakeCloudWatch(options: PooledAccountOptions = {}): PooledFakeCloudWatch {
  const source = workerSource();
  const ready: Array<Promise<void>> = [];
  const account = createThreadedFakeCloudWatch(options, options.workers ?? defaultWorkerCount(), (anchor) =>
    nodeThread(source, anchor, ready),
  );
  const first = [...ready];
  return Object.assign(account, { ready: () => Promise.all(first).then(() => undefined) });
}
