/**
 * The simulated account with its operations in other threads (node:worker_threads for the loopback
 * server, a Web Worker for the demo in the browser): one 30-day query takes the scenario most of a second
 * to compute, and on the thread that answers everything else (a server's event loop, a page's main
 * thread) everything waits for it. Here the calling thread keeps what must be one (the clock, the policy,
 * the faults and their budgets, the recorded calls) and only the operations run in the threads, each of
 * which holds the same deterministic scenario, so any of them gives the same answer. Platform-neutral:
 * the transports supply the threads.
 */
import type { FakeCloudWatch, OperationAnswer, OperationRequest, RecordedCall } from '../core/account';
import { type AwsError, AwsError as AwsErrorClass, common, modeled } from '../core/errors';
import { FaultController, type FaultDecision } from '../core/faults';
import type { WorkerAnswer, WorkerJob } from './worker-protocol';

export interface ThreadedAccountOptions {
  now?: () => number;
  /** Epoch ms the scripted episodes are placed around; as createFakeCloudWatch's, now() rounded to 15 min by default. */
  anchor?: number;
  deny?: Iterable<string>;
}

/** One thread running account-thread.ts's answerer for the given anchor, one job at a time. */
export interface AccountThread {
  post(job: WorkerJob): void;
  /** Called with each answer, and with a message when the thread died (it is then replaced). */
  listen(onAnswer: (answer: WorkerAnswer) => void, onDeath: (message: string) => void): void;
  terminate(): Promise<unknown>;
}

/**
 * A FakeCloudWatch whose operations run off the calling thread; close() stops the threads. Its
 * `defaultLabel` is not used: a labeller is a function, which cannot cross to a worker (tests that need
 * one use createFakeCloudWatch).
 */
export interface ThreadedFakeCloudWatch extends FakeCloudWatch {
  readonly threads: number;
  close(): Promise<void>;
}

const MAX_CALLS = 1000;
const ANCHOR_STEP_MS = 15 * 60_000;

