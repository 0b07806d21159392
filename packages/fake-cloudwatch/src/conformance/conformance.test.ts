/**
 * Every answer of the simulated account, as it leaves msw, checked against CloudWatch's API model as AWS
 * publishes it: the model file of the `aws-sdk` package (SDK for JavaScript v2), pinned to 2.1693.0.
 * That minified model has no enum values and no errors, so those come from the same service model as the
 * installed SDK v3 generates it: its enums and its error schemas (`awsQueryError`, `error`, `httpError`).
 */
import * as sdk from '@aws-sdk/client-cloudwatch';
import {
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createFakeCloudWatch } from '../core/account';
import { cloudWatchClient, failure, HOUR, metricQuery, NOW } from '../test-support';
import { type SetupServerApi, startFakeCloudWatchServer } from '../transports/node';
import { loadCloudWatchModel, MODEL_FILE, MODEL_PACKAGE } from './load-model';
import { type ModeledError, validateError } from './validate-error';
import { type OutputRules, type Problem, validateOutput } from './validate-output';

const MODEL_VERSION = '2.1693.0';
const NAMESPACE = 'com.amazonaws.cloudwatch';
const TARGET = 'GraniteServiceVersion20100801.';

const { model, version } = loadCloudWatchModel();

/** Enum values the minified model leaves out, from the SDK's generated enums, by member name. */
const rules: OutputRules = {
  enums: {
    StatusCode: Object.values(sdk.StatusCode),
    StateValue: Object.values(sdk.StateValue),
    ComparisonOperator: Object.values(sdk.ComparisonOperator),
    Statistic: Object.values(sdk.Statistic),
    Unit: Object.values(sdk.StandardUnit),
    EvaluationState: Object.values(sdk.EvaluationState),
    ActionsSuppressedBy: Object.values(sdk.ActionsSuppressedBy),
  },
};

/** The service's error shapes, read from the SDK's schemas: `[-3, namespace, name, traits, members, …]`. */
function modeledErrors(): ModeledError[] {
  const out: ModeledError[] = [];
  for (const value of Object.values(sdk) as unknown[]) {
    if (!Array.isArray(value) || value[0] !== -3 || value[1] !== NAMESPACE) continue;
    const [, , name, traits, members] = value as [number, string, string, unknown, unknown];
    const t = (typeof traits === 'object' && traits !== null ? traits : {}) as Record<string, unknown>;
    const queryError = t.awsQueryError as [string, number] | undefined;
    out.push({
      name,
      fault: t.error === 'server' ? 'server' : 'client',
      members: Array.isArray(members) ? members.map(String) : [],
      ...(queryError ? { queryError } : {}),
      ...(typeof t.httpError === 'number' ? { httpStatus: t.httpError } : {}),
    });
  }
  return out;
}
const errors = modeledErrors();

interface Answer {
  operation: string;
  status: number;
  headers: Headers;
  body: string;
}

const fake = createFakeCloudWatch({ now: () => NOW });
const client = cloudWatchClient();
let server: SetupServerApi | undefined;
const pending: Promise<Answer>[] = [];
const checked = { operations: new Map<string, number>(), errors: new Map<string, number>() };

beforeAll(() => {
  server = startFakeCloudWatchServer(fake);
  server.events.on('response:mocked', ({ request, response }) => {
    const operation = (request.headers.get('x-amz-target') ?? '').replace(TARGET, '');
    const copy = response.clone();
    pending.push(
      copy.text().then((body) => ({ operation, status: copy.status, headers: copy.headers, body })),
    );
  });
});
afterAll(() => server?.close());

/** What the wire carried since the last check, each answer against the model. */
async function problemsOnTheWire(): Promise<string[]> {
  const answers = await Promise.all(pending.splice(0));
  const found: string[] = [];
  for (const answer of answers) {
    let problems: Problem[];
    if (answer.status === 200) {
      let body: unknown;
      try {
        body = JSON.parse(answer.body);
      } catch {
        body = answer.body;
      }
      problems = validateOutput(model, answer.operation, body, rules);
      if (answer.headers.get('content-type') !== 'application/x-amz-json-1.0') {
        problems.push({ path: '(content-type)', message: String(answer.headers.get('content-type')) });
      }
      checked.operations.set(answer.operation, (checked.operations.get(answer.operation) ?? 0) + 1);
    } else {
      problems = validateError(answer, NAMESPACE, errors);
      const type = String((JSON.parse(answer.body) as { __type?: string }).__type);
      checked.errors.set(type, (checked.errors.get(type) ?? 0) + 1);
    }
    for (const p of problems) found.push(`${answer.operation} ${answer.status} ${p.path}: ${p.message}`);
  }
  return found;
}

