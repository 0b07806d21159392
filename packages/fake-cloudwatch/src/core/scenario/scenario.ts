import { type AlarmDefinition, alarmDefinitions } from '../alarms/definitions';
import { buildCatalog } from './catalog';
import { ShopModel } from './shop-model';
import { createTimeline, quietTimeline, type Timeline } from './timeline';
import { type CatalogMetric, type MetricId, metricKey } from './types';

/** The simulated account's content: its metrics, their data, the alarms on them and the episode schedule. */
export interface Scenario {
  anchor: number;
  timeline: Timeline;
  metrics: CatalogMetric[];
  find(id: MetricId): CatalogMetric | undefined;
  alarms: AlarmDefinition[];
  /** The episode-free twin the anomaly bands are computed from. */
  training: Pick<Scenario, 'metrics' | 'find'>;
}

/** Creates the scripted scenario whose episodes are placed around `anchor`. */
export function createScenario(anchor: number): Scenario {
  const timeline = createTimeline(anchor);
  const metrics = buildCatalog(new ShopModel(timeline));
  const byKey = new Map(metrics.map((m) => [m.key, m]));
  const trainingMetrics = buildCatalog(new ShopModel(quietTimeline(timeline)));
  const trainingByKey = new Map(trainingMetrics.map((m) => [m.key, m]));
  return {
    training: { metrics: trainingMetrics, find: (id) => trainingByKey.get(metricKey(id)) },
    anchor,
    timeline,
    metrics,
    find: (id) => byKey.get(metricKey(id)),
    alarms: alarmDefinitions,
  };
}
