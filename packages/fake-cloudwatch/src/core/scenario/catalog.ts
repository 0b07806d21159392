import { BillingModel } from './billing';
import { gaussian, hashString, stochasticRound } from './noise';
import { type Environment, environments, providers, type ShopMinute, type ShopModel } from './shop-model';
import { HOUR, MINUTE, seasonality } from './timeline';
import {
  type CatalogMetric,
  events,
  indicators,
  latency,
  type MetricId,
  metricKey,
  type Sample,
  single,
} from './types';

const LOAD_BALANCERS: Record<Environment, string> = {
  prod: 'app/shop-prod/50dc6c495c0c9188',
  staging: 'app/shop-staging/7f3a91c2d4e8b016',
};
const ZONES = [
  ['us-east-1a', 0.36],
  ['us-east-1b', 0.34],
  ['us-east-1c', 0.3],
] as const;
const suffix = (env: Environment): string => (env === 'prod' ? '' : '-staging');

type Builder = (env: Environment, minute: ShopMinute, t: number, m: number) => Sample | undefined;

/** Builds every metric the simulated account publishes; metrics not listed here return no data. */
export function buildCatalog(shop: ShopModel): CatalogMetric[] {
  const billing = new BillingModel(shop);
  const out: CatalogMetric[] = [];

  const add = (env: Environment | undefined, id: MetricId, unit: string, build: Builder): void => {
    const key = metricKey(id);
    const seed = hashString(key);
    out.push({
      id,
      key,
      unit,
      resolution: MINUTE,
      sample: (t) => {
        const e = env ?? 'prod';
        const m = Math.floor(t / MINUTE);
        return build(e, shop.minute(e, t), t, m + seed);
      },
    });
  };
  const sum = (a: Record<string, number>): number => Object.values(a).reduce((x, y) => x + y, 0);

  for (const env of environments) {
    const E = { Environment: env };
    const ns = 'Shop/Checkout';
    add(env, { namespace: ns, name: 'CheckoutRequests', dimensions: E }, 'Count', (_, s) =>
      single(s.requests),
    );
    add(env, { namespace: ns, name: 'OrdersPlaced', dimensions: E }, 'Count', (_, s) => single(s.orders));
    add(env, { namespace: ns, name: 'CheckoutErrors', dimensions: E }, 'Count', (_, s) => single(s.errors));
    add(env, { namespace: ns, name: 'CheckoutLatency', dimensions: E }, 'Milliseconds', (_, s) =>
      latency(s.requests, s.latency),
    );
    add(env, { namespace: ns, name: 'PaymentsAttempted', dimensions: E }, 'Count', (_, s) =>
      single(sum(s.attempts)),
    );
    add(env, { namespace: ns, name: 'PaymentsFailed', dimensions: E }, 'Count', (_, s) =>
      single(sum(s.failed)),
    );
    add(env, { namespace: ns, name: 'PaymentsSucceeded', dimensions: E }, 'Count', (_, s) =>
      single(sum(s.attempts) - sum(s.failed)),
    );
    for (const p of providers) {
      const D = { Environment: env, PaymentProvider: p };
      add(env, { namespace: ns, name: 'PaymentsAttempted', dimensions: D }, 'Count', (_, s) =>
        single(s.attempts[p]),
      );
      add(env, { namespace: ns, name: 'PaymentsFailed', dimensions: D }, 'Count', (_, s) =>
        single(s.failed[p]),
      );
      add(env, { namespace: ns, name: 'PaymentsSucceeded', dimensions: D }, 'Count', (_, s) =>
        single(s.attempts[p] - s.failed[p]),
      );
    }

    // The legacy invoice exporter: stops publishing during part of every incident cycle (prod only).
    add(
      env,
      {
        namespace: 'Shop/LegacyWorker',
        name: 'JobsProcessed',
        dimensions: { Environment: env, Worker: 'invoice-exporter' },
      },
      'Count',
      (e, _s, t, m) =>
        e === 'prod' && shop.timeline.legacyStopped(t)
          ? undefined
          : single(stochasticRound((e === 'prod' ? 18 : 2) * seasonality(t), 77, m)),
    );

    // Application Load Balancer in front of the shop. "Reporting criteria: There is a nonzero value" for
    // the HTTPCode_* counts, "Always reported" for RequestCount (Elastic Load Balancing User Guide, "CloudWatch
    // metrics for your Application Load Balancer"): a minute without a target 5xx publishes no datapoint.
    const lb = LOAD_BALANCERS[env];
    const albRequests = (s: ShopMinute): number => s.requests * 8;
    const zone5xx = (s: ShopMinute, t: number, zone: number): number =>
      stochasticRound(
        albRequests(s) * (ZONES[zone]?.[1] ?? 0) * (0.0004 + 0.012 * s.latencySeverity),
        hashString(`alb-5xx:${env}:${zone}`),
        Math.floor(t / MINUTE),
      );
    const albLatency = (s: ShopMinute, m: number) => ({
      median: 0.045 * (1 + 0.3 * s.latencySeverity) * (1 + 0.04 * gaussian(31, m)),
      sigma: 0.6,
    });
    // The load balancer's count is the sum of its zones', so a breakdown adds up to the whole.
    const albDims: [Record<string, string>, number, number[]][] = [
      [{ LoadBalancer: lb }, 1, ZONES.map((_, i) => i)],
      ...ZONES.map(([az, share], i): [Record<string, string>, number, number[]] => [
        { LoadBalancer: lb, AvailabilityZone: az },
        share,
        [i],
      ]),
    ];
    for (const [dims, share, zones] of albDims) {
      const alb = 'AWS/ApplicationELB';
      add(env, { namespace: alb, name: 'RequestCount', dimensions: dims }, 'Count', (_, s) =>
        single(Math.round(albRequests(s) * share)),
      );
      add(env, { namespace: alb, name: 'HTTPCode_Target_5XX_Count', dimensions: dims }, 'Count', (_, s, t) =>
        events(zones.reduce((n, z) => n + zone5xx(s, t, z), 0)),
      );
      add(env, { namespace: alb, name: 'TargetResponseTime', dimensions: dims }, 'Seconds', (_, s, _t, m) =>
        latency(Math.round(albRequests(s) * share), albLatency(s, m)),
      );
    }

    // Lambda functions.
    const lambdas: [string, (s: ShopMinute) => number, number, number][] = [
      ['payment-webhook', (s) => sum(s.attempts) * 1.1, 120, 0.001],
      ['order-confirmation-email', (s) => s.orders, 450, 0.002],
      ['inventory-sync', () => 12, 800, 0.0005],
    ];
    for (const [fn, invocations, medianMs, errorRate] of lambdas) {
      const F = { FunctionName: `${fn}${suffix(env)}` };
      const inv = (s: ShopMinute, m: number): number => stochasticRound(invocations(s), 11, m);
      const dur = (m: number) => ({ median: medianMs * (1 + 0.04 * gaussian(13, m)), sigma: 0.3 });
      const lam = 'AWS/Lambda';
      add(env, { namespace: lam, name: 'Invocations', dimensions: F }, 'Count', (_, s, _t, m) =>
        single(inv(s, m)),
      );
      // "Invocation metrics are binary indicators of the outcome of a Lambda function invocation" (Lambda
      // Developer Guide, "Types of metrics for Lambda functions"): each invocation sends Errors as 0 or 1, so
      // a minute with invocations has an Errors datapoint even when it is 0. The guide does not say whether
      // Throttles is sent as 0 the same way; the scenario sends it, and the demo KPI FILLs both anyway.
      add(env, { namespace: lam, name: 'Errors', dimensions: F }, 'Count', (_, s, _t, m) =>
        indicators(stochasticRound(inv(s, m) * errorRate, 17, m), inv(s, m)),
      );
      add(env, { namespace: lam, name: 'Throttles', dimensions: F }, 'Count', (_, s, _t, m) =>
        indicators(0, inv(s, m)),
      );
      add(env, { namespace: lam, name: 'Duration', dimensions: F }, 'Milliseconds', (_, s, _t, m) =>
        latency(inv(s, m), dur(m)),
      );
      add(env, { namespace: lam, name: 'ConcurrentExecutions', dimensions: F }, 'Count', (_, s, _t, m) =>
        single(Math.max(1, Math.ceil((((inv(s, m) / 60) * medianMs) / 1000) * 2.5))),
      );
    }

    // DynamoDB tables.
    const tables: [string, (s: ShopMinute) => number, (s: ShopMinute) => number][] = [
      ['orders', (s) => s.requests * 2, (s) => s.orders * 2],
      ['payments', (s) => sum(s.attempts) * 3, (s) => sum(s.attempts) * 2],
      ['inventory', (s) => s.requests * 1.5, (s) => s.orders * 3],
    ];
    for (const [table, reads, writes] of tables) {
      const T = { TableName: `${table}${suffix(env)}` };
      const ddb = 'AWS/DynamoDB';
      add(env, { namespace: ddb, name: 'ConsumedReadCapacityUnits', dimensions: T }, 'Count', (_, s) =>
        single(Math.round(reads(s))),
      );
      add(env, { namespace: ddb, name: 'ConsumedWriteCapacityUnits', dimensions: T }, 'Count', (_, s) =>
        single(Math.round(writes(s))),
      );
      // "DynamoDB only sends metrics to CloudWatch when they have a non-zero value" (DynamoDB Developer Guide,
      // "DynamoDB Metrics and dimensions", as published in awsdocs/amazon-dynamodb-developer-guide). Only the
      // prod orders table is ever throttled (a few writes while a flash sale lifts orders), so it is the only
      // table with a ThrottledRequests metric at all, and that metric has datapoints only then.
      if (table === 'orders' && env === 'prod') {
        add(env, { namespace: ddb, name: 'ThrottledRequests', dimensions: T }, 'Count', (_, s, t, m) =>
          events(stochasticRound(writes(s) * 0.01 * shop.timeline.flashSale(t), 53, m)),
        );
      }
      const ops: [string, number, (s: ShopMinute) => number][] = [
        ['GetItem', 3.2, (s) => reads(s) / 2],
        ['PutItem', 5.5, (s) => writes(s) / 2],
        ['Query', 8, (s) => reads(s) / 6],
      ];
      for (const [op, median, count] of ops) {
        add(
          env,
          { namespace: ddb, name: 'SuccessfulRequestLatency', dimensions: { ...T, Operation: op } },
          'Milliseconds',
          (_, s, _t, m) =>
            latency(Math.round(count(s)), { median: median * (1 + 0.05 * gaussian(19, m)), sigma: 0.3 }),
        );
      }
    }

    // SQS queues.
    const failedTotal = (s: ShopMinute): number => sum(s.failed);
    const queues: [string, (s: ShopMinute, t: number, m: number) => [number, number, number]][] = [
      [
        'order-events',
        (s, _t, m) => [s.orders, 4 + Math.abs(3 * gaussian(23, m)), 5 + Math.abs(4 * gaussian(29, m))],
      ],
      [
        'payment-retries',
        (s, t, m) => {
          const minutes = env === 'prod' ? (shop.timeline.incidentMinutes(t) ?? 0) : 0;
          const backlog = s.paymentSeverity * Math.min(minutes * 6, 600);
          const age = 35 + Math.abs(15 * gaussian(37, m)) + s.paymentSeverity * Math.min(minutes * 45, 1500);
          return [failedTotal(s) + stochasticRound(0.2, 41, m), 2 + backlog, age];
        },
      ],
      [
        'email-notifications',
        (s, _t, m) => [
          Math.round(s.orders * 1.2),
          8 + Math.abs(5 * gaussian(43, m)),
          12 + Math.abs(6 * gaussian(47, m)),
        ],
      ],
    ];
    for (const [queue, model] of queues) {
      const Q = { QueueName: `${queue}${suffix(env)}` };
      const sqs = 'AWS/SQS';
      add(env, { namespace: sqs, name: 'NumberOfMessagesSent', dimensions: Q }, 'Count', (_, s, t, m) =>
        single(model(s, t, m)[0]),
      );
      add(
        env,
        { namespace: sqs, name: 'ApproximateNumberOfMessagesVisible', dimensions: Q },
        'Count',
        (_, s, t, m) => single(Math.round(model(s, t, m)[1])),
      );
      add(
        env,
        { namespace: sqs, name: 'ApproximateAgeOfOldestMessage', dimensions: Q },
        'Seconds',
        (_, s, t, m) => single(Math.round(model(s, t, m)[2])),
      );
    }
  }

  const charges: MetricId = {
    namespace: 'AWS/Billing',
    name: 'EstimatedCharges',
    dimensions: { Currency: 'USD' },
  };
  out.push({
    id: charges,
    key: metricKey(charges),
    unit: 'None',
    resolution: HOUR,
    sample: (t) => single(Math.round(billing.estimatedCharges(t) * 100) / 100),
  });
  return out;
}
