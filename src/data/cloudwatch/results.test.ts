import type { GetMetricDataOutput, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { describe, expect, test } from 'vitest';
import type { PlannedOutput } from './plan-types';
import { mergePages, toPoints, toSeriesResult } from './results';

const T0 = Date.UTC(2024, 4, 15, 12);
const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);

function output(extra: Partial<PlannedOutput> = {}): PlannedOutput {
  return { batch: 0, id: 'e0', period: 60, queryIds: ['e0'], componentIds: {}, messages: [], ...extra };
}

function page(results: MetricDataResult[], extra: Partial<GetMetricDataOutput> = {}): GetMetricDataOutput {
  return { MetricDataResults: results, ...extra };
}

describe('toPoints', () => {
  test('converts to epoch ms, sorts ascending and drops NaN', () => {
    const points = toPoints({
      Id: 'm0',
      Timestamps: [at(2), at(0), at(1), at(3)],
      Values: [2, 0, Number.NaN, 3],
    });
    expect(points).toEqual([
      { t: T0, v: 0 },
      { t: T0 + 120_000, v: 2 },
      { t: T0 + 180_000, v: 3 },
    ]);
  });
});

describe('mergePages', () => {
  test('joins the datapoints of NextToken pages by Id and Label', () => {
    const merged = mergePages([
      page([
        { Id: 'm0', Label: 'Orders', Timestamps: [at(3), at(2)], Values: [3, 2], StatusCode: 'PartialData' },
        { Id: 'q0', Label: 'eu', Timestamps: [at(3)], Values: [30], StatusCode: 'PartialData' },
        { Id: 'q0', Label: 'us', Timestamps: [at(3)], Values: [40], StatusCode: 'PartialData' },
      ]),
      page(
        [
          { Id: 'm0', Label: 'Orders', Timestamps: [at(1)], Values: [1], StatusCode: 'Complete' },
          { Id: 'q0', Label: 'us', Timestamps: [at(2)], Values: [41], StatusCode: 'Complete' },
          { Id: 'q0', Label: 'eu', Timestamps: [at(2)], Values: [31], StatusCode: 'Complete' },
        ],
        { Messages: [{ Code: 'Info', Value: 'merged' }] },
      ),
    ]);
    expect(merged.results.map((r) => [r.Id, r.Label, r.Values, r.StatusCode])).toEqual([
      ['m0', 'Orders', [3, 2, 1], 'Complete'],
      ['q0', 'eu', [30, 31], 'Complete'],
      ['q0', 'us', [40, 41], 'Complete'],
    ]);
    expect(merged.messages).toEqual(['Info: merged']);
  });
});

describe('toSeriesResult', () => {
  test('several results under one Id become several series', () => {
    const response = mergePages([
      page([
        { Id: 'e0', Label: 'checkout', Timestamps: [at(0)], Values: [1], StatusCode: 'Complete' },
        { Id: 'e0', Label: 'search', Timestamps: [at(0)], Values: [2], StatusCode: 'Complete' },
        { Id: 'm9', Label: 'Other', Timestamps: [at(0)], Values: [3], StatusCode: 'Complete' },
      ]),
    ]);
    const result = toSeriesResult('by-service', output(), response);
    expect(result.series.map((s) => s.label)).toEqual(['checkout', 'search']);
    expect(result.complete).toBe(true);
    expect(result.error).toBeUndefined();
  });

  test('an expression labelled with its Id is labelled with the request instead', () => {
    const response = mergePages([page([{ Id: 'e0', Label: 'e0', Timestamps: [], Values: [] }])]);
    expect(toSeriesResult('error-rate', output(), response).series).toEqual([
      { label: 'error-rate', points: [] },
    ]);
  });

  test('components come back by their name in the KPI', () => {
    const response = mergePages([
      page([
        { Id: 'e0', Label: '', Timestamps: [at(0)], Values: [0.5] },
        { Id: 'm0', Label: 'Errors', Timestamps: [at(0)], Values: [1] },
        { Id: 'm1', Label: 'm1', Timestamps: [at(0)], Values: [2] },
      ]),
    ]);
    const result = toSeriesResult(
      'rate',
      output({ componentIds: { errors: 'm0', requests: 'm1' } }),
      response,
    );
    expect(result.components).toEqual({
      errors: { label: 'Errors', points: [{ t: T0, v: 1 }] },
      requests: { label: 'requests', points: [{ t: T0, v: 2 }] },
    });
  });

  test('PartialData is incomplete and keeps CloudWatch’s messages with the planner’s', () => {
    const response = mergePages([
      page([
        {
          Id: 'e0',
          Label: 'x',
          StatusCode: 'PartialData',
          Messages: [{ Code: 'MaxDatapointsExceeded', Value: 'more data available' }],
        },
      ]),
    ]);
    const result = toSeriesResult('r', output({ messages: ['period raised'] }), response);
    expect(result.complete).toBe(false);
    expect(result.messages).toEqual(['period raised', 'MaxDatapointsExceeded: more data available']);
  });

  test.each([
    ['InternalError', true],
    ['Forbidden', false],
  ] as const)('StatusCode %s is an error on that series only', (status, retryable) => {
    const response = mergePages([
      page([
        { Id: 'e0', StatusCode: status, Messages: [{ Code: status, Value: 'cross-account denied' }] },
        { Id: 'm0', StatusCode: 'Complete', Timestamps: [at(0)], Values: [1] },
      ]),
    ]);
    expect(toSeriesResult('r', output(), response).error).toMatchObject({ code: status, retryable });
    expect(toSeriesResult('ok', output({ id: 'm0' }), response).error).toBeUndefined();
  });
});
