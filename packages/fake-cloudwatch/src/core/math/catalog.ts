import type { Node } from './ast';

/**
 * Which metric math functions the simulated account runs, and why it refuses the others. The list is the
 * function table of the User Guide page "Metric math syntax and functions"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html#metric-math-syntax).
 */
const SUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set([
  'ABS',
  'ANOMALY_DETECTION_BAND',
  'AVG',
  'CEIL',
  'DATAPOINT_COUNT',
  'DATE',
  'DAY',
  'DIFF',
  'DIFF_TIME',
  'EPOCH',
  'FILL',
  'FIRST',
  'FLOOR',
  'HOUR',
  'IF',
  'LAST',
  'LOG',
  'LOG10',
  'MAX',
  'METRIC_COUNT',
  'METRICS',
  'MIN',
  'MINUTE',
  'MONTH',
  'PERIOD',
  'RATE',
  'REMOVE_EMPTY',
  'RUNNING_SUM',
  'SEARCH',
  'SLICE',
  'SORT',
  'STDDEV',
  'SUM',
  'TIME_SERIES',
  'YEAR',
]);

/** Documented functions that read data this account does not have, with what that data is. */
const UNMODELLED: Record<string, string> = {
  INSIGHT_RULE_METRIC: 'it reads Contributor Insights rules, which the simulated account does not have',
  SERVICE_QUOTA: 'it reads Service Quotas usage metrics, which the simulated account does not model',
  DB_PERF_INSIGHTS: 'it reads RDS Performance Insights counters, which the simulated account does not model',
  LAMBDA: 'it calls a Lambda function as a custom data source, which the simulated account cannot run',
};

/** Why the account will not run a function: a documented one it does not model, or one it does not know. */
export function unsupportedFunctionMessage(name: string): string {
  const reason =
    UNMODELLED[name] ??
    'it is not among the functions of the User Guide page "Metric math syntax and functions" that the account follows';
  return `${name} is not supported by the simulated account: ${reason}`;
}

/** The first function call of an expression the account does not run, read before any data is. */
export function firstUnsupportedCall(node: Node): string | undefined {
  switch (node.type) {
    case 'call':
      if (!SUPPORTED_FUNCTIONS.has(node.name)) return node.name;
      for (const arg of node.args) {
        const found = firstUnsupportedCall(arg);
        if (found) return found;
      }
      return undefined;
    case 'array':
      for (const item of node.items) {
        const found = firstUnsupportedCall(item);
        if (found) return found;
      }
      return undefined;
    case 'unary':
      return firstUnsupportedCall(node.arg);
    case 'binary':
      return firstUnsupportedCall(node.left) ?? firstUnsupportedCall(node.right);
    default:
      return undefined;
  }
}