afterEach(async () => {
  fake.faults.clear();
  fake.denied.clear();
  expect(await problemsOnTheWire()).toEqual([]);
});

const window = { StartTime: new Date(NOW - 3 * HOUR), EndTime: new Date(NOW) };
const get = (queries: MetricDataQuery[], extra: Partial<GetMetricDataCommandInput> = {}) =>
  client.send(new GetMetricDataCommand({ MetricDataQueries: queries, ...window, ...extra }));
const prod = { Environment: 'prod' };
const checkout = (
  id: string,
  name: string,
  stat: string,
  period = 60,
  extra: Partial<MetricDataQuery> = {},
) => metricQuery(id, 'Shop/Checkout', name, prod, stat, period, extra);
const LB = { LoadBalancer: 'app/shop-prod/50dc6c495c0c9188' };

test(`the model is ${MODEL_PACKAGE}@${MODEL_VERSION} ${MODEL_FILE}, CloudWatch 2010-08-01`, () => {
  expect(version).toBe(MODEL_VERSION);
  expect(model.metadata.uid).toBe('monitoring-2010-08-01');
  expect(Object.keys(model.operations)).toEqual(
    expect.arrayContaining(['GetMetricData', 'ListMetrics', 'DescribeAlarms']),
  );
  // The error shapes the account answers with are modeled, with their query codes.
  expect(errors.map((e) => e.name)).toEqual(
    expect.arrayContaining(['InvalidParameterValueException', 'InvalidNextToken', 'InternalServiceFault']),
  );
});

