import { Link } from '@tanstack/react-router';
import type { ReactElement, ReactNode } from 'react';
import { siteProblems } from '../../data/react/site-problems';
import { findDashboard, useCatalog } from '../../data/react/use-catalog';
import type { TimeWindow } from '../../domain/series';
import type { DrilldownSearch } from '../../url/view-state';
import { DrilldownPage, type DrilldownView } from './drilldown-page';

interface DrilldownByIdProps {
  dashboardId: string;
  kpiId: string;
  view: DrilldownSearch;
  onViewChange: (next: DrilldownView) => void;
  back: ReactNode;
  actions?: (screen: { window?: TimeWindow }) => ReactNode;
}

/** The drill-down of a KPI on one of the site's dashboards: loads the catalog first, says so when it cannot. */
export function DrilldownById(props: DrilldownByIdProps): ReactElement {
  const catalog = useCatalog();
  if (catalog.isPending) {
    return (
      <main className="page" aria-busy="true">
        <p aria-live="polite">Loading…</p>
      </main>
    );
  }
  // A failed background re-read keeps the last good list on screen; only a first load that failed stops here.
  if (!catalog.data) {
    return (
      <main className="page">
        <p className="notice notice-error" role="alert">
          Could not load dashboards: {catalog.error.message}
        </p>
      </main>
    );
  }
  const entry = findDashboard(catalog.data, props.dashboardId);
  if (!entry?.ok) {
    return (
      <main className="page">
        <h1 className="page-title">
          {entry ? `${entry.file} could not be loaded` : `No dashboard called “${props.dashboardId}”`}
        </h1>
        <p>
          <Link to="/">See all dashboards</Link>.
        </p>
      </main>
    );
  }
  const problems = siteProblems(catalog, entry.file);
  const banner =
    problems.length > 0 ? (
      <p className="notice notice-warning" role="status">
        {problems.join('. ')}
      </p>
    ) : undefined;
  return <DrilldownPage {...props} {...(banner ? { banner } : {})} dashboard={entry.dashboard} />;
}
