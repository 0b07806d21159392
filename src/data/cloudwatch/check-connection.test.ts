import { NOW, setupFakeCloudWatch } from '@bellwether/fake-cloudwatch/test-support';
import { describe, expect, test } from 'vitest';
import { checkConnection } from './check-connection';
import { createCloudWatchClient } from './client';
import { CloudWatchError } from './errors';

const fake = setupFakeCloudWatch();
const credentials = async () => ({
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 's',
  sessionToken: 't',
  expiration: new Date(NOW + 3_600_000),
});

describe('checkConnection against the simulated account', () => {
  test('all calls work: reported in words, with the smallest calls possible', async () => {
    const report = await checkConnection({ region: 'us-east-1', credentials, now: NOW });
    expect(report.ok).toBe(true);
    expect(report.summary).toBe('Connected: this site can read CloudWatch in us-east-1.');
    expect(report.lines.map((l) => l.message)).toEqual([
      'Credentials: temporary credentials, valid until 15:00 UTC',
      expect.stringMatching(/^ListMetrics works: \d+ metrics active in the last 3 hours/),
      expect.stringMatching(/^GetMetricData works: \d+ datapoints of .+ over the last 15 minutes$/),
      'DescribeAlarms works: alarm states can join the reasons',
    ]);
    const gmd = fake.calls.find((c) => c.operation === 'GetMetricData')?.body as {
      MetricDataQueries: unknown[];
      MaxDatapoints: number;
    };
    expect(gmd.MetricDataQueries).toHaveLength(1);
    expect(gmd.MaxDatapoints).toBe(10);
    expect(fake.calls.find((c) => c.operation === 'DescribeAlarms')?.body).toEqual({ MaxRecords: 1 });
  });

  test('expired credentials: every call says what renews them', async () => {
    fake.faults.expiredToken();
    const report = await checkConnection({ region: 'us-east-1', credentials, now: NOW });
    expect(report.summary).toBe('Not working: none of the 3 calls to CloudWatch in us-east-1 succeeded.');
    expect(
      report.lines.slice(1).every((l) => !l.ok && l.message.includes('pasting new ones at /connect')),
    ).toBe(true);
  });

  test("expired credentials are worded by the connection's refused when given", async () => {
    fake.faults.expiredToken();
    const refused: CloudWatchError[] = [];
    const report = await checkConnection({
      region: 'us-east-1',
      credentials,
      now: NOW,
      refused: (error) => {
        refused.push(error);
        return new CloudWatchError({ code: error.code, message: 'paste new ones', retryable: false });
      },
    });
    expect(refused.map((e) => e.code)).toEqual(['ExpiredToken', 'ExpiredToken', 'ExpiredToken']);
    expect(report.lines.slice(1).map((l) => l.message)).toEqual([
      'ListMetrics: paste new ones',
      'GetMetricData: paste new ones',
      'DescribeAlarms: paste new ones',
    ]);
  });

  test('one denied action is named, the rest still reported as working', async () => {
    const report = await checkConnection({
      region: 'us-east-1',
      credentials,
      now: NOW,
      createClient: (options) => {
        const client = createCloudWatchClient(options);
        return {
          send: (command) =>
            command.constructor.name === 'DescribeAlarmsCommand'
              ? Promise.reject(
                  Object.assign(new Error('not authorized'), {
                    name: 'AccessDenied',
                    $metadata: { httpStatusCode: 403 },
                  }),
                )
              : client.send(command as never),
        };
      },
    });
    expect(report.summary).toBe('Partly working: 2 of 3 calls to CloudWatch in us-east-1 succeeded.');
    expect(report.lines.at(-1)).toMatchObject({
      ok: false,
      message: expect.stringContaining('grant the IAM action cloudwatch:DescribeAlarms'),
    });
  });

  test('a network failure diagnosed as CORS says so', async () => {
    fake.faults.network();
    const report = await checkConnection({
      region: 'us-east-1',
      credentials,
      now: NOW,
      diagnose: async () => 'cors',
    });
    expect(report.lines[1]?.message).toContain('(CORS)');
  });

  test('no credentials: no call is made and the report says what to do', async () => {
    const report = await checkConnection({
      region: 'us-east-1',
      now: NOW,
      credentials: () =>
        Promise.reject(new Error('Not connected to AWS: paste temporary credentials on the Connection page')),
    });
    expect(report.lines).toHaveLength(1);
    expect(report.summary).toBe('No call was made: there are no credentials to sign with yet.');
    expect(fake.calls).toHaveLength(0);
  });
});