describe('GetMetricData answers match the model', () => {
  test.each([
    ['Sum', 60],
    ['Average', 300],
    ['Minimum', 60],
    ['Maximum', 3600],
    ['SampleCount', 60],
    ['p99', 60],
    ['p99.9', 300],
    ['tm90', 60],
    ['IQM', 300],
  ])('metric stat %s at %i s', async (stat, period) => {
    const out = await get([
      checkout('lat', 'CheckoutLatency', stat, period),
      checkout('orders', 'OrdersPlaced', stat === 'Sum' ? 'Sum' : 'Average', period, { Label: 'Orders' }),
    ]);
    expect(out.MetricDataResults).toHaveLength(2);
  });

  test('both scan orders, a unit filter, ReturnData false and a metric the account lacks', async () => {
    for (const ScanBy of ['TimestampAscending', 'TimestampDescending'] as const) {
      await get(
        [
          checkout('a', 'CheckoutLatency', 'p50', 60, {
            MetricStat: {
              Metric: { Namespace: 'Shop/Checkout', MetricName: 'CheckoutLatency', Dimensions: [] },
              Period: 60,
              Stat: 'p50',
              Unit: 'Milliseconds',
            },
          }),
          checkout('b', 'OrdersPlaced', 'Sum', 60, { ReturnData: false }),
          metricQuery('c', 'Nowhere', 'Nothing', {}, 'Sum', 60),
        ],
        { ScanBy },
      );
    }
  });

  test('sparse counts: the load balancer 5xx with and without FILL', async () => {
    await get([
      metricQuery('errors', 'AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', LB, 'Sum', 60),
      metricQuery('requests', 'AWS/ApplicationELB', 'RequestCount', LB, 'Sum', 60),
      { Id: 'rate', Expression: '100 * FILL(errors, 0) / requests', Label: 'rate' },
    ]);
  });

  test('metric math: arithmetic, functions, arrays and an anomaly band', async () => {
    const att = checkout('att', 'PaymentsAttempted', 'Sum', 60, { ReturnData: false });
    const ok = checkout('ok', 'PaymentsSucceeded', 'Sum', 60, { ReturnData: false });
    for (const Expression of [
      '100 * ok / att',
      'RATE(att)',
      'FILL(ok, REPEAT)',
      'IF(att > 40, ok, 0)',
      'METRICS()',
      'SUM(METRICS())',
      'RUNNING_SUM(att)',
      'ANOMALY_DETECTION_BAND(att, 2)',
    ]) {
      const out = await get([att, ok, { Id: 'e', Expression }]);
      expect(out.MetricDataResults?.length ?? 0).toBeGreaterThan(0);
    }
  });

  test('a division by zero: the ArithmeticError message on a Complete result', async () => {
    const thr = metricQuery(
      'thr',
      'AWS/Lambda',
      'Throttles',
      { FunctionName: 'payment-webhook' },
      'Sum',
      60,
      {
        ReturnData: false,
      },
    );
    const out = await get([thr, { Id: 'e', Expression: '1 / thr' }]);
    expect(out.MetricDataResults?.[0]?.Messages?.[0]?.Code).toBe('ArithmeticError');
  });

  test('SEARCH, with one result per matching metric', async () => {
    const out = await get([
      {
        Id: 's',
        Expression: `SEARCH('{Shop/Checkout,Environment,PaymentProvider} MetricName="PaymentsFailed" Environment="prod"', 'Sum', 300)`,
      },
      {
        Id: 'z',
        Expression: `SEARCH('{AWS/ApplicationELB,AvailabilityZone,LoadBalancer} MetricName="HTTPCode_Target_5XX_Count"', 'Sum', 60)`,
      },
    ]);
    expect(out.MetricDataResults?.length ?? 0).toBeGreaterThan(2);
  });

  test('Metrics Insights, grouped, and reaching past its two weeks', async () => {
    const sql = 'SELECT SUM(Invocations) FROM SCHEMA("AWS/Lambda", FunctionName) GROUP BY FunctionName';
    await get([{ Id: 'q', Expression: sql, Period: 300 }]);
    const out = await get([{ Id: 'q', Expression: sql, Period: 3600 }], {
      StartTime: new Date(NOW - 15 * 24 * HOUR),
    });
    expect(out.Messages?.length ?? 0).toBeGreaterThan(0);
  });

  test('paging by MaxDatapoints, to the last page, and a cut math answer', async () => {
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const out = await get(
        [checkout('a', 'OrdersPlaced', 'Sum'), checkout('b', 'CheckoutRequests', 'Sum')],
        {
          MaxDatapoints: 100,
          ...(NextToken ? { NextToken } : {}),
        },
      );
      NextToken = out.NextToken;
      pages++;
    } while (NextToken && pages < 10);
    expect(pages).toBeGreaterThan(1);
    const cut = await get(
      [checkout('a', 'OrdersPlaced', 'Sum', 60, { ReturnData: false }), { Id: 'e', Expression: 'a * 2' }],
      {
        MaxDatapoints: 20,
      },
    );
    expect(cut.MetricDataResults?.[0]?.StatusCode).toBe('PartialData');
  });

  test('dynamic labels, LabelOptions.Timezone, another account and partial data', async () => {
    await get(
      [
        checkout('a', 'OrdersPlaced', 'Sum', 60, {
          // biome-ignore lint/suspicious/noTemplateCurlyInString: ${…} is the dynamic label syntax
          Label: "${PROP('MetricName')} max ${MAX} at ${MAX_TIME}",
        }),
      ],
      {
        LabelOptions: { Timezone: '+0130' },
      },
    );
    await get([checkout('a', 'OrdersPlaced', 'Sum', 60, { AccountId: '210987654321' })]);
    fake.faults.partialData();
    await get([checkout('a', 'OrdersPlaced', 'Sum')]);
  });
});

describe('ListMetrics and DescribeAlarms answers match the model', () => {
  test.each([
    [{}],
    [{ Namespace: 'AWS/ApplicationELB' }],
    [{ Namespace: 'Shop/Checkout', MetricName: 'PaymentsAttempted' }],
    [{ Dimensions: [{ Name: 'PaymentProvider' }] }],
    [{ Dimensions: [{ Name: 'Environment', Value: 'prod' }] }],
    [{ RecentlyActive: 'PT3H' as const }],
  ])('ListMetrics %j', async (input) => {
    const out = await client.send(new ListMetricsCommand(input));
    expect(out.Metrics?.length ?? 0).toBeGreaterThan(0);
  });

  test.each([
    [{}],
    [{ AlarmNames: ['checkout-prod-p99-high', 'legacy-invoice-exporter-heartbeat'] }],
    [{ AlarmNamePrefix: 'checkout-' }],
    [{ StateValue: 'ALARM' as const }],
    [{ AlarmTypes: ['CompositeAlarm' as const] }],
    [{ AlarmTypes: ['MetricAlarm' as const, 'CompositeAlarm' as const] }],
  ])('DescribeAlarms %j', async (input) => {
    await client.send(new DescribeAlarmsCommand(input));
  });

  test('DescribeAlarms pages by MaxRecords to the last page', async () => {
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const out = await client.send(
        new DescribeAlarmsCommand({ MaxRecords: 2, ...(NextToken ? { NextToken } : {}) }),
      );
      NextToken = out.NextToken;
      pages++;
    } while (NextToken && pages < 10);
    expect(pages).toBe(4);
  });
});

