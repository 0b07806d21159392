import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useCatalog } from '../../data/react/use-catalog';
import { formatConfigError } from '../../domain/kpi/config-error';
import type { ParsedDashboard } from '../../domain/kpi/parse-result';

function DashboardCard({ entry }: { entry: ParsedDashboard }): ReactElement {
  if (!entry.ok) {
    return (
      <section className="dashboard-card notice-error" aria-label={`${entry.title ?? entry.file}: error`}>
        <h2>{entry.title ?? entry.file}</h2>
        <ul className="error-messages">
          {entry.errors.map((error) => (
            <li key={formatConfigError(error)}>{formatConfigError(error)}</li>
          ))}
        </ul>
      </section>
    );
  }
  const { dashboard } = entry;
  const valid = dashboard.kpis.filter((k) => k.ok).length;
  return (
    <Link to="/d/$dashboardId" params={{ dashboardId: dashboard.id }} className="dashboard-card">
      <h2>{dashboard.title}</h2>
      {dashboard.description && <p>{dashboard.description}</p>}
      <p>
        {dashboard.outcomes.length} outcomes · {valid} KPIs
        {valid < dashboard.kpis.length ? ` · ${dashboard.kpis.length - valid} with errors` : ''} ·{' '}
        {dashboard.region}
      </p>
    </Link>
  );
}

/** The start page: every dashboard the site offers, including the ones whose files are broken. */
export function DashboardListPage(): ReactElement {
  const catalog = useCatalog();
  return (
    <main className="page">
      <h1 className="page-title">Dashboards</h1>
      {catalog.isPending && <p aria-live="polite">Loading dashboards…</p>}
      {catalog.isError && (
        <p className="notice notice-error" role="alert">
          {catalog.data
            ? `Could not re-read the dashboards (${catalog.error.message}); showing the list as last loaded.`
            : `Could not load the dashboards: ${catalog.error.message}`}
        </p>
      )}
      {catalog.data && !catalog.data.index.ok && (
        <div className="notice notice-error" role="alert">
          <strong>The list of dashboards could not be read.</strong>
          <ul>
            {catalog.data.index.errors.map((error) => (
              <li key={formatConfigError(error)}>{formatConfigError(error)}</li>
            ))}
          </ul>
        </div>
      )}
      {catalog.data && (
        <ul className="dashboard-list">
          {catalog.data.dashboards.map((entry) => (
            <li key={entry.file}>
              <DashboardCard entry={entry} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
