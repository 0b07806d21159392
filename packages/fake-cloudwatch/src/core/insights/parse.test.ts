import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InsightsSyntaxError, parseInsights } from './parse';

// Table tests from the User Guide's own queries, each naming its page:
const SYNTAX = 'User Guide, "Metrics Insights query components and syntax"';
const SAMPLES = 'User Guide, "Metrics Insights sample queries"';
const GRAFANA =
  'Amazon Managed Grafana User Guide, "Query syntax and keywords" (CloudWatch Metrics Insights)';

describe(`${SYNTAX}: the documented queries parse`, () => {
  test('building a rich query step by step: every clause of the last step', () => {
    expect(
      parseInsights(`SELECT SUM(RequestCount) 
FROM SCHEMA("AWS/ApplicationELB", LoadBalancer, AvailabilityZone)
WHERE LoadBalancer = 'app/load-balancer-1'
GROUP BY AvailabilityZone
ORDER BY MAX() DESC
LIMIT 5`),
    ).toEqual({
      func: 'SUM',
      metric: 'RequestCount',
      namespace: 'AWS/ApplicationELB',
      schema: ['LoadBalancer', 'AvailabilityZone'],
      where: { kind: 'compare', key: 'LoadBalancer', op: '=', value: 'app/load-balancer-1' },
      groupBy: ['AvailabilityZone'],
      orderBy: { func: 'MAX', dir: 'DESC' },
      limit: 5,
    });
  });

  test.each([
    [`SELECT AVG(CPUUtilization) FROM "AWS/EC2"`, { namespace: 'AWS/EC2', limit: 500 }],
    [`SELECT AVG(CPUUtilization) FROM SCHEMA("AWS/EC2")`, { schema: [] }],
    [`SELECT AVG(CPUUtilization) FROM SCHEMA("AWS/EC2", InstanceId)`, { schema: ['InstanceId'] }],
    [
      `SELECT SUM(RequestCount) FROM SCHEMA("AWS/ApplicationELB", LoadBalancer, AvailabilityZone)`,
      { schema: ['LoadBalancer', 'AvailabilityZone'] },
    ],
    [
      `SELECT AVG(CPUUtilization) FROM "AWS/EC2" WHERE InstanceType = 'c3.4xlarge'`,
      { where: { kind: 'compare', key: 'InstanceType', op: '=', value: 'c3.4xlarge' } },
    ],
    [
      `SELECT AVG(CPUUtilization) FROM "AWS/EC2" WHERE InstanceType != 'c3.4xlarge'`,
      { where: { kind: 'compare', key: 'InstanceType', op: '!=', value: 'c3.4xlarge' } },
    ],
    [`SELECT AVG(CPUUtilization) FROM "AWS/EC2" GROUP BY InstanceId`, { groupBy: ['InstanceId'] }],
    [
      `SELECT SUM(Latency) FROM "AWS/X" GROUP BY ServiceName, Operation`,
      { groupBy: ['ServiceName', 'Operation'] },
    ],
    [
      `SELECT MAX(CPUUtilization) FROM "AWS/EC2" WHERE AutoScalingGroupName = 'my-production-fleet'`,
      { where: { kind: 'compare', key: 'AutoScalingGroupName', op: '=', value: 'my-production-fleet' } },
    ],
    [`SELECT MAX("My.Metric") FROM MyNamespace`, { metric: 'My.Metric', namespace: 'MyNamespace' }],
    [`SELECT AVG("Bytes\\"Input\\"") FROM MyNamespace`, { metric: 'Bytes"Input"' }],
    [`SELECT AVG("LIMIT") FROM MyNamespace`, { metric: 'LIMIT' }],
    [
      `select avg(CPUUtilization) from "AWS/EC2" order by avg() asc`,
      { func: 'AVG', orderBy: { func: 'AVG', dir: 'ASC' } },
    ],
  ])('%s', (sql, expected) => {
    expect(parseInsights(sql)).toMatchObject(expected);
  });
});

