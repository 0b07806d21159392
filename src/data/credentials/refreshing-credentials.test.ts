import { describe, expect, test } from 'vitest';
import type { StaticCredentials } from '../cloudwatch/client';
import { refreshingCredentials } from './refreshing-credentials';

const MINUTE = 60_000;

function counterProvider(lifetimeMs: number, clock: { now: number }) {
  let calls = 0;
  const provider = async (): Promise<StaticCredentials> => {
    calls += 1;
    return {
      accessKeyId: `ASIA${calls}`,
      secretAccessKey: 's',
      sessionToken: 't',
      expiration: new Date(clock.now + lifetimeMs),
    };
  };
  return { provider, calls: () => calls };
}

describe('refreshingCredentials', () => {
  test.each([
    [0, 1, 'ASIA1'],
    [54 * MINUTE, 1, 'ASIA1'],
    [55 * MINUTE + 1, 2, 'ASIA2'],
    [61 * MINUTE, 2, 'ASIA2'],
  ])('an hour-long set, asked again after %i ms: %i calls, %s', async (later, calls, key) => {
    const clock = { now: 0 };
    const { provider, calls: count } = counterProvider(60 * MINUTE, clock);
    const creds = refreshingCredentials(provider, { now: () => clock.now });
    await creds.get();
    clock.now = later;
    expect((await creds.get()).accessKeyId).toBe(key);
    expect(count()).toBe(calls);
  });

  test('concurrent callers share one refresh', async () => {
    const clock = { now: 0 };
    const { provider, calls } = counterProvider(60 * MINUTE, clock);
    const creds = refreshingCredentials(provider, { now: () => clock.now });
    const all = await Promise.all([creds.get(), creds.get(), creds.get()]);
    expect(new Set(all.map((c) => c.accessKeyId))).toEqual(new Set(['ASIA1']));
    expect(calls()).toBe(1);
  });

  test('credentials without an expiry are kept; invalidate forces a new set', async () => {
    let calls = 0;
    const creds = refreshingCredentials(async () => ({
      accessKeyId: `AKIA${++calls}`,
      secretAccessKey: 's',
    }));
    await creds.get();
    await creds.get();
    expect(calls).toBe(1);
    creds.invalidate();
    expect((await creds.get()).accessKeyId).toBe('AKIA2');
  });

  test('a failed refresh is not cached: the next call tries again', async () => {
    let fail = true;
    const creds = refreshingCredentials(async () => {
      if (fail) throw new Error('offline');
      return { accessKeyId: 'ASIA', secretAccessKey: 's' };
    });
    await expect(creds.get()).rejects.toThrow('offline');
    fail = false;
    await expect(creds.get()).resolves.toMatchObject({ accessKeyId: 'ASIA' });
  });
});
