/** The messages between the pooled account's main thread and its workers (structured-cloned). */

/** One operation to run, with what the main thread decided for it (clock, faults that shape the output). */
export interface WorkerJob {
  id: number;
  operation: string;
  input: Record<string, unknown>;
  region: string;
  now: number;
  partial: boolean;
  arithmetic: boolean;
}

/** An AwsError as plain data: a class instance loses its prototype on the way between threads. */
export interface WorkerAwsError {
  code: string;
  message: string;
  status: number;
  type: string;
  messageMember: 'message' | 'Message';
}

export type WorkerAnswer =
  | { id: number; kind: 'output'; output: unknown }
  | { id: number; kind: 'error'; error: WorkerAwsError }
  | { id: number; kind: 'crash'; message: string };

/** What a node worker of the pool posts once it has loaded and built its scenario. */
export const WORKER_READY = 'bellwether:worker-ready';