describe(`${SAMPLES}: every sample query parses`, () => {
  test.each([
    `SELECT SUM(RequestCount) FROM SCHEMA("AWS/ApplicationELB", LoadBalancer)`,
    `SELECT MAX(ActiveConnectionCount) FROM SCHEMA("AWS/ApplicationELB", LoadBalancer) GROUP BY LoadBalancer ORDER BY SUM() DESC LIMIT 10`,
    `SELECT COUNT(CallCount) FROM SCHEMA("AWS/Usage", Class, Resource, Service, Type) WHERE Type = 'API' GROUP BY Service, Resource ORDER BY COUNT() DESC LIMIT 20`,
    `SELECT COUNT(CallCount) FROM SCHEMA("AWS/Usage", Class, Resource, Service, Type) WHERE Type = 'API' AND Service = 'CloudWatch' GROUP BY Resource ORDER BY COUNT() DESC`,
    `SELECT SUM(ProvisionedWriteCapacityUnits) FROM SCHEMA("AWS/DynamoDB", TableName) GROUP BY TableName ORDER BY MAX() DESC LIMIT 10`,
    `SELECT SUM(VolumeWriteBytes) FROM SCHEMA("AWS/EBS", VolumeId) GROUP BY VolumeId ORDER BY SUM() DESC LIMIT 10`,
    `SELECT AVG(CPUUtilization) FROM SCHEMA("AWS/EC2", InstanceId) GROUP BY InstanceId ORDER BY AVG() DESC`,
    `SELECT AVG(CPUUtilization) FROM "AWS/CWAgent" WHERE ApplicationName = 'eCommerce'`,
    `SELECT AVG(RunningTaskCount) FROM SCHEMA("ECS/ContainerInsights", ClusterName, ServiceName) GROUP BY ClusterName, ServiceName ORDER BY AVG() DESC LIMIT 10`,
    `SELECT AVG(pod_cpu_utilization) FROM SCHEMA("ContainerInsights", ClusterName)`,
    `SELECT SUM("PutRecords.Bytes") FROM SCHEMA("AWS/Kinesis", StreamName) GROUP BY StreamName ORDER BY SUM() DESC LIMIT 10`,
    `SELECT MAX("GetRecords.IteratorAgeMilliseconds") FROM SCHEMA("AWS/Kinesis", StreamName) GROUP BY StreamName ORDER BY MAX() DESC LIMIT 10`,
    `SELECT AVG(Duration) FROM SCHEMA("AWS/Lambda", FunctionName) GROUP BY FunctionName ORDER BY MAX() DESC LIMIT 10`,
    `SELECT SUM(IncomingLogEvents) FROM SCHEMA("AWS/Logs", LogGroupName) GROUP BY LogGroupName ORDER BY SUM() DESC LIMIT 10`,
    `SELECT AVG(TotalRequestLatency) FROM SCHEMA("AWS/S3", BucketName, FilterId) WHERE FilterId = 'EntireBucket' GROUP BY BucketName ORDER BY AVG() DESC`,
    `SELECT AVG(ApproximateAgeOfOldestMessage) FROM SCHEMA("AWS/SQS", QueueName) GROUP BY QueueName ORDER BY AVG() DESC LIMIT 10`,
  ])('%s', (sql) => {
    expect(() => parseInsights(sql)).not.toThrow();
  });
});

describe(`${GRAFANA}: OR and parentheses in WHERE`, () => {
  test('AND binds tighter than OR, and parentheses group', () => {
    const q = parseInsights(
      `SELECT SUM(Invocations) FROM "AWS/Lambda" WHERE FunctionName = 'a' OR FunctionName = 'b' AND Env != 'test'`,
    );
    expect(q.where).toEqual({
      kind: 'or',
      items: [
        { kind: 'compare', key: 'FunctionName', op: '=', value: 'a' },
        {
          kind: 'and',
          items: [
            { kind: 'compare', key: 'FunctionName', op: '=', value: 'b' },
            { kind: 'compare', key: 'Env', op: '!=', value: 'test' },
          ],
        },
      ],
    });
    const grouped = parseInsights(
      `SELECT SUM(Invocations) FROM "AWS/Lambda" WHERE (FunctionName = 'a' OR FunctionName = 'b') AND Env != 'test'`,
    );
    expect(grouped.where?.kind).toBe('and');
  });
});

