/**
 * A worker thread of the pooled account (worker-pool.ts): the scenario and CloudWatch's operations, with
 * no policy, faults or records of its own. It answers one job at a time; the main thread decides
 * everything else, so however long a job takes, the server's event loop keeps answering.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { common, isAwsError } from '../core/errors';
import { createOperations } from '../core/operations';
import { createScenario } from '../core/scenario/scenario';
import type { WorkerAnswer, WorkerJob } from './worker-protocol';

const { anchor } = workerData as { anchor: number };
const operations = createOperations(createScenario(anchor));

function answer(job: WorkerJob): WorkerAnswer {
  try {
    const impl = Object.hasOwn(operations, job.operation) ? operations[job.operation] : undefined;
    if (!impl) throw common.unknownOperation();
    const output = impl({
      input: job.input,
      region: job.region,
      now: job.now,
      partial: job.partial,
      arithmetic: job.arithmetic,
    });
    return { id: job.id, kind: 'output', output };
  } catch (error) {
    if (isAwsError(error)) {
      const { code, message, status, type, messageMember } = error;
      return { id: job.id, kind: 'error', error: { code, message, status, type, messageMember } };
    }
    return { id: job.id, kind: 'crash', message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (job: WorkerJob) => {
  parentPort?.postMessage(answer(job));
});
