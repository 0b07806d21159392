import type { Scenario } from '../scenario/scenario';
import type { OperationImpl } from './context';
import { createDescribeAlarms } from './describe-alarms';
import { createGetMetricData } from './get-metric-data';
import { listMetrics } from './list-metrics';

/** The CloudWatch operations the simulated account answers; any other is an unknown operation. */
export function createOperations(scenario: Scenario): Record<string, OperationImpl> {
  const list: OperationImpl = (ctx) => listMetrics(scenario, ctx);
  return {
    GetMetricData: createGetMetricData(scenario),
    ListMetrics: list,
    DescribeAlarms: createDescribeAlarms(scenario),
  };
}
