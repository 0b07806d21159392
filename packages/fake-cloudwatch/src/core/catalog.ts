import { parseInsights } from './insights/parse';
import { referencedIds } from './math/ast';
import { parseMath } from './math/parse';
import { createScenario } from './scenario/scenario';
import type { MetricId } from './scenario/types';

export type { MetricId } from './scenario/types';

/** What the scenario publishes, for checks that content written for the demo reads only what exists. */
export interface ScenarioContents {
  /** Every metric the account publishes. */
  metrics: MetricId[];
  /** True when the account publishes exactly this metric: namespace, name and the whole dimension set. */
  publishes(metric: MetricId): boolean;
  /** The names of the account's alarms. */
  alarmNames: string[];
}

/** The scenario's metrics and alarms; they are the same whatever the anchor, so none is asked for. */
export function describeScenario(): ScenarioContents {
  const scenario = createScenario(0);
  return {
    metrics: scenario.metrics.map((m) => m.id),
    publishes: (metric) => scenario.find(metric) !== undefined,
    alarmNames: scenario.alarms.map((a) => a.name),
  };
}

/** The query ids a metric math expression refers to, as the account reads it; throws on a syntax error. */
export function mathReferences(expression: string): string[] {
  return [...referencedIds(parseMath(expression))];
}

/** The namespace and metric a Metrics Insights query reads, as the account reads it; throws on a syntax error. */
export function insightsSource(sql: string): { namespace: string; metric: string } {
  const { namespace, metric } = parseInsights(sql);
  return { namespace, metric };
}
