import type { ReactElement } from 'react';
import type { Kpi } from '../../domain/kpi/schema';
import { SafeLink } from './safe-link';

/** What the KPI means, who owns it and where the runbook is: plain text, links only when http(s). */
export function AboutSection({ kpi }: { kpi: Kpi }): ReactElement {
  return (
    <section className="dd-section" aria-labelledby="dd-about">
      <h2 id="dd-about">About this KPI</h2>
      {kpi.description && <p className="dd-description">{kpi.description}</p>}
      <dl className="dd-facts">
        <dt>Owner</dt>
        <dd>{kpi.owner ?? 'Not named in the dashboard file'}</dd>
        <dt>Runbook</dt>
        <dd>{kpi.runbook ? <SafeLink href={kpi.runbook}>{kpi.runbook}</SafeLink> : 'None listed'}</dd>
        <dt>Category</dt>
        <dd>{kpi.category}</dd>
        <dt>Good direction</dt>
        <dd>{kpi.direction === 'higher-is-better' ? 'Higher is better' : 'Lower is better'}</dd>
        {kpi.informational && (
          <>
            <dt>Informational</dt>
            <dd>Shown and judged, but never puts its outcomes at risk</dd>
          </>
        )}
      </dl>
    </section>
  );
}
