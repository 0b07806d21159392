import { Link } from '@tanstack/react-router';
import { type ReactElement, useCallback, useEffect, useMemo, useState } from 'react';
import { StaleBadge } from '../../components/stale-badge';
import { StatusBadge } from '../../components/status-badge';
import { useBoard } from '../../data/react/use-board';
import { useCatalog } from '../../data/react/use-catalog';
import { useNow } from '../../data/react/use-now';
import type { BoardStatus } from '../../domain/board/board-types';
import { formatConfigError } from '../../domain/kpi/config-error';
import type { LoadedDashboard, ParsedDashboard } from '../../domain/kpi/parse-result';
import { compareSeverity, type RiskStatus } from '../../domain/risk';
import { toViewRange } from '../../domain/time/view-range';
import { type DashboardSummary, summarizeBoard } from './summarize-board';
import './dashboard-list.css';

/** Which account the numbers come from: said on the front page, with the way to change it. */
export interface AccountNote {
  /** The built-in simulated account (the demo). */
  simulated: boolean;
  /** The connection in words, e.g. "Pasted temporary credentials ASIA…, in memory". */
  summary?: string;
}

/** How often the front page re-reads the clock for ages and staleness (as the desk). */
const AGE_TICK_MS = 15_000;

/** Outcome counts in words: "2 of 3 outcomes at risk or breached". */
function countWords(summary: DashboardSummary): string {
  const { outcomes, atRisk, kpis, broken } = summary;
  const parts = [
    outcomes > 0
      ? atRisk > 0
        ? `${atRisk} of ${outcomes} outcome${outcomes === 1 ? '' : 's'} at risk or breached`
        : `${outcomes} outcome${outcomes === 1 ? '' : 's'}, none at risk`
      : 'no outcomes',
    `${kpis} KPI${kpis === 1 ? '' : 's'}`,
  ];
  if (broken > 0) parts.push(`${broken} with errors`);
  return parts.join(' · ');
}

function CardLinks({ dashboard }: { dashboard: LoadedDashboard }): ReactElement {
  return (
    <p className="board-card-links">
      {/* Names start with the visible words (WCAG 2.5.3), then say which dashboard. */}
      <Link
        to="/d/$dashboardId"
        params={{ dashboardId: dashboard.id }}
        aria-label={`Open the desk view of ${dashboard.title}`}
      >
        Open the desk view
      </Link>
      <Link
        to="/wall/$dashboardId"
        params={{ dashboardId: dashboard.id }}
        aria-label={`On a wall: ${dashboard.title}`}
      >
        On a wall
      </Link>
    </p>
  );
}

/** One dashboard's live roll-up, from the same board model (and cache entry) the desk reads. */
function BoardCard(props: {
  dashboard: LoadedDashboard;
  now: number;
  onStatus: (id: string, status: BoardStatus) => void;
}): ReactElement {
  const { dashboard, now, onStatus } = props;
  // The desk's default view: the file's range and default variables, so the query key is the desk's own.
  const range = useMemo(
    () => toViewRange(undefined, dashboard.timeRange, { timeZone: 'local' }),
    [dashboard.timeRange],
  );
  const data = useBoard({ dashboard, range, variables: NO_VARIABLES, now, tz: 'local' });
  const summary = summarizeBoard(data.board, dashboard, data.series.isError && !data.series.data);
  useEffect(() => onStatus(dashboard.id, summary.status), [onStatus, dashboard.id, summary.status]);
  const headingId = `board-${dashboard.id}`;
  return (
    <article
      className={`board-card tone-${summary.status}`}
      aria-labelledby={headingId}
      data-status={summary.status}
      data-testid="board-card"
    >
      <div className="board-card-head">
        <h2 id={headingId}>
          <Link to="/d/$dashboardId" params={{ dashboardId: dashboard.id }}>
            {dashboard.title}
          </Link>
        </h2>
        {summary.staleAge ? <StaleBadge age={summary.staleAge} /> : <StatusBadge status={summary.status} />}
      </div>
      <p className="board-card-reason" data-testid="board-reason">
        {summary.reason}
      </p>
      <p className="board-card-counts">
        {countWords(summary)} · {dashboard.region}
      </p>
      {data.board.outcomes.length > 1 && (
        <ul className="board-card-outcomes" aria-label={`Outcomes of ${dashboard.title}`}>
          {data.board.outcomes.map((outcome) => (
            <li key={outcome.key}>
              <span>{outcome.title}</span>
              {outcome.staleAge ? (
                <StaleBadge age={outcome.staleAge} />
              ) : (
                <StatusBadge status={outcome.status} />
              )}
            </li>
          ))}
        </ul>
      )}
      <CardLinks dashboard={dashboard} />
    </article>
  );
}

