/**
 * The account is the same whichever protocol carries it: the installed SDK, speaking awsJson1_0 and then
 * awsQuery to the same account at the same time, gets the same outputs and the same exceptions.
 */
import {
  type CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  type GetMetricDataOutput,
  ListMetricsCommand,
} from '@aws-sdk/client-cloudwatch';
import { describe, expect, test } from 'vitest';
import { cloudWatchClient, failure, HOUR, metricQuery, NOW, setupFakeCloudWatch } from '../test-support';

setupFakeCloudWatch();
const json = cloudWatchClient(1, 'json');
const query = cloudWatchClient(1, 'query');

function withoutMetadata<T extends { $metadata?: unknown }>(output: T): Omit<T, '$metadata'> {
  const { $metadata: _m, ...rest } = output;
  return rest;
}

async function pages(
  client: CloudWatchClient,
  input: ConstructorParameters<typeof GetMetricDataCommand>[0],
): Promise<Array<Omit<GetMetricDataOutput, '$metadata'>>> {
  const out: Array<Omit<GetMetricDataOutput, '$metadata'>> = [];
  let token: string | undefined;
  do {
    const page = await client.send(new GetMetricDataCommand({ ...input, NextToken: token }));
    out.push(withoutMetadata(page));
    token = page.NextToken;
  } while (token && out.length < 50);
  return out;
}

describe('JSON and query answer alike', () => {
  test('GetMetricData, paged by MaxDatapoints, page for page', async () => {
    const input = {
      StartTime: new Date(NOW - 3 * HOUR),
      EndTime: new Date(NOW),
      MaxDatapoints: 100,
      MetricDataQueries: [
        metricQuery('orders', 'Shop/Checkout', 'OrdersPlaced', { Environment: 'prod' }, 'Sum', 60),
        metricQuery('p99', 'Shop/Checkout', 'CheckoutLatency', { Environment: 'prod' }, 'p99', 300, {
          Label: 'checkout p99',
        }),
      ],
    };
    const overJson = await pages(json, input);
    const overQuery = await pages(query, input);
    expect(overJson.length).toBeGreaterThan(1);
    expect(overQuery).toEqual(overJson);
  });

  test('a NextToken from one protocol continues the same request in the other', async () => {
    const input = {
      StartTime: new Date(NOW - 3 * HOUR),
      EndTime: new Date(NOW),
      MaxDatapoints: 60,
      MetricDataQueries: [
        metricQuery('orders', 'Shop/Checkout', 'OrdersPlaced', { Environment: 'prod' }, 'Sum', 60),
      ],
    };
    const first = await json.send(new GetMetricDataCommand(input));
    expect(first.NextToken).toBeDefined();
    const next = { ...input, NextToken: first.NextToken };
    const overQuery = await query.send(new GetMetricDataCommand(next));
    expect(withoutMetadata(overQuery)).toEqual(
      withoutMetadata(await json.send(new GetMetricDataCommand(next))),
    );
  });

  test('GetMetricData with math, SEARCH and messages', async () => {
    const input = {
      StartTime: new Date(NOW - HOUR),
      EndTime: new Date(NOW),
      MetricDataQueries: [
        metricQuery('ok', 'Shop/Checkout', 'PaymentsSucceeded', { Environment: 'prod' }, 'Sum', 300, {
          ReturnData: false,
        }),
        { Id: 'zero', Expression: 'ok / 0', Period: 300 },
        { Id: 'found', Expression: "SEARCH('{Shop/Checkout,Environment} OrdersPlaced', 'Sum', 300)" },
      ],
    };
    const overJson = await pages(json, input);
    expect(overJson[0]?.MetricDataResults?.length).toBeGreaterThan(1);
    expect(await pages(query, input)).toEqual(overJson);
  });

  test('ListMetrics, every page of it', async () => {
    const all = async (client: CloudWatchClient): Promise<unknown[]> => {
      const out: unknown[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListMetricsCommand({ NextToken: token }));
        out.push(withoutMetadata(page));
        token = page.NextToken;
      } while (token);
      return out;
    };
    const overJson = await all(json);
    expect(await all(query)).toEqual(overJson);
  });

  test('ListMetrics with dimension filters and an empty filter list', async () => {
    for (const input of [
      { Namespace: 'Shop/Checkout', Dimensions: [{ Name: 'PaymentProvider', Value: 'adyen' }] },
      { Namespace: 'AWS/Billing', Dimensions: [] },
    ]) {
      const overJson = withoutMetadata(await json.send(new ListMetricsCommand(input)));
      expect(withoutMetadata(await query.send(new ListMetricsCommand(input)))).toEqual(overJson);
    }
  });

  test('DescribeAlarms, by names and paged by MaxRecords', async () => {
    const names = { AlarmNames: ['checkout-prod-p99-high', 'legacy-invoice-exporter-heartbeat'] };
    const byName = withoutMetadata(await json.send(new DescribeAlarmsCommand(names)));
    expect(byName.MetricAlarms).toHaveLength(2);
    expect(withoutMetadata(await query.send(new DescribeAlarmsCommand(names)))).toEqual(byName);

    const first = await json.send(new DescribeAlarmsCommand({ MaxRecords: 3 }));
    const second = await query.send(new DescribeAlarmsCommand({ MaxRecords: 3, NextToken: first.NextToken }));
    const again = await json.send(new DescribeAlarmsCommand({ MaxRecords: 3, NextToken: first.NextToken }));
    expect(withoutMetadata(second)).toEqual(withoutMetadata(again));
  });

  test.each([
    [
      'GetMetricData with a bad Id',
      new GetMetricDataCommand({
        StartTime: new Date(NOW - HOUR),
        EndTime: new Date(NOW),
        MetricDataQueries: [{ Id: 'Bad', Expression: 'TIME_SERIES(1)' }],
      }),
    ],
    [
      'GetMetricData with a NextToken of another request',
      new GetMetricDataCommand({
        StartTime: new Date(NOW - HOUR),
        EndTime: new Date(NOW),
        NextToken: 'bm9wZQ==',
        MetricDataQueries: [{ Id: 'e', Expression: 'TIME_SERIES(1)', Period: 60 }],
      }),
    ],
    [
      'ListMetrics with more than 10 dimension filters',
      new ListMetricsCommand({ Dimensions: Array.from({ length: 11 }, (_, i) => ({ Name: `d${i}` })) }),
    ],
    [
      'DescribeAlarms with names and a prefix',
      new DescribeAlarmsCommand({ AlarmNames: ['a'], AlarmNamePrefix: 'a' }),
    ],
  ] as const)('%s fails with the same exception', async (_what, command) => {
    const overJson = await failure(json.send(command as never));
    const overQuery = await failure(query.send(command as never));
    expect({ name: overQuery.name, Code: overQuery.Code, message: overQuery.message }).toEqual({
      name: overJson.name,
      Code: overJson.Code,
      message: overJson.message,
    });
    expect(overQuery.$metadata.httpStatusCode).toBe(overJson.$metadata.httpStatusCode);
  });
});
