import type { RequestHandler } from 'msw';
import { FaultController } from './core/faults';
import { createOperations } from './core/operations';
import { createScenario } from './core/scenario/scenario';
import { createHandlers, type RecordedCall } from './protocols/serve';

export type { FaultKind } from './core/faults';
export { FaultController, faultKinds, parseFaultParameter } from './core/faults';
export type { RecordedCall } from './protocols/serve';
export { serveRequest } from './protocols/serve';

export interface FakeCloudWatchOptions {
  now?: () => number;
  /**
   * Epoch ms the scripted episodes are placed around; defaults to `now()` at creation rounded down to
   * 15 minutes, so a just-opened demo is always mid-incident. Fix it to make two fakes agree.
   */
  anchor?: number;
}

export interface FakeCloudWatch {
  handlers: RequestHandler[];
  faults: FaultController;
  calls: RecordedCall[];
  clearCalls(): void;
}

const MAX_CALLS = 1000;
const ANCHOR_STEP_MS = 15 * 60_000;

/** Builds the simulated AWS account: msw handlers speaking CloudWatch's wire protocol over a scripted scenario. */
export function createFakeCloudWatch(options: FakeCloudWatchOptions = {}): FakeCloudWatch {
  const now = options.now ?? (() => Date.now());
  const anchor = options.anchor ?? Math.floor(now() / ANCHOR_STEP_MS) * ANCHOR_STEP_MS;
  const scenario = createScenario(anchor);
  const faults = new FaultController();
  const calls: RecordedCall[] = [];
  const handlers = createHandlers({
    operations: createOperations(scenario),
    faults,
    now,
    record: (call) => {
      calls.push(call);
      if (calls.length > MAX_CALLS) calls.splice(0, calls.length - MAX_CALLS);
    },
  });
  return {
    handlers,
    faults,
    calls,
    clearCalls: () => {
      calls.length = 0;
    },
  };
}