const NO_VARIABLES: Readonly<Record<string, string>> = {};

function BrokenCard({ entry }: { entry: Extract<ParsedDashboard, { ok: false }> }): ReactElement {
  const title = entry.title ?? entry.file;
  return (
    <article className="board-card tone-error" aria-label={`${title}: error`} data-status="error">
      <div className="board-card-head">
        <h2>{title}</h2>
        <StatusBadge status="error" />
      </div>
      <p className="board-card-reason">{entry.file} could not be loaded:</p>
      <ul className="error-messages">
        {entry.errors.map((error) => (
          <li key={formatConfigError(error)}>{formatConfigError(error)}</li>
        ))}
      </ul>
    </article>
  );
}

function AccountBanner({ account }: { account: AccountNote }): ReactElement {
  if (account.simulated) {
    return (
      <aside className="notice account-note" aria-label="Simulated account">
        <strong>Simulated account.</strong> Every number on these dashboards comes from a CloudWatch account
        simulated inside this browser, with scripted incidents (a payment failure, a cost creep, a silent
        exporter); nothing is sent to AWS. <Link to="/connect">Connect your own AWS account</Link>.
      </aside>
    );
  }
  return (
    <aside className="notice account-note" aria-label="Account">
      {account.summary ?? 'Reading CloudWatch in your AWS account.'} <Link to="/connect">Connection</Link> ·{' '}
      <Link to="/status">App status and cost</Link>
    </aside>
  );
}

/** Sorts entries worst first by their reported status; broken files count as errors, pending as least. */
function byWorst(
  entries: readonly ParsedDashboard[],
  statuses: Readonly<Record<string, BoardStatus>>,
): ParsedDashboard[] {
  const statusOf = (entry: ParsedDashboard): BoardStatus =>
    entry.ok ? (statuses[entry.dashboard.id] ?? 'pending') : 'error';
  const rank = (s: BoardStatus): RiskStatus | undefined => (s === 'pending' ? undefined : s);
  return entries
    .map((entry, index) => ({ entry, index, status: rank(statusOf(entry)) }))
    .sort((a, b) => {
      if (a.status && b.status) return compareSeverity(b.status, a.status) || a.index - b.index;
      if (a.status) return -1;
      if (b.status) return 1;
      return a.index - b.index;
    })
    .map((x) => x.entry);
}

/**
 * The front page: every dashboard with its live roll-up, worst first, the reason of its worst outcome in
 * words, and the ways to its desk view and wall. Each card reads the desk's own board (same query key),
 * so opening a dashboard from here fetches nothing more.
 */
export function DashboardListPage({
  account = { simulated: true },
}: {
  account?: AccountNote;
}): ReactElement {
  const catalog = useCatalog();
  const now = useNow(AGE_TICK_MS);
  const [statuses, setStatuses] = useState<Record<string, BoardStatus>>({});
  const onStatus = useCallback(
    (id: string, status: BoardStatus) =>
      setStatuses((current) => (current[id] === status ? current : { ...current, [id]: status })),
    [],
  );
  const entries = catalog.data ? byWorst(catalog.data.dashboards, statuses) : [];
  return (
    <main className="page">
      <div className="front-head">
        <h1 className="page-title">Dashboards</h1>
        {entries.length > 1 && (
          <Link to="/wall" className="front-wall">
            Every dashboard on a wall, rotating
          </Link>
        )}
      </div>
      <AccountBanner account={account} />
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
        <ul className="board-list" aria-label="Dashboards, worst first">
          {entries.map((entry) => (
            <li key={entry.file}>
              {entry.ok ? (
                <BoardCard dashboard={entry.dashboard} now={now} onStatus={onStatus} />
              ) : (
                <BrokenCard entry={entry} />
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
