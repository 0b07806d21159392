import { describe, expect, test } from 'vitest';
import type { RelayRunReport } from '../src/relay/relay';
import { describeRun, parseRelayArgs, relayConfigFrom, relaySourceConfig } from './relay';

describe('npm run relay', () => {
  test('needs --out, and an interval of 60 s or more unless a test asks for less', () => {
    expect(() => parseRelayArgs([])).toThrow('--out <folder> is required');
    expect(() => parseRelayArgs(['--out', 'x', '--interval', '5'])).toThrow(/--interval 5: at least 60 s/);
    expect(() => parseRelayArgs(['--out', 'x', '--interval', 'soon'])).toThrow(/a number of seconds/);
    expect(parseRelayArgs(['--out', 'x', '--interval', '5', '--allow-short-interval'])).toMatchObject({
      out: 'x',
      interval: 5,
      allowShortInterval: true,
      dashboards: 'public/dashboards',
      once: false,
    });
  });

  test("publishes every dashboard of the folder's index at its default values, or what a config lists", () => {
    expect(relayConfigFrom({ dashboards: 'public/dashboards' })).toEqual({
      dashboards: [{ file: 'checkout.yaml' }, { file: 'platform.yaml' }],
    });
  });

  test('talks to the endpoint given with fake keys, or to AWS with the default credential chain', () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, profile: process.env.AWS_PROFILE };
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_PROFILE;
    try {
      expect(relaySourceConfig({ endpoint: 'http://127.0.0.1:9327' })).toEqual({
        kind: 'custom-endpoint',
        endpoint: 'http://127.0.0.1:9327',
      });
      expect(relaySourceConfig({}).kind).toBe('aws');
    } finally {
      if (saved.id !== undefined) process.env.AWS_ACCESS_KEY_ID = saved.id;
      if (saved.profile !== undefined) process.env.AWS_PROFILE = saved.profile;
    }
  });

  test('logs one line per snapshot, faults and skipped files in words', () => {
    const base = { calls: 0, metrics: 0, fetchedPoints: 0, cachedPoints: 0, queryErrors: 0, variables: {} };
    const report: RelayRunReport = {
      startedAt: Date.UTC(2026, 11, 1, 12),
      finishedAt: Date.UTC(2026, 11, 1, 12),
      calls: 1,
      metrics: 6,
      alarmCalls: 1,
      snapshots: [
        {
          ...base,
          file: 'checkout.yaml',
          key: 'checkout/env=prod.json',
          status: 'written',
          calls: 1,
          metrics: 6,
          seeded: true,
        },
        {
          ...base,
          file: 'platform.yaml',
          key: 'platform/default.json',
          status: 'fault',
          fault: { code: 'Throttling', message: 'slow down', since: 0 },
        },
        { ...base, file: 'bad.yaml', status: 'invalid', message: 'bad.yaml is not a valid dashboard: x' },
      ],
    };
    expect(describeRun(report)).toEqual([
      '2026-12-01T12:00:00.000Z checkout/env=prod.json: 1 GetMetricData call(s), 6 metric(s), 0 points fetched, 0 from cache (seeded from the last snapshot)',
      '2026-12-01T12:00:00.000Z platform/default.json: FAILED (Throttling) slow down; the last good series stay, marked with it',
      '2026-12-01T12:00:00.000Z bad.yaml: SKIPPED bad.yaml is not a valid dashboard: x',
    ]);
  });
});
