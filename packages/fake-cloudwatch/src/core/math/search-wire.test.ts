import { GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { describe, expect, test } from 'vitest';
import { cloudWatchClient, failure, HOUR, NOW, setupFakeCloudWatch } from '../../test-support';

// SEARCH through GetMetricData and the real SDK, as the User Guide page "CloudWatch search expression
// syntax" documents it (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/search-expression-syntax.html).
setupFakeCloudWatch();
const client = cloudWatchClient();

const get = (queries: MetricDataQuery[]) =>
  client.send(
    new GetMetricDataCommand({
      StartTime: new Date(NOW - HOUR),
      EndTime: new Date(NOW),
      ScanBy: 'TimestampAscending',
      MetricDataQueries: queries,
    }),
  );

const spacing = (dates: Date[] | undefined): number | undefined => {
  const [a, b] = dates ?? [];
  return a && b ? (b.getTime() - a.getTime()) / 1000 : undefined;
};

describe('SEARCH in GetMetricData', () => {
  const lambdas = `{AWS/Lambda,FunctionName} MetricName="Invocations" AND (webhook OR email) NOT staging`;

  test("the two-argument form SEARCH('…', 'Sum') takes the query's Period", async () => {
    const out = await get([{ Id: 's', Expression: `SEARCH('${lambdas}', 'Sum')`, Period: 300 }]);
    const results = out.MetricDataResults ?? [];
    expect(results.map((r) => r.Id)).toEqual(['s', 's']);
    for (const r of results) expect(spacing(r.Timestamps)).toBe(300);
  });

  test('the three-argument form names its own period', async () => {
    const out = await get([{ Id: 's', Expression: `SEARCH('${lambdas}', 'Sum', 600)` }]);
    const results = out.MetricDataResults ?? [];
    expect(results).toHaveLength(2);
    for (const r of results) expect(spacing(r.Timestamps)).toBe(600);
  });

  test('a search inside a math expression: SUM(SEARCH(…)) is one series', async () => {
    const out = await get([
      { Id: 'e', Expression: `SUM(SEARCH('{AWS/Lambda,FunctionName} MetricName="Errors"', 'Sum', 300))` },
    ]);
    expect(out.MetricDataResults?.map((r) => r.Id)).toEqual(['e']);
  });

  test.each([
    ['longer than 1,024 characters', `SEARCH('${'a'.repeat(1025)}', 'Sum', 300)`, /at most 1024/],
    [
      'an unclosed group',
      `SEARCH('{AWS/Lambda,FunctionName} (webhook OR email', 'Sum', 300)`,
      /expected '\)'/,
    ],
    ['no statistic', `SEARCH('{AWS/Lambda,FunctionName}')`, /SEARCH takes a search string, a statistic/],
  ])('a search %s fails the call with a ValidationError naming the query', async (_, expression, message) => {
    const error = await failure(get([{ Id: 'bad', Expression: expression, Period: 300 }]));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toMatch(/query bad/);
    expect(error.message).toMatch(message);
  });
});