function faultError(decision: FaultDecision): AwsError | undefined {
  switch (decision.error) {
    case 'throttle':
      return common.throttling();
    case '5xx':
      return modeled.internal();
    case '503':
      return common.serviceUnavailable();
    case 'expired':
      return common.expiredToken();
    default:
      return undefined;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Pending {
  job: WorkerJob;
  /** When the job should have started at the latest: its arrival plus a share of its expected cost. */
  due: number;
  resolve(answer: WorkerAnswer): void;
}

function epochMs(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value < 1e11 ? value * 1000 : value;
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

/**
 * Roughly how many datapoints a request makes the scenario compute: each query's window over its period
 * (SEARCH and Metrics Insights a few series each). Only an order of magnitude is needed, to let a
 * 3-hour query go before a 30-day one.
 */
export function estimatedPoints(operation: string, input: Record<string, unknown>): number {
  if (operation !== 'GetMetricData') return 100;
  const start = epochMs(input.StartTime);
  const end = epochMs(input.EndTime);
  const queries = Array.isArray(input.MetricDataQueries) ? (input.MetricDataQueries as unknown[]) : [];
  if (start === undefined || end === undefined || end <= start) return 100 * Math.max(1, queries.length);
  let points = 0;
  for (const query of queries) {
    const q = (query ?? {}) as { Period?: unknown; MetricStat?: { Period?: unknown }; Expression?: unknown };
    const expression = typeof q.Expression === 'string' ? q.Expression : '';
    // Math over other queries costs little next to the metrics it reads; SEARCH and SELECT read several.
    const fanOut = q.MetricStat ? 1 : /SEARCH\(|SELECT\s/i.test(expression) ? 8 : 0;
    const period = Number(q.MetricStat?.Period ?? q.Period ?? 60) || 60;
    points += (Math.min(end - start, 455 * 86_400_000) / 1000 / Math.max(1, period)) * fanOut;
  }
  return Math.max(100, points);
}

/** How much later each datapoint to compute makes a job due: 30 days at 5 min is due ~0.8 s after 3 h at 1 min. */
const DUE_MS_PER_POINT = 0.03;

interface Slot {
  thread: AccountThread;
  busy: Pending | undefined;
}

/**
 * Builds the account over `count` threads made by `spawn(anchor)`; it answers like createFakeCloudWatch's,
 * from any of them.
 */
export function createThreadedFakeCloudWatch(
  options: ThreadedAccountOptions,
  count: number,
  spawn: (anchor: number) => AccountThread,
): ThreadedFakeCloudWatch {
  const now = options.now ?? (() => Date.now());
  const anchor = options.anchor ?? Math.floor(now() / ANCHOR_STEP_MS) * ANCHOR_STEP_MS;
  const faults = new FaultController();
  const calls: RecordedCall[] = [];
  const denied = new Set(options.deny ?? []);
  const queue: Pending[] = [];
  let nextId = 0;
  let closed = false;

  const slots: Slot[] = [];
  const start = (): Slot => {
    const slot: Slot = { thread: spawn(anchor), busy: undefined };
    slot.thread.listen(
      (answer) => {
        const done = slot.busy;
        slot.busy = undefined;
        done?.resolve(answer);
        pump();
      },
      (message) => {
        const done = slot.busy;
        slot.busy = undefined;
        done?.resolve({ id: done.job.id, kind: 'crash', message });
        if (closed) return;
        // A thread that died is replaced; the job it held was answered as an internal error.
        slots.splice(slots.indexOf(slot), 1, start());
        pump();
      },
    );
    return slot;
  };
  for (let i = 0; i < Math.max(1, count); i++) slots.push(start());

  /**
   * Earliest due first: a short query waiting behind long ones goes ahead of them, and a long one still
   * gets its turn once it has waited its share, so none starves.
   */
  function takeNext(): Pending | undefined {
    let best = 0;
    for (let i = 1; i < queue.length; i++)
      if ((queue[i] as Pending).due < (queue[best] as Pending).due) best = i;
    return queue.splice(best, 1)[0];
  }

  function pump(): void {
    for (const slot of slots) {
      if (slot.busy || queue.length === 0) continue;
      const next = takeNext() as Pending;
      slot.busy = next;
      slot.thread.post(next.job);
    }
  }

  const runInWorker = (job: Omit<WorkerJob, 'id'>, signal?: AbortSignal): Promise<WorkerAnswer> =>
    new Promise((resolve) => {
      if (closed || signal?.aborted) {
        resolve({ id: -1, kind: 'crash', message: 'the simulated account is closed' });
        return;
      }
      nextId += 1;
      const due = Date.now() + estimatedPoints(job.operation, job.input) * DUE_MS_PER_POINT;
      const pending: Pending = { job: { ...job, id: nextId }, due, resolve };
      queue.push(pending);
      // A caller that went away (a client that gave up) takes its job out of the queue: computing answers
      // nobody reads is how an overloaded server falls further and further behind.
      signal?.addEventListener(
        'abort',
        () => {
          const at = queue.indexOf(pending);
          if (at < 0) return;
          queue.splice(at, 1);
          resolve({ id: pending.job.id, kind: 'crash', message: 'the caller went away' });
        },
        { once: true },
      );
      pump();
    });

  const run = async (
    { operation, input, region }: OperationRequest,
    signal?: AbortSignal,
  ): Promise<OperationAnswer> => {
    if (denied.has(operation)) throw common.accessDenied(operation);
    const decision = faults.decide(operation);
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    if (decision.error === 'network') return { kind: 'network-error' };
    const injected = faultError(decision);
    if (injected) throw injected;
    const job = {
      operation,
      input,
      region,
      now: now(),
      partial: decision.partial,
      arithmetic: decision.arithmetic,
    };
    const answer = await runInWorker(job, signal);
    switch (answer.kind) {
      case 'output':
        return { kind: 'output', output: answer.output };
      case 'error': {
        const e = answer.error;
        return {
          kind: 'error',
          error: new AwsErrorClass(e.code, e.message, e.status, e.type, e.messageMember),
        };
      }
      default:
        throw modeled.internal(answer.message);
    }
  };

  const account: ThreadedFakeCloudWatch = {
    threads: slots.length,
    faults,
    calls,
    denied,
    defaultLabel: undefined,
    clearCalls: () => {
      calls.length = 0;
    },
    record: (call) => {
      calls.push({ ...call, at: now() });
      if (calls.length > MAX_CALLS) calls.splice(0, calls.length - MAX_CALLS);
    },
    invoke: async (request: OperationRequest, signal?: AbortSignal) => {
      try {
        return await run(request, signal);
      } catch (error) {
        if (error instanceof AwsErrorClass) return { kind: 'error', error };
        const message = error instanceof Error ? error.message : String(error);
        return { kind: 'error', error: modeled.internal(message) };
      }
    },
    close: async () => {
      closed = true;
      for (const pending of queue.splice(0)) {
        pending.resolve({ id: pending.job.id, kind: 'crash', message: 'the simulated account is closed' });
      }
      await Promise.all(slots.map((slot) => slot.thread.terminate()));
    },
  };
  return account;
}
