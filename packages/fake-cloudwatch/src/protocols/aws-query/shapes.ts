/**
 * The input shapes of the operations the account answers, as CloudWatch's service model states them
 * (botocore 1.43.11 `data/cloudwatch/2010-08-01/service-2.json`; the API reference's Request Parameters).
 * The query protocol writes every value as text, so only the model tells a number, a boolean, a
 * timestamp or a list from a string. No member of these inputs is flattened or renamed (no
 * `flattened`, no `locationName` in the model), so the wire names are the member names.
 */
export type Shape =
  | { type: 'string' | 'integer' | 'boolean' | 'timestamp' }
  | { type: 'list'; member: Shape }
  | { type: 'map'; key: Shape; value: Shape }
  | { type: 'structure'; members: Readonly<Record<string, Shape>> };

const string: Shape = { type: 'string' };
const integer: Shape = { type: 'integer' };
const boolean: Shape = { type: 'boolean' };
const timestamp: Shape = { type: 'timestamp' };
const list = (member: Shape): Shape => ({ type: 'list', member });
const structure = (members: Record<string, Shape>): Shape => ({ type: 'structure', members });

const dimension = structure({ Name: string, Value: string });

const metricDataQuery = structure({
  Id: string,
  MetricStat: structure({
    Metric: structure({ Namespace: string, MetricName: string, Dimensions: list(dimension) }),
    Period: integer,
    Stat: string,
    Unit: string,
  }),
  Expression: string,
  Label: string,
  ReturnData: boolean,
  Period: integer,
  AccountId: string,
});

/** GetMetricDataInput, ListMetricsInput and DescribeAlarmsInput, member by member. */
export const INPUT_SHAPES: Readonly<Record<string, Shape>> = {
  GetMetricData: structure({
    MetricDataQueries: list(metricDataQuery),
    StartTime: timestamp,
    EndTime: timestamp,
    NextToken: string,
    ScanBy: string,
    MaxDatapoints: integer,
    LabelOptions: structure({ Timezone: string }),
  }),
  ListMetrics: structure({
    Namespace: string,
    MetricName: string,
    Dimensions: list(dimension),
    NextToken: string,
    RecentlyActive: string,
    IncludeLinkedAccounts: boolean,
    OwningAccount: string,
  }),
  DescribeAlarms: structure({
    AlarmNames: list(string),
    AlarmNamePrefix: string,
    AlarmTypes: list(string),
    ChildrenOfAlarmName: string,
    ParentsOfAlarmName: string,
    StateValue: string,
    ActionPrefix: string,
    MaxRecords: integer,
    NextToken: string,
  }),
};
