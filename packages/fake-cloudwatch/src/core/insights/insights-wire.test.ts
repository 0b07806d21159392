import { GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { describe, expect, test } from 'vitest';
import { cloudWatchClient, failure, HOUR, NOW, setupFakeCloudWatch } from '../../test-support';

// Metrics Insights through GetMetricData and the real SDK (User Guide, "Metrics Insights query components
// and syntax"): a query the service would refuse fails the whole call with a ValidationError.
setupFakeCloudWatch();
const client = cloudWatchClient();

const get = (queries: MetricDataQuery[]) =>
  client.send(
    new GetMetricDataCommand({
      StartTime: new Date(NOW - HOUR),
      EndTime: new Date(NOW),
      MetricDataQueries: queries,
    }),
  );

describe('Metrics Insights in GetMetricData', () => {
  test('OR and parentheses in WHERE select the metrics they name', async () => {
    const out = await get([
      {
        Id: 'q',
        Expression: `SELECT SUM(Invocations) FROM SCHEMA("AWS/Lambda", FunctionName) WHERE (FunctionName = 'payment-webhook' OR FunctionName = 'inventory-sync') GROUP BY FunctionName`,
        Period: 300,
      },
    ]);
    expect(out.MetricDataResults?.map((r) => r.Id)).toEqual(['q', 'q']);
  });

  test.each([
    [
      'an unquoted namespace with /',
      `SELECT SUM(Invocations) FROM AWS/Lambda`,
      /double quotes: "AWS\/Lambda"/,
    ],
    [
      'a reserved word as a name',
      `SELECT SUM(Invocations) FROM "AWS/Lambda" GROUP BY Source`,
      /reserved keyword/,
    ],
    [
      'a double-quoted label value',
      `SELECT SUM(Invocations) FROM "AWS/Lambda" WHERE FunctionName = "x"`,
      /single quotes/,
    ],
  ])('%s fails the call with a ValidationError naming the query', async (_, sql, message) => {
    const error = await failure(get([{ Id: 'bad', Expression: sql, Period: 300 }]));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toMatch(/query bad/);
    expect(error.message).toMatch(message);
  });
});
