/**
 * Behaviours AWS documents with an example of its own, each test naming the page and using its numbers:
 * the GetMetricData API reference (StartTime rounding, ScanBy, MaxDatapoints) and the CloudWatch User
 * Guide, "Amazon CloudWatch concepts" (metrics retention, periods, dimension combinations).
 */
import {
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  type MetricDataQuery,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { describe, expect, test } from 'vitest';
import { cloudWatchClient, HOUR, MINUTE, metricQuery, NOW, setupFakeCloudWatch } from '../test-support';

const DAY = 24 * HOUR;
let now = NOW;
setupFakeCloudWatch(() => now);
const client = cloudWatchClient();

const orders = (id = 'm', period = 60, dimensions: Record<string, string> = { Environment: 'prod' }) =>
  metricQuery(id, 'Shop/Checkout', 'OrdersPlaced', dimensions, 'Sum', period);

async function get(
  queries: MetricDataQuery[],
  input: Omit<GetMetricDataCommandInput, 'MetricDataQueries'>,
): Promise<{ results: MetricDataResult[]; next?: string | undefined }> {
  const out = await client.send(new GetMetricDataCommand({ MetricDataQueries: queries, ...input }));
  return { results: out.MetricDataResults ?? [], next: out.NextToken };
}

const iso = (t: Date | undefined): string | undefined => t?.toISOString();

describe('API Reference, GetMetricData, StartTime: "CloudWatch rounds the specified time stamp as follows"', () => {
  // NOW is 2025-05-21T14:00:00Z; each StartTime is the page's 12:32:34 on a day of the right age.
  test.each([
    [
      'less than 15 days ago, to the nearest whole minute',
      '2025-05-21T12:32:34Z',
      60,
      '2025-05-21T12:32:00.000Z',
    ],
    [
      'between 15 and 63 days ago, to the nearest 5-minute clock interval',
      '2025-05-01T12:32:34Z',
      300,
      '2025-05-01T12:30:00.000Z',
    ],
    [
      'greater than 63 days ago, to the nearest 1-hour clock interval',
      '2025-02-10T12:32:34Z',
      3600,
      '2025-02-10T12:00:00.000Z',
    ],
  ])('start time %s: %s at %i s periods starts at %s', async (_age, start, period, first) => {
    const StartTime = new Date(start);
    const { results } = await get([orders('m', period)], {
      StartTime,
      EndTime: new Date(StartTime.getTime() + 4 * HOUR),
      ScanBy: 'TimestampAscending',
    });
    expect(iso(results[0]?.Timestamps?.[0])).toBe(first);
  });
});

describe('User Guide, "Amazon CloudWatch concepts", Metrics retention', () => {
  // "if you collect data using a period of 1 minute, the data remains available for 15 days with 1-minute
  // resolution. After 15 days this data is still available, but is aggregated and is retrievable only with
  // a resolution of 5 minutes. After 63 days, the data is further aggregated and is available with a
  // resolution of 1 hour." And 1-hour data points "are available for 455 days (15 months)".
  test.each([
    [14, 60, true],
    [16, 60, false],
    [16, 300, true],
    [62, 300, true],
    [64, 300, false],
    [64, 3600, true],
    [454, 3600, true],
    [456, 3600, false],
  ])('1-minute data %i days old at a period of %i s: available %s', async (days, period, available) => {
    const StartTime = new Date(NOW - days * DAY);
    const { results } = await get([orders('m', period)], {
      StartTime,
      EndTime: new Date(StartTime.getTime() + 3 * HOUR),
    });
    expect((results[0]?.Values?.length ?? 0) > 0).toBe(available);
  });
});

describe('User Guide, "Amazon CloudWatch concepts", Periods', () => {
  // "data aggregated from 7:00pm to 8:00pm is stamped as 7:00pm. Additionally, data aggregated between
  // 7:00pm and 8:00pm begins to be visible at 7:00pm, then the values of that aggregated data may change as
  // CloudWatch collects more samples during the period."
  const seven = Date.UTC(2025, 4, 20, 19, 0, 0);
  const hour = async (at: number) => {
    now = at;
    try {
      const { results } = await get([orders('m', 3600)], {
        StartTime: new Date(seven),
        EndTime: new Date(seven + HOUR),
      });
      return results[0];
    } finally {
      now = NOW;
    }
  };

  test('an hour from 7:00pm to 8:00pm is one datapoint stamped 7:00pm', async () => {
    const result = await hour(seven + 2 * HOUR);
    expect(result?.Timestamps?.map((t) => t.toISOString())).toEqual(['2025-05-20T19:00:00.000Z']);
  });

  test('it is visible during the hour and grows as the hour fills', async () => {
    const early = (await hour(seven + 20 * MINUTE))?.Values?.[0];
    const later = (await hour(seven + 40 * MINUTE))?.Values?.[0];
    const whole = (await hour(seven + 2 * HOUR))?.Values?.[0];
    expect(early).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(early ?? 0);
    expect(whole).toBeGreaterThan(later ?? 0);
  });
});

test('User Guide, "Amazon CloudWatch concepts", Dimension combinations: only the combinations published', async () => {
  // "You can only retrieve statistics using combinations of dimensions that you specifically published"
  // and "CloudWatch does not aggregate across dimensions for your custom metrics."
  const attempts = (id: string, dimensions: Record<string, string>) =>
    metricQuery(id, 'Shop/Checkout', 'PaymentsAttempted', dimensions, 'Sum', 300);
  const { results } = await get(
    [
      attempts('both', { Environment: 'prod', PaymentProvider: 'adyen' }),
      attempts('env', { Environment: 'prod' }),
      attempts('provider', { PaymentProvider: 'adyen' }),
      attempts('none', {}),
    ],
    { StartTime: new Date(NOW - HOUR), EndTime: new Date(NOW) },
  );
  expect(results.map((r) => [r.Id, (r.Values?.length ?? 0) > 0])).toEqual([
    ['both', true],
    ['env', true],
    ['provider', false],
    ['none', false],
  ]);
});

describe('API Reference, GetMetricData, ScanBy and MaxDatapoints', () => {
  const threeHours = { StartTime: new Date(NOW - 3 * HOUR), EndTime: new Date(NOW) };

  test.each([
    ['TimestampAscending', 'oldest', '2025-05-21T11:00:00.000Z', '2025-05-21T11:59:00.000Z'],
    ['TimestampDescending', 'newest', '2025-05-21T13:59:00.000Z', '2025-05-21T13:00:00.000Z'],
  ] as const)(
    '%s "returns the %s data first and paginates when the MaxDatapoints limit is reached"',
    async (ScanBy, _which, first, last) => {
      const page = await get([orders()], { ...threeHours, ScanBy, MaxDatapoints: 60 });
      const stamps = page.results[0]?.Timestamps ?? [];
      expect([iso(stamps[0]), iso(stamps.at(-1)), stamps.length]).toEqual([first, last, 60]);
      expect(page.next).toBeDefined();
    },
  );

  test('"If you omit this parameter, the default of TimestampDescending is used"', async () => {
    const omitted = await get([orders()], threeHours);
    const descending = await get([orders()], { ...threeHours, ScanBy: 'TimestampDescending' });
    expect(omitted.results).toEqual(descending.results);
  });

  // Two pages of 120,960 datapoints through the SDK: seconds on a loaded machine, so more than the default 5 s.
  test('MaxDatapoints: "If you omit this, the default of 100,800 is used"', { timeout: 60_000 }, async () => {
    // Six metrics of 14 days at one minute: 6 × 20,160 = 120,960 datapoints, more than one page holds.
    const queries = ['prod', 'staging'].flatMap((env, i) =>
      ['OrdersPlaced', 'CheckoutRequests', 'PaymentsAttempted'].map((name, j) =>
        metricQuery(`q${i}${j}`, 'Shop/Checkout', name, { Environment: env }, 'Sum', 60),
      ),
    );
    const window = { StartTime: new Date(NOW - 14 * DAY), EndTime: new Date(NOW) };
    const first = await get(queries, window);
    const count = (results: MetricDataResult[]) => results.reduce((n, r) => n + (r.Values?.length ?? 0), 0);
    expect(count(first.results)).toBe(100_800);
    const second = await get(queries, { ...window, NextToken: first.next });
    expect(count(first.results) + count(second.results)).toBe(6 * 14 * 1440);
    expect(second.next).toBeUndefined();
  });
});