describe('error answers match the model', () => {
  const now = new Date(NOW);
  test.each<[string, () => Promise<unknown>]>([
    ['an Id starting with a capital', () => get([checkout('Orders', 'OrdersPlaced', 'Sum')])],
    [
      'a duplicate Id',
      () => get([checkout('a', 'OrdersPlaced', 'Sum'), checkout('a', 'OrdersPlaced', 'Sum')]),
    ],
    ['an unknown statistic', () => get([checkout('a', 'OrdersPlaced', 'Median')])],
    ['a period of 7 s', () => get([checkout('a', 'OrdersPlaced', 'Sum', 7)])],
    [
      'EndTime before StartTime',
      () => get([checkout('a', 'OrdersPlaced', 'Sum')], { StartTime: now, EndTime: new Date(NOW - HOUR) }),
    ],
    ['a syntax error', () => get([{ Id: 'e', Expression: '1 +' }])],
    [
      '501 queries',
      () => get(Array.from({ length: 501 }, (_, i) => checkout(`q${i}`, 'OrdersPlaced', 'Sum'))),
    ],
    [
      'a NextToken from nowhere',
      () => get([checkout('a', 'OrdersPlaced', 'Sum')], { NextToken: 'bm9wZQ==' }),
    ],
    [
      'ListMetrics with a NextToken from nowhere',
      () => client.send(new ListMetricsCommand({ NextToken: 'bm9wZQ==' })),
    ],
    [
      'ListMetrics RecentlyActive P1D',
      () => client.send(new ListMetricsCommand({ RecentlyActive: 'P1D' as 'PT3H' })),
    ],
    ['DescribeAlarms MaxRecords 101', () => client.send(new DescribeAlarmsCommand({ MaxRecords: 101 }))],
    [
      'an operation the account does not implement',
      () =>
        client.send(
          new GetMetricStatisticsCommand({
            Namespace: 'Shop/Checkout',
            MetricName: 'OrdersPlaced',
            StartTime: new Date(NOW - HOUR),
            EndTime: now,
            Period: 60,
            Statistics: ['Sum'],
          }),
        ),
    ],
  ])('%s', async (_name, call) => {
    const error = await failure(call());
    expect(error.$metadata.httpStatusCode).toBeGreaterThanOrEqual(400);
  });

  test.each([
    ['throttle', () => fake.faults.throttle()],
    ['5xx', () => fake.faults.serverError({ status: 500 })],
    ['503', () => fake.faults.serverError({ status: 503 })],
    ['expired', () => fake.faults.expiredToken()],
    ['denied', () => fake.denied.add('GetMetricData')],
  ])('fault %s', async (_name, inject) => {
    inject();
    await failure(get([checkout('a', 'OrdersPlaced', 'Sum')]));
  });
});

test('every operation the app calls was answered and checked, and so were the errors', async () => {
  await problemsOnTheWire();
  expect(checked.operations.get('GetMetricData') ?? 0).toBeGreaterThan(20);
  expect(checked.operations.get('ListMetrics') ?? 0).toBeGreaterThan(5);
  expect(checked.operations.get('DescribeAlarms') ?? 0).toBeGreaterThan(5);
  expect([...checked.errors.keys()]).toEqual(
    expect.arrayContaining([
      `${NAMESPACE}#ValidationException`,
      `${NAMESPACE}#InvalidParameterValueException`,
      `${NAMESPACE}#InvalidNextToken`,
      `${NAMESPACE}#InternalServiceFault`,
    ]),
  );
});
