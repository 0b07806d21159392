import type { GetMetricDataOutput, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { describe, expect, test } from 'vitest';
import type { PlannedMetricStat, PlannedOutput, PlannedQuery } from './plan-types';
import { mergePages, toPoints, toSeriesResult } from './results';

const T0 = Date.UTC(2024, 4, 15, 12);
const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);

function output(extra: Partial<PlannedOutput> = {}): PlannedOutput {
  return {
    batch: 0,
    id: 'e0',
    period: 60,
    window: { start: T0 - 86_400_000, end: T0 + 86_400_000 },
    queryIds: ['e0'],
    componentIds: {},
    messages: [],
    ...extra,
  };
}

const metricStat: PlannedMetricStat = {
  Metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [] },
  Period: 60,
  Stat: 'Average',
};

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
    expect(merged.messages).toEqual([{ code: 'Info', text: 'merged', scope: 'call' }]);
  });

  // The API reference documents NextToken ("to get the next set of data points") but neither the order
  // of a later page's results nor that the results of one Id are labelled apart.
  test('two bounds of one Id labelled alike stay two series, joined by their position', () => {
    const merged = mergePages([
      page([
        { Id: 'b', Label: 'band', Timestamps: [at(3)], Values: [12], StatusCode: 'PartialData' },
        { Id: 'b', Label: 'band', Timestamps: [at(3)], Values: [8], StatusCode: 'PartialData' },
      ]),
      page([
        { Id: 'b', Label: 'band', Timestamps: [at(2)], Values: [11], StatusCode: 'Complete' },
        { Id: 'b', Label: 'band', Timestamps: [at(2)], Values: [7], StatusCode: 'Complete' },
      ]),
    ]);
    expect(merged.results.map((r) => [r.Label, r.Values, r.StatusCode])).toEqual([
      ['band', [12, 11], 'Complete'],
      ['band', [8, 7], 'Complete'],
    ]);
  });

  test.each([
    ['empty', ['', ''], ['', '']],
    ['changed from page to page', ['max 12', 'max 8'], ['max 11', 'max 7']],
    ['labelled on one page only', ['upper', 'lower'], ['', '']],
  ])('labels that are %s: joined by position', (_, first, second) => {
    const merged = mergePages([
      page(first.map((Label, i) => ({ Id: 'b', Label, Timestamps: [at(3)], Values: [10 - i] }))),
      page(second.map((Label, i) => ({ Id: 'b', Label, Timestamps: [at(2)], Values: [20 - i] }))),
    ]);
    expect(merged.results.map((r) => r.Values)).toEqual([
      [10, 20],
      [9, 19],
    ]);
  });

  test('distinct labels still join a later page that leaves a series out', () => {
    const merged = mergePages([
      page([
        { Id: 's', Label: 'adyen', Timestamps: [at(3)], Values: [1] },
        { Id: 's', Label: 'paypal', Timestamps: [at(3)], Values: [2] },
        { Id: 's', Label: 'stripe', Timestamps: [at(3)], Values: [3] },
      ]),
      page([
        { Id: 's', Label: 'stripe', Timestamps: [at(2)], Values: [30] },
        { Id: 's', Label: 'adyen', Timestamps: [at(2)], Values: [10] },
      ]),
    ]);
    expect(merged.results.map((r) => [r.Label, r.Values])).toEqual([
      ['adyen', [1, 10]],
      ['paypal', [2]],
      ['stripe', [3, 30]],
    ]);
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

  test('a call shared with a wider window gives each request only its own window', () => {
    const response = mergePages([
      page([{ Id: 'e0', Label: 'x', Timestamps: [at(0), at(1), at(2), at(3)], Values: [0, 1, 2, 3] }]),
    ]);
    const own = output({ window: { start: T0 + 60_000, end: T0 + 3 * 60_000 } });
    expect(toSeriesResult('r', own, response).series[0]?.points.map((p) => p.v)).toEqual([1, 2]);
  });

  test('a query sent with a Label keeps every label CloudWatch made of it, as it came', () => {
    const response = mergePages([
      page([
        { Id: 'e0', Label: 'e0', Timestamps: [], Values: [] },
        { Id: 'e0', Label: '', Timestamps: [], Values: [] },
        { Id: 'e0', Label: 'Zürich 東京', Timestamps: [], Values: [] },
      ]),
    ]);
    const labelled = output({ label: 'by-dimension' });
    expect(toSeriesResult('r', labelled, response).series.map((s) => s.label)).toEqual([
      'e0',
      '',
      'Zürich 東京',
    ]);
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

  test('PartialData is incomplete, keeps CloudWatch’s messages, and the planner’s notes apart', () => {
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
    expect(result.messages).toEqual([
      {
        code: 'MaxDatapointsExceeded',
        text: 'more data available',
        scope: 'result',
        remedy: 'narrow the time range or use a longer period',
      },
    ]);
    expect(result.notes).toEqual(['period raised']);
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

const ARITHMETIC =
  'One or more data-points have been dropped due to non-numeric values (NaN, -Infinite, +Infinite)';

describe('CloudWatch messages on results and calls', () => {
  const rate: MetricDataResult = {
    Id: 'e0',
    Label: 'rate',
    StatusCode: 'Complete',
    Timestamps: [at(0)],
    Values: [0.5],
  };
  const other: MetricDataResult = {
    Id: 'm0',
    Label: 'Orders',
    StatusCode: 'Complete',
    Timestamps: [],
    Values: [],
  };

  test.each([
    {
      name: 'a Complete result with ArithmeticError keeps the message and stays complete',
      pages: [page([{ ...rate, Messages: [{ Code: 'ArithmeticError', Value: ARITHMETIC }] }, other])],
      ref: { id: 'e0' },
      complete: true,
      expected: [{ code: 'ArithmeticError', text: ARITHMETIC, scope: 'result', remedy: 'divided by zero' }],
    },
    {
      name: 'a result does not take another result’s message',
      pages: [page([{ ...rate, Messages: [{ Code: 'ArithmeticError', Value: ARITHMETIC }] }, other])],
      ref: { id: 'm0' },
      complete: true,
      expected: [],
    },
    {
      name: 'a call-level MaxMetricsExceeded goes on every result of the call',
      pages: [page([rate, other], { Messages: [{ Code: 'MaxMetricsExceeded', Value: undefined }] })],
      ref: { id: 'm0' },
      complete: true,
      expected: [
        {
          code: 'MaxMetricsExceeded',
          text: 'Maximum number of allowed metrics exceeded',
          scope: 'call',
          remedy: 'narrow the SEARCH',
        },
      ],
    },
    {
      name: 'a call-level message repeated on every NextToken page is kept once',
      pages: [
        page([rate], {
          Messages: [{ Code: 'MaxQueryTimeRangeExceeded', Value: 'Max time window exceeded' }],
        }),
        page([rate], {
          Messages: [{ Code: 'MaxQueryTimeRangeExceeded', Value: 'Max time window exceeded' }],
        }),
      ],
      ref: { id: 'e0' },
      complete: true,
      expected: [
        {
          code: 'MaxQueryTimeRangeExceeded',
          text: 'Max time window exceeded',
          scope: 'call',
          remedy: 'two weeks',
        },
      ],
    },
    {
      name: 'result messages come first, then the call’s; an empty Code with no Value is nothing',
      pages: [
        page(
          [{ ...rate, StatusCode: 'PartialData', Messages: [{ Code: 'InternalError', Value: 'Retry' }] }],
          {
            Messages: [{ Code: '', Value: undefined }, { Code: 'MaxQueryResultsExceeded' }],
          },
        ),
      ],
      ref: { id: 'e0' },
      complete: false,
      expected: [
        { code: 'InternalError', text: 'Retry', scope: 'result', remedy: 'next refresh' },
        { code: 'MaxQueryResultsExceeded', scope: 'call', remedy: 'ORDER BY' },
      ],
    },
    {
      name: 'an unknown code keeps its text and gets no remedy',
      pages: [page([{ ...rate, Messages: [{ Code: 'BrandNewCode', Value: 'something new' }] }])],
      ref: { id: 'e0' },
      complete: true,
      expected: [{ code: 'BrandNewCode', text: 'something new', scope: 'result', remedy: undefined }],
    },
  ])('$name', ({ pages, ref, complete, expected }) => {
    const result = toSeriesResult('r', output(ref), mergePages(pages));
    expect(result.complete).toBe(complete);
    expect(result.error).toBeUndefined();
    expect(result.messages).toHaveLength(expected.length);
    expected.forEach((want, i) => {
      const got = result.messages[i];
      expect(got).toMatchObject({ code: want.code, scope: want.scope });
      if ('text' in want) expect(got?.text).toBe(want.text);
      if (want.remedy === undefined) expect(got?.remedy).toBeUndefined();
      else expect(got?.remedy).toContain(want.remedy);
    });
  });

  test('a Forbidden result says what to do, from the service’s own text', () => {
    const response = mergePages([
      page([
        {
          Id: 'e0',
          StatusCode: 'Forbidden',
          Messages: [
            { Code: 'Forbidden', Value: 'Authentication too complex to retrieve cross region data' },
          ],
        },
      ]),
    ]);
    expect(toSeriesResult('r', output(), response).error).toMatchObject({
      code: 'Forbidden',
      retryable: false,
      message: expect.stringContaining("set the KPI's region to the Region the metric is in"),
    });
  });
});

describe('a call-level quota message goes to the KPI whose query has the quota', () => {
  const series = (Id: string): MetricDataResult => ({
    Id,
    Label: Id,
    StatusCode: 'Complete',
    Timestamps: [at(0)],
    Values: [1],
  });
  const queries: PlannedQuery[] = [
    { Id: 'm0', MetricStat: metricStat, ReturnData: true },
    { Id: 'e0', Expression: 'SUM(s0)', ReturnData: true },
    {
      Id: 's0',
      Expression: `SEARCH('{AWS/EC2,InstanceId} CPUUtilization', 'Average', 60)`,
      ReturnData: false,
    },
    {
      Id: 'q0',
      Expression: 'select AVG(CPUUtilization) FROM "AWS/EC2" GROUP BY InstanceId',
      ReturnData: true,
    },
    { Id: 'e1', Expression: 'm0 * 2', ReturnData: true },
  ];
  const requests = {
    plain: output({ id: 'm0', queryIds: ['m0'] }),
    searchSum: output({ id: 'e0', queryIds: ['s0', 'e0'] }),
    insights: output({ id: 'q0', queryIds: ['q0'] }),
    math: output({ id: 'e1', queryIds: ['m0', 'e1'] }),
  };
  const callWith = (Code: string, sent = queries) =>
    mergePages(
      [page(['m0', 'e0', 'q0', 'e1'].map(series), { Messages: [{ Code, Value: `${Code} text` }] })],
      sent,
    );
  const carrying = (response: ReturnType<typeof mergePages>): string[] =>
    Object.entries(requests)
      .filter(([ref, out]) => toSeriesResult(ref, out, response).messages.length > 0)
      .map(([ref]) => ref);

  test.each([
    ['MaxMetricsExceeded', ['searchSum', 'insights']],
    ['MaxQueryResultsExceeded', ['insights']],
    ['MaxMatchingResultsExceeded', ['insights']],
    ['MaxQueryTimeRangeExceeded', ['insights']],
    ['SomethingNew', ['plain', 'searchSum', 'insights', 'math']],
  ])('%s reaches %j', (code, expected) => {
    expect(carrying(callWith(code))).toEqual(expected);
  });

  test('the KPI reads the call’s text with the one remedy for the code', () => {
    const result = toSeriesResult('searchSum', requests.searchSum, callWith('MaxMetricsExceeded'));
    expect(result.messages).toEqual([
      {
        code: 'MaxMetricsExceeded',
        text: 'MaxMetricsExceeded text',
        scope: 'call',
        remedy: expect.stringContaining('narrow the SEARCH'),
      },
    ]);
  });

  test('when no query of the call has the quota, or the queries are unknown, every KPI hears it', () => {
    const noSearch = queries.filter((q) => q.Id === 'm0' || q.Id === 'e1');
    expect(carrying(callWith('MaxMetricsExceeded', noSearch))).toEqual(Object.keys(requests));
    expect(carrying(callWith('MaxQueryResultsExceeded', []))).toEqual(Object.keys(requests));
  });
});
