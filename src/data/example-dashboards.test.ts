import { readdirSync, readFileSync } from 'node:fs';
import { describeScenario, insightsSource, mathReferences } from '@bellwether/fake-cloudwatch';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseDashboard } from '../domain/kpi/parse-dashboard';
import type { MetricStat } from '../domain/kpi/query-schema';
import { dashboardIndexSchema, dashboardSchema, type Kpi } from '../domain/kpi/schema';
import { substituteMetricStat, substituteQuery, substituteText } from '../domain/kpi/variables';

const DIR = new URL('../../public/dashboards/', import.meta.url);
const read = (file: string): string => readFileSync(new URL(file, DIR), 'utf8');
const index = dashboardIndexSchema.parse(parse(read('index.yaml')));
const files = index.dashboards;
const scenario = describeScenario();

/** Every metric a KPI reads, with its variables set. */
function metricsOf(kpi: Kpi, env: string): MetricStat[] {
  const values = { env };
  const query = substituteQuery(kpi.query, values);
  const own =
    query.kind === 'metric' ? [query.metric] : query.kind === 'math' ? Object.values(query.metrics) : [];
  const slo = [kpi.slo?.good, kpi.slo?.total].filter((m): m is MetricStat => m !== undefined);
  return [...own, ...slo.map((m) => substituteMetricStat(m, values))];
}

test('index.yaml lists exactly the dashboard files in public/dashboards', () => {
  const present = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f) && f !== 'index.yaml');
  expect([...files].sort()).toEqual(present.sort());
});

describe.each(files)('%s', (file) => {
  const raw: unknown = parse(read(file));
  const result = dashboardSchema.safeParse(raw);

  test('validates against dashboardSchema', () => {
    expect(result.error?.issues ?? []).toEqual([]);
  });

  test('loads in the app without errors or warnings', () => {
    const loaded = parseDashboard(file, read(file));
    expect(loaded.ok ? loaded.warnings : loaded).toEqual([]);
    if (loaded.ok) expect(loaded.dashboard.kpis.filter((k) => !k.ok)).toEqual([]);
  });

  const dashboard = result.success ? result.data : undefined;
  const envs = dashboard?.variables.env?.values ?? ['prod'];
  const kpis = dashboard?.kpis ?? [];

  test('every outcome names KPIs of this dashboard and every KPI has an owner and a description', () => {
    const ids = new Set(kpis.map((k) => k.id));
    for (const outcome of dashboard?.outcomes ?? []) for (const id of outcome.kpis) expect(ids).toContain(id);
    for (const kpi of kpis) {
      expect(kpi.owner, kpi.id).toBeTruthy();
      expect(kpi.description, kpi.id).toBeTruthy();
    }
  });

  test.each(kpis.map((k) => [k.id, k] as const))(
    '%s reads metrics the simulated account publishes',
    (_id, kpi) => {
      for (const env of envs) {
        for (const metric of metricsOf(kpi, env)) {
          const found = scenario.publishes({
            namespace: metric.namespace,
            name: metric.name,
            dimensions: metric.dimensions,
          });
          expect(
            found,
            `${kpi.id} (${env}): ${metric.namespace} ${metric.name} ${JSON.stringify(metric.dimensions)}`,
          ).toBe(true);
        }
      }
      if (kpi.query.kind === 'math') {
        const ids = mathReferences(kpi.query.expression);
        expect(Object.keys(kpi.query.metrics)).toEqual(expect.arrayContaining(ids));
      }
      if (kpi.query.kind === 'insights') {
        const q = insightsSource(kpi.query.sql);
        expect(scenario.metrics.some((m) => m.namespace === q.namespace && m.name === q.metric)).toBe(true);
      }
      for (const env of envs) {
        for (const alarm of kpi.alarms ?? []) {
          expect(scenario.alarmNames).toContain(substituteText(alarm, { env }));
        }
      }
    },
  );
});
