import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { usePricing, useUsageLog } from '../../data/react/metrics-source-context';
import { findDashboard, useCatalog } from '../../data/react/use-catalog';
import { useNow } from '../../data/react/use-now';
import { useRefreshBill } from '../../data/react/use-refresh-bill';
import { parseUsageId } from '../../data/usage-log';
import { formatDollars, monthlyCost } from '../../domain/cost/cost';
import { formatTimestamp } from '../../domain/format/format-time';
import type { LoadedDashboard } from '../../domain/kpi/parse-result';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const ms = (value: number | undefined): string => (value === undefined ? '—' : `${count.format(value)} ms`);

/** Bytes as people read them: 1.9 KiB, 104.9 KiB, 1.3 MiB. */
function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${count.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${count.format(bytes / 1024)} KiB`;
  return `${count.format(bytes / 1024 / 1024)} MiB`;
}

/**
 * The app's own health: for every dashboard refreshed since the page loaded, and every drill-down opened,
 * its GetMetricData calls, metrics and bytes, what a screen of it costs a month in the long run and what
 * its first load cost, latencies, throttles and errors.
 */
export function StatusPage(): ReactElement {
  useNow(5000);
  const usage = useUsageLog();
  const pricing = usePricing();
  const catalog = useCatalog();
  // Each dashboard's refreshes, then the drill-downs opened from it, each a row of its own.
  const order = usage.dashboards();
  const rank = (id: string): number => {
    const at = order.indexOf(parseUsageId(id).dashboardId);
    return at < 0 ? order.indexOf(id) : at;
  };
  const kpiOf = (id: string): string => parseUsageId(id).kpiId ?? '';
  const ids = [...order].sort((a, b) => rank(a) - rank(b) || kpiOf(a).localeCompare(kpiOf(b)));
  const dashboardOf = (id: string): LoadedDashboard | undefined => {
    const entry = catalog.data ? findDashboard(catalog.data, id) : undefined;
    return entry?.ok ? entry.dashboard : undefined;
  };
  return (
    <main className="page status-page">
      <h1 className="page-title">App status</h1>
      <p>
        What this page has asked of CloudWatch since it loaded. GetMetricData is billed per metric requested,
        here at ${pricing.per1000Metrics} per 1,000{' '}
        {pricing.configured
          ? '(config.json, pricePer1000Metrics)'
          : '(Amazon CloudWatch pricing: us-east-1 and most regions; set pricePer1000Metrics in config.json when yours differs)'}
        . "A refresh" and "a month" are the long run, worked out from the first refresh for the view on
        screen: the series cache makes the first load dearer than every refresh after it.
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
              <th scope="col">Bytes received</th>
              <th scope="col">First load</th>
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
            {ids.map((id) => (
              <StatusRow key={id} id={id} dashboard={dashboardOf(parseUsageId(id).dashboardId)} />
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function StatusRow({ id, dashboard }: { id: string; dashboard?: LoadedDashboard }): ReactElement {
  const s = useUsageLog().summary(id);
  const pricing = usePricing();
  const { dashboardId, kpiId } = parseUsageId(id);
  // A dashboard's long run is forecast from its first refresh. A drill-down's counts span every view it
  // showed (each range, comparison and breakdown starts anew), so it has none here: its page says it.
  const bill = useRefreshBill(id);
  const steady = bill?.steadyMetrics;
  const price = bill?.pricePer1000 ?? pricing.per1000Metrics;
  const refresh = dashboard?.refresh;
  const month =
    steady !== undefined && refresh !== undefined
      ? monthlyCost({ metricsPerRefresh: steady, refreshSeconds: refresh, pricePer1000: price })
      : undefined;
  const first = s.firstLoad;
  const kpiTitle = dashboard?.kpis.find((e) => e.ok && e.kpi.id === kpiId);
  return (
    <tr>
      <th scope="row">
        {kpiId === undefined ? (
          <Link to="/d/$dashboardId" params={{ dashboardId }}>
            {id}
          </Link>
        ) : (
          <Link to="/d/$dashboardId/k/$kpiId" params={{ dashboardId, kpiId }}>
            {dashboardId} › {kpiTitle?.ok ? kpiTitle.kpi.title : kpiId} (drill-down)
          </Link>
        )}
        {dashboard && <span className="status-region"> {dashboard.region}</span>}
      </th>
      <td>{count.format(s.refreshes)}</td>
      <td>{count.format(s.calls)}</td>
      <td>{count.format(s.metrics)}</td>
      <td>{formatBytes(s.bytes)}</td>
      <td>
        {first
          ? `${count.format(first.metrics)} metrics, ${formatBytes(first.bytes)}, ${formatDollars((first.metrics / 1000) * price)}`
          : '—'}
      </td>
      <td>
        {bill
          ? `≈ ${count.format(bill.steadyMetrics)}${s.refreshes > 1 ? ` (measured ${count.format(s.metricsPerRefresh)})` : ''}`
          : '—'}
      </td>
      <td>{month ? `${formatDollars(month.dollarsPerMonth)} at ${refresh} s` : '—'}</td>
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
}