describe('queries the service would refuse are refused, saying what to write instead', () => {
  test.each([
    [
      `SELECT AVG(CPUUtilization) FROM AWS/EC2`,
      /AWS\/EC2 at position 33 has characters other than letters.*"AWS\/EC2"/,
    ],
    [`SELECT AVG(CPUUtilization) FROM SCHEMA(AWS/EC2, InstanceId)`, /goes in double quotes: "AWS\/EC2"/],
    [`SELECT MAX(My.Metric) FROM MyNamespace`, /goes in double quotes: "My\.Metric"/],
    [`SELECT AVG(LIMIT) FROM MyNamespace`, /LIMIT at position 12 is a reserved keyword .* "LIMIT"/],
    [`SELECT SUM(Count) FROM MyNamespace`, /Count .* reserved keyword .* as a metric name .* "Count"/],
    [`SELECT SUM(Errors) FROM "AWS/Lambda" GROUP BY Source`, /Source .* reserved .* as a label key/],
    [`SELECT SUM(x) FROM Table`, /Table .* reserved keyword .* as a namespace/],
    [`SELECT AVG(CPUUtilization) FROM "AWS/EC2" WHERE InstanceType = "c3.4xlarge"`, /single quotes/],
    [
      `SELECT AVG(CPUUtilization) FROM "AWS/EC2" WHERE InstanceType LIKE 'c3%'`,
      /WHERE compares a label with = or !=, not LIKE/,
    ],
    [`SELECT AVG(CPUUtilization) FROM "AWS/EC2" WHERE InstanceType > 'c3'`, /unexpected '>'/],
    [
      `SELECT AVG(CPUUtilization) FROM "AWS/EC2" WHERE (InstanceType = 'c3'`,
      /expected '\)' to close the group/,
    ],
    [
      `SELECT MEDIAN(CPUUtilization) FROM "AWS/EC2"`,
      /SELECT takes one of the functions AVG, COUNT, MAX, MIN or SUM/,
    ],
    [
      `SELECT AVG(CPUUtilization) FROM "AWS/EC2" ORDER BY MAX(CPUUtilization)`,
      /ORDER BY functions take no argument/,
    ],
    [`SELECT AVG(CPUUtilization) FROM "AWS/EC2" LIMIT 501`, /LIMIT is a whole number from 1 to 500/],
    [`SELECT AVG(CPUUtilization) FROM "AWS/EC2" LIMIT 0`, /LIMIT is a whole number from 1 to 500/],
    [`SELECT AVG(CPUUtilization)`, /expected FROM after SELECT but found the end of the query/],
    [`SELECT AVG(CPUUtilization) FROM "AWS/EC2" GROUP InstanceId`, /expected BY after GROUP/],
    [`SELECT AVG(CPUUtilization) FROM "AWS/EC2" LIMIT 5 GROUP BY InstanceId`, /unexpected GROUP/],
    [`SELECT AVG(CPUUtilization) FROM 'AWS/EC2'`, /not single quotes/],
    [`SELECT AVG(CPUUtilization) FROM "AWS/EC2`, /double quote at position 33 is not closed/],
    [`SELECT AVG(*) FROM "AWS/EC2"`, /unexpected '\*'/],
  ])('%s', (sql, message) => {
    expect(() => parseInsights(sql)).toThrow(InsightsSyntaxError);
    expect(() => parseInsights(sql)).toThrow(message);
  });

  test('an Expression longer than 2048 characters is refused before it is read', () => {
    const sql = `SELECT SUM(x) FROM y WHERE k = '${'v'.repeat(2048)}'`;
    expect(() => parseInsights(sql)).toThrow(/characters long; an Expression holds at most 2048/);
  });
});

describe('bounded work on any input', () => {
  const pieces = [
    'SELECT ',
    'SUM(',
    'x',
    ')',
    ' FROM ',
    '"',
    "'",
    '\\',
    '(',
    ',',
    '=',
    '!=',
    ' AND ',
    ' OR ',
    'a/b',
  ];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 3000 }).map((parts) => parts.join(''));

  test('parsing random text returns a query or an InsightsSyntaxError quickly, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 5000 })), (sql) => {
        const started = performance.now();
        try {
          parseInsights(sql);
        } catch (e) {
          expect(e).toBeInstanceOf(InsightsSyntaxError);
        }
        expect(performance.now() - started).toBeLessThan(250);
      }),
      { numRuns: 300 },
    );
  });

  test('the deepest WHERE nesting the length allows still parses', () => {
    const head = `SELECT SUM(x) FROM y WHERE `;
    const depth = Math.floor((2048 - head.length - 8) / 2);
    const sql = `${head}${'('.repeat(depth)}k = 'v'${')'.repeat(depth)}`;
    expect(sql.length).toBeLessThanOrEqual(2048);
    expect(() => parseInsights(sql)).not.toThrow();
  });
});
