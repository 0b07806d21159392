import type { ReactElement } from 'react';
import { SmallMultiples } from '../../components/chart/small-multiples';
import type { TimeZoneChoice } from '../../domain/format/format-time';
import type { Kpi } from '../../domain/kpi/schema';
import { plainNumber } from './format';
import type { DrilldownData } from './use-drilldown-data';

/** Each metric inside a math KPI as its own series, so a ratio's numerator and denominator can be read apart. */
export function ComponentsSection(props: {
  kpi: Kpi;
  data?: DrilldownData;
  tz: TimeZoneChoice;
}): ReactElement | null {
  const { kpi, data } = props;
  if (kpi.query.kind !== 'math' || !data) return null;
  const metrics = kpi.query.metrics;
  const components = data.value?.components ?? {};
  const names = Object.keys(metrics);
  if (names.length === 0) return null;
  return (
    <section className="dd-section" aria-labelledby="dd-components">
      <h2 id="dd-components">Metrics in the expression</h2>
      <p className="dd-note">
        <code>{kpi.query.expression}</code>, where:
      </p>
      <SmallMultiples
        label={`The metrics in ${kpi.title}`}
        window={data.window}
        tz={props.tz}
        formatValue={plainNumber}
        sharedScale={false}
        series={names.map((name) => {
          const m = metrics[name];
          return {
            key: name,
            title: name,
            points: components[name]?.points ?? [],
            note: m ? `${m.namespace} · ${m.name} · ${m.stat}` : undefined,
          };
        })}
      />
    </section>
  );
}
