import { afterEach, describe, expect, test, vi } from 'vitest';
import { encodeAdhocDashboard } from './adhoc-link';
import type { OpenedShared } from './open-shared';
import { openShared } from './open-shared-client';

const YAML = 'id: a\ntitle: A\nregion: us-east-1\nkpis: []\n';

/** A stand-in for the browser's Worker: answers as the test says, and records that it was ended. */
function fakeWorker(behave: (worker: FakeWorker, message: unknown) => void): { made: FakeWorker[] } {
  const made: FakeWorker[] = [];
  class Stub {
    onmessage: ((event: MessageEvent) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    terminated = false;
    constructor() {
      made.push(this);
    }
    postMessage(message: unknown): void {
      queueMicrotask(() => behave(this, message));
    }
    terminate(): void {
      this.terminated = true;
    }
  }
  vi.stubGlobal('Worker', Stub);
  return { made };
}
type FakeWorker = {
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminated: boolean;
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

async function payload(): Promise<string> {
  const packed = await encodeAdhocDashboard(YAML);
  if (!packed.ok) throw new Error('not packed');
  return packed.payload;
}

describe('opening a link in a worker', () => {
  test("the worker's answer is the result, and the worker is ended", async () => {
    const answer: OpenedShared = { ok: false, error: { kind: 'corrupt', message: 'from the worker' } };
    const { made } = fakeWorker((worker) => worker.onmessage?.({ data: answer } as MessageEvent));
    expect(await openShared('abc')).toEqual(answer);
    expect(made).toHaveLength(1);
    expect(made[0]!.terminated).toBe(true);
  });

  test('a worker that fails to start: the link is opened in place', async () => {
    const { made } = fakeWorker((worker) =>
      worker.onerror?.({ preventDefault: () => undefined } as unknown as ErrorEvent),
    );
    const opened = await openShared(await payload());
    expect(opened).toMatchObject({ ok: true, file: 'shared-link.yaml', yaml: YAML });
    expect(made[0]!.terminated).toBe(true);
  });

  test('a worker that never answers is stopped at the deadline, with a plain message', async () => {
    vi.useFakeTimers();
    const { made } = fakeWorker(() => undefined);
    const pending = openShared('abc');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await pending).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/was stopped/) },
    });
    expect(made[0]!.terminated).toBe(true);
  });
});
