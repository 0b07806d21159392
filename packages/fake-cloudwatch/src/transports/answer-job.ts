/**
 * What a thread of the threaded account runs (threaded-account.ts): the scenario and CloudWatch's
 * operations, with no policy, faults or records of its own. The calling thread decides everything else.
 */
import { common, isAwsError } from '../core/errors';
import { createOperations } from '../core/operations';
import { createScenario } from '../core/scenario/scenario';
import type { WorkerAnswer, WorkerJob } from './worker-protocol';

/** The answerer of one thread: the scenario placed around `anchor`, built once. */
export function createJobAnswerer(anchor: number): (job: WorkerJob) => WorkerAnswer {
  const operations = createOperations(createScenario(anchor));
  return (job) => {
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
  };
}
