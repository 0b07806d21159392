import type { DefaultLabeller } from '../query/engine';
import type { Scenario } from '../scenario/scenario';
import type { OperationImpl } from './context';
import { createDescribeAlarms } from './describe-alarms';
import { createGetMetricData } from './get-metric-data';
import { listMetrics } from './list-metrics';

/**
 * The CloudWatch operations the simulated account answers; any other is an unknown operation.
 * `defaultLabel` is read on every call, so a test can change the default labels at any time.
 */
export function createOperations(
  scenario: Scenario,
  defaultLabel: () => DefaultLabeller | undefined = () => undefined,
): Record<string, OperationImpl> {
  const list: OperationImpl = (ctx) => listMetrics(scenario, ctx);
  return {
    GetMetricData: createGetMetricData(scenario, defaultLabel),
    ListMetrics: list,
    DescribeAlarms: createDescribeAlarms(scenario),
  };
}
