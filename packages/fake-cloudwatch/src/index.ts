/**
 * @bellwether/fake-cloudwatch: the simulated AWS account. This entry is the core and the protocols, with
 * no msw and no node: built-ins; the transports are subpaths (./msw, ./browser, ./node, ./http).
 */
export type {
  FakeCloudWatch,
  FakeCloudWatchOptions,
  OperationAnswer,
  OperationRequest,
  RecordedCall,
} from './core/account';
export { createFakeCloudWatch } from './core/account';
export type { MetricId, ScenarioContents } from './core/catalog';
export { describeScenario, insightsSource, mathReferences } from './core/catalog';
export type { AwsError } from './core/errors';
export type { ActiveFault, FaultKind, FaultOptions } from './core/faults';
export { FaultController, faultKinds, parseFaultParameter } from './core/faults';
export type { MetricProps } from './core/query/dynamic-label';
export type { DefaultLabelInput, DefaultLabeller } from './core/query/engine';
export type { ServiceOutcome, WireResponse } from './protocols/serve';
export { isCloudWatchRequest, serveRequest } from './protocols/serve';
