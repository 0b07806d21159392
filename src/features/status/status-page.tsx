import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useUsageLog } from '../../data/react/metrics-source-context';
import { findDashboard, useCatalog } from '../../data/react/use-catalog';
import { useNow } from '../../data/react/use-now';
import { DEFAULT_PRICE_PER_1000_METRICS, monthlyCost } from '../../domain/cost/cost';
import { formatTimestamp } from '../../domain/format/format-time';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const ms = (value: number | undefined): string => (value === undefined ? '—' : `${count.format(value)} ms`);

/**
 * The app's own health: for every dashboard refreshed since the page loaded, its GetMetricData calls and
 * metrics, what a screen of it costs a month, latencies, throttles and errors.
 */
export function StatusPage(): ReactElement {
  useNow(5000);
  const usage = useUsageLog();
  const catalog = useCatalog();
  const ids = usage.dashboards();
  const refreshOf = (id: string): number | undefined => {
    const entry = catalog.data ? findDashboard(catalog.data, id) : undefined;
    return entry?.ok ? entry.dashboard.refresh : undefined;
  };
  return (
    <main className="page status-page">
      <h1 className="page-title">App status</h1>
      <p>
        What this page has asked of CloudWatch since it loaded. GetMetricData is billed per metric requested:
        ${DEFAULT_PRICE_PER_1000_METRICS} per 1,000 in most regions (Amazon CloudWatch pricing).
      </p>
      {ids.length === 0 ? (
        <p>No dashboard has refreshed yet. Open one, then come back.</p>
      ) : (
        <table className="status-table">
          <caption>Refreshes per dashboard</caption>
          <thead>
            <tr>
              <th scope="col">Dashboard</th>
              <th scope="col">Refreshes</th>
              <th scope="col">Calls</th>
              <th scope="col">Metrics</th>
              <th scope="col">Metrics a refresh</th>
              <th scope="col">A screen a month</th>
              <th scope="col">p50</th>
              <th scope="col">p95</th>
              <th scope="col">Throttles</th>
              <th scope="col">Errors</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => {
              const s = usage.summary(id);
              const refresh = refreshOf(id);
              const cost =
                refresh === undefined
                  ? undefined
                  : monthlyCost({ metricsPerRefresh: s.metricsPerRefresh, refreshSeconds: refresh });
              return (
                <tr key={id}>
                  <th scope="row">
                    <Link to="/d/$dashboardId" params={{ dashboardId: id }}>
                      {id}
                    </Link>
                  </th>
                  <td>{count.format(s.refreshes)}</td>
                  <td>{count.format(s.calls)}</td>
                  <td>{count.format(s.metrics)}</td>
                  <td>{count.format(s.metricsPerRefresh)}</td>
                  <td>{cost ? `${dollars.format(cost.dollarsPerMonth)} at ${refresh} s` : '—'}</td>
                  <td>{ms(s.p50Ms)}</td>
                  <td>{ms(s.p95Ms)}</td>
                  <td>{count.format(s.throttles)}</td>
                  <td>{count.format(s.errors)}</td>
                  <td>
                    {s.lastError
                      ? `${formatTimestamp(s.lastError.at)}: ${s.lastError.code} — ${s.lastError.message}`
                      : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </main>
  );
}
