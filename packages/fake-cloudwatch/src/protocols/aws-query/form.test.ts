import { describe, expect, test } from 'vitest';
import { readForm } from './form';
import { INPUT_SHAPES, type Shape } from './shapes';

const params = (body: string): Array<[string, string]> => [...new URLSearchParams(body)];
const GET_METRIC_DATA = INPUT_SHAPES.GetMetricData!;

describe('readForm reads the query protocol by the input shape', () => {
  test('nested lists and structures, typed members, member.N in number order', () => {
    const body = [
      'MetricDataQueries.member.2.Id=e',
      'MetricDataQueries.member.2.Expression=m%2A2',
      'MetricDataQueries.member.2.ReturnData=false',
      'MetricDataQueries.member.1.Id=m',
      'MetricDataQueries.member.1.MetricStat.Metric.Namespace=Shop%2FCheckout',
      'MetricDataQueries.member.1.MetricStat.Metric.MetricName=OrdersPlaced',
      'MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=Environment',
      'MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value=prod+east',
      'MetricDataQueries.member.1.MetricStat.Period=60',
      'MetricDataQueries.member.1.MetricStat.Stat=p99.9',
      'StartTime=2025-05-21T13%3A00%3A00Z',
      'EndTime=2025-05-21T14:00:00.000Z',
      'MaxDatapoints=100',
    ].join('&');
    expect(readForm(params(body), GET_METRIC_DATA)).toEqual({
      MetricDataQueries: [
        {
          Id: 'm',
          MetricStat: {
            Metric: {
              Namespace: 'Shop/Checkout',
              MetricName: 'OrdersPlaced',
              Dimensions: [{ Name: 'Environment', Value: 'prod east' }],
            },
            Period: 60,
            Stat: 'p99.9',
          },
        },
        { Id: 'e', Expression: 'm*2', ReturnData: false },
      ],
      StartTime: Date.UTC(2025, 4, 21, 13) / 1000,
      EndTime: Date.UTC(2025, 4, 21, 14) / 1000,
      MaxDatapoints: 100,
    });
  });

  test.each([
    ['an empty list is the bare key', 'AlarmNames=', { AlarmNames: [] }],
    ['a list of strings', 'AlarmNames.member.1=a&AlarmNames.member.2=b', { AlarmNames: ['a', 'b'] }],
    ['an empty string stays a string', 'AlarmNamePrefix=', { AlarmNamePrefix: '' }],
    ['a number that is not one stays text', 'MaxRecords=ten', { MaxRecords: 'ten' }],
    ['a list written as a value stays text', 'AlarmNames=a', { AlarmNames: 'a' }],
    ['unknown keys are ignored', 'Foo=1&AlarmNames.item.1=a&AlarmNames.member.x=b', { AlarmNames: [] }],
  ])('%s', (_what, body, expected) => {
    expect(readForm(params(body), INPUT_SHAPES.DescribeAlarms!)).toEqual(expected);
  });

  test.each([
    ['not ISO 8601', 'StartTime=May+21+2025', 'May 21 2025'],
    ['epoch seconds', 'StartTime=1747836000', '1747836000'],
  ])('a timestamp %s stays text, for the operation to refuse', (_what, body, text) => {
    expect(readForm(params(body), GET_METRIC_DATA)).toEqual({ StartTime: text });
  });

  test('maps are entry.N.key / entry.N.value, and a key named __proto__ is just a key', () => {
    const shape: Shape = {
      type: 'structure',
      members: { Tags: { type: 'map', key: { type: 'string' }, value: { type: 'integer' } } },
    };
    const input = readForm(
      params('Tags.entry.2.key=__proto__&Tags.entry.2.value=2&Tags.entry.1.key=a&Tags.entry.1.value=1'),
      shape,
    );
    expect(Object.entries(input.Tags as object)).toEqual([
      ['a', 1],
      ['__proto__', 2],
    ]);
    expect(Object.getPrototypeOf(input.Tags)).toBe(Object.prototype);
  });
});
