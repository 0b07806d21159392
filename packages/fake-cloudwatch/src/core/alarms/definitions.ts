/** A CloudWatch metric alarm of the simulated account, as PutMetricAlarm would have configured it. */
export interface AlarmDefinition {
  name: string;
  description: string;
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  /** Sum, Average, … or a percentile such as p99 (sent as ExtendedStatistic). */
  statistic: string;
  period: number;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  threshold: number;
  comparisonOperator:
    | 'GreaterThanThreshold'
    | 'GreaterThanOrEqualToThreshold'
    | 'LessThanThreshold'
    | 'LessThanOrEqualToThreshold';
  treatMissingData: 'missing' | 'ignore' | 'breaching' | 'notBreaching';
  unit?: string;
  configuredAt: string;
}

const LB = 'app/shop-prod/50dc6c495c0c9188';

/**
 * The alarms in the simulated account. Their state is computed from the scenario's data at request
 * time: checkout-prod-p99-high is in ALARM during the payment incident, legacy-invoice-exporter-heartbeat
 * is INSUFFICIENT_DATA while the exporter has stopped publishing, the rest are OK.
 */
export const alarmDefinitions: AlarmDefinition[] = [
  {
    name: 'checkout-prod-p99-high',
    description: 'Checkout p99 latency above 800 ms in 3 of the last 5 minutes (prod).',
    namespace: 'Shop/Checkout',
    metricName: 'CheckoutLatency',
    dimensions: { Environment: 'prod' },
    statistic: 'p99',
    period: 60,
    evaluationPeriods: 5,
    datapointsToAlarm: 3,
    threshold: 800,
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'missing',
    unit: 'Milliseconds',
    configuredAt: '2025-01-14T09:12:44Z',
  },
  {
    name: 'checkout-staging-p99-high',
    description: 'Checkout p99 latency above 1500 ms in 3 of the last 5 minutes (staging).',
    namespace: 'Shop/Checkout',
    metricName: 'CheckoutLatency',
    dimensions: { Environment: 'staging' },
    statistic: 'p99',
    period: 60,
    evaluationPeriods: 5,
    datapointsToAlarm: 3,
    threshold: 1500,
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    unit: 'Milliseconds',
    configuredAt: '2025-01-14T09:13:02Z',
  },
  {
    name: 'alb-target-5xx-high',
    description: 'More than 60 target 5xx responses a minute on the shop load balancer, 3 minutes running.',
    namespace: 'AWS/ApplicationELB',
    metricName: 'HTTPCode_Target_5XX_Count',
    dimensions: { LoadBalancer: LB },
    statistic: 'Sum',
    period: 60,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    threshold: 60,
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    configuredAt: '2024-11-02T16:40:10Z',
  },
  {
    name: 'lambda-payment-webhook-errors',
    description: 'payment-webhook Lambda errors above 5 a minute.',
    namespace: 'AWS/Lambda',
    metricName: 'Errors',
    dimensions: { FunctionName: 'payment-webhook' },
    statistic: 'Sum',
    period: 60,
    evaluationPeriods: 5,
    datapointsToAlarm: 2,
    threshold: 5,
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    configuredAt: '2024-11-02T16:41:55Z',
  },
  {
    name: 'dynamodb-orders-throttled',
    description: 'Any throttled request on the orders table.',
    namespace: 'AWS/DynamoDB',
    metricName: 'ThrottledRequests',
    dimensions: { TableName: 'orders' },
    statistic: 'Sum',
    period: 300,
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    threshold: 0,
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    configuredAt: '2024-10-21T08:05:31Z',
  },
  {
    name: 'sqs-payment-retries-age',
    description: 'Oldest message on payment-retries older than 30 minutes.',
    namespace: 'AWS/SQS',
    metricName: 'ApproximateAgeOfOldestMessage',
    dimensions: { QueueName: 'payment-retries' },
    statistic: 'Maximum',
    period: 300,
    evaluationPeriods: 2,
    datapointsToAlarm: 2,
    threshold: 1800,
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'missing',
    configuredAt: '2024-12-03T11:27:09Z',
  },
  {
    name: 'legacy-invoice-exporter-heartbeat',
    description: 'The legacy invoice exporter processed no jobs for 5 minutes.',
    namespace: 'Shop/LegacyWorker',
    metricName: 'JobsProcessed',
    dimensions: { Environment: 'prod', Worker: 'invoice-exporter' },
    statistic: 'Sum',
    period: 60,
    evaluationPeriods: 5,
    datapointsToAlarm: 5,
    threshold: 1,
    comparisonOperator: 'LessThanThreshold',
    treatMissingData: 'missing',
    configuredAt: '2023-06-30T13:58:20Z',
  },
];
