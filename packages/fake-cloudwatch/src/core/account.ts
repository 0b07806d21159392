import { type AwsError, common, isAwsError, modeled } from './errors';
import { FaultController, type FaultDecision } from './faults';
import { createOperations } from './operations';
import type { DefaultLabeller } from './query/engine';
import { createScenario } from './scenario/scenario';

export interface FakeCloudWatchOptions {
  now?: () => number;
  /**
   * Epoch ms the scripted episodes are placed around; defaults to `now()` at creation rounded down to
   * 15 minutes, so a just-opened demo is always mid-incident. Fix it to make two fakes agree.
   */
  anchor?: number;
  /** Operations answered with AccessDenied, as for credentials whose policy lacks the action. */
  deny?: Iterable<string>;
  /** Default labels of a test's own choosing (see FakeCloudWatch.defaultLabel). */
  defaultLabel?: DefaultLabeller;
}

/** One request as it reached the account, before anything was checked. */
export interface RecordedCall {
  operation: string;
  /** Request headers, names in lower case. */
  headers: Record<string, string>;
  /** The request's input as the protocol read it ({} when it could not be read). */
  body: unknown;
  at: number;
}

/** One request, parsed by a protocol: the operation and its input, with the API's member names. */
export interface OperationRequest {
  operation: string;
  input: Record<string, unknown>;
  region: string;
}

/**
 * What the account answers, in no protocol's terms: an output structure (timestamps as `Date`), an
 * error, or a connection that drops (the `network` fault).
 */
export type OperationAnswer =
  | { kind: 'output'; output: unknown }
  | { kind: 'error'; error: AwsError }
  | { kind: 'network-error' };

/** The simulated AWS account: a scripted scenario behind CloudWatch's operations, with faults on demand. */
export interface FakeCloudWatch {
  faults: FaultController;
  /** The latest requests (up to 1,000), oldest first. */
  calls: RecordedCall[];
  clearCalls(): void;
  /** Operations answered with AccessDenied; change it at any time. */
  denied: Set<string>;
  /**
   * The default label of every result series, in place of this simulation's own; undefined for those.
   * CloudWatch documents no default labels, so tests use it to answer labels the client has never seen
   * (the same for every series, another language, empty). Dynamic labels still expand, `${LABEL}` to
   * this. Change it at any time.
   */
  defaultLabel: DefaultLabeller | undefined;
  /** Notes a request as it arrived; transports call it before the request is authenticated. */
  record(call: Omit<RecordedCall, 'at'>): void;
  /** Runs one parsed, authenticated request: the policy, the faults, then the operation. */
  invoke(request: OperationRequest): Promise<OperationAnswer>;
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

/** Builds the simulated AWS account. It speaks no protocol: a protocol and a transport put it on the wire. */
export function createFakeCloudWatch(options: FakeCloudWatchOptions = {}): FakeCloudWatch {
  const now = options.now ?? (() => Date.now());
  const anchor = options.anchor ?? Math.floor(now() / ANCHOR_STEP_MS) * ANCHOR_STEP_MS;
  const faults = new FaultController();
  const calls: RecordedCall[] = [];
  const denied = new Set(options.deny ?? []);
  const account: FakeCloudWatch = {
    faults,
    calls,
    denied,
    defaultLabel: options.defaultLabel,
    clearCalls: () => {
      calls.length = 0;
    },
    record: (call) => {
      calls.push({ ...call, at: now() });
      if (calls.length > MAX_CALLS) calls.splice(0, calls.length - MAX_CALLS);
    },
    invoke: async (request) => {
      try {
        return await run(request);
      } catch (error) {
        if (isAwsError(error)) return { kind: 'error', error };
        const message = error instanceof Error ? error.message : String(error);
        return { kind: 'error', error: modeled.internal(message) };
      }
    },
  };
  const operations = createOperations(createScenario(anchor), () => account.defaultLabel);

  const run = async ({ operation, input, region }: OperationRequest): Promise<OperationAnswer> => {
    if (denied.has(operation)) throw common.accessDenied(operation);
    const decision = faults.decide(operation);
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    if (decision.error === 'network') return { kind: 'network-error' };
    const injected = faultError(decision);
    if (injected) throw injected;
    const impl = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
    if (!impl) throw common.unknownOperation();
    const output = impl({
      input,
      region,
      now: now(),
      partial: decision.partial,
      arithmetic: decision.arithmetic,
    });
    return { kind: 'output', output };
  };

  return account;
}
