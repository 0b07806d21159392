import type { BoardStatus, BoardView } from '../../domain/board/board-types';
import type { LoadedDashboard } from '../../domain/kpi/parse-result';
import { compareSeverity, type RiskStatus } from '../../domain/risk';

/** One dashboard on the front page: the worst verdict, why, and how many outcomes are in trouble. */
export interface DashboardSummary {
  status: BoardStatus;
  /** The worst outcome's reason in words, naming it: "Customers can pay: Payment success rate breached: …". */
  reason: string;
  /** Set when the board's data is stale: how old it is (a stale board is never shown as OK). */
  staleAge?: string;
  outcomes: number;
  /** Outcomes at risk or breached. */
  atRisk: number;
  kpis: number;
  /** KPIs that could not be loaded from the file. */
  broken: number;
}

const judged = (status: BoardStatus): status is RiskStatus => status !== 'pending';

/**
 * Reads the board model the desk builds: the worst outcome (or, with no outcomes, the worst KPI) decides
 * the card's status, and its reason is the card's sentence. Computes no verdict of its own.
 */
export function summarizeBoard(
  board: BoardView,
  dashboard: LoadedDashboard,
  failed: boolean,
): DashboardSummary {
  const kpis = dashboard.kpis.length;
  const broken = dashboard.kpis.filter((entry) => !entry.ok).length;
  const base = {
    outcomes: board.outcomes.length,
    atRisk: board.outcomes.filter((o) => o.status === 'at-risk' || o.status === 'breached').length,
    kpis,
    broken,
  };
  const items =
    board.outcomes.length > 0
      ? board.outcomes.map((o) => ({
          title: o.title,
          status: o.status,
          reason: o.reason,
          staleAge: o.staleAge,
        }))
      : board.tiles.map((t) => ({ title: '', status: t.status, reason: t.reason, staleAge: t.staleAge }));
  const shown = items.flatMap((item) => (judged(item.status) ? [{ ...item, status: item.status }] : []));
  if (shown.length === 0) {
    return {
      ...base,
      status: failed ? 'error' : 'pending',
      reason: failed
        ? 'Could not fetch metrics; see the desk view for the error.'
        : 'Loading the latest data…',
    };
  }
  // The first of the most severe, in the file's order.
  const worst = shown.reduce((a, b) => (compareSeverity(b.status, a.status) > 0 ? b : a));
  const sentence = worst.reason ?? (worst.status === 'ok' ? 'Every KPI is within its limits.' : '');
  return {
    ...base,
    status: worst.status,
    reason: worst.title && worst.status !== 'ok' ? `${worst.title}: ${sentence}` : sentence,
    ...(worst.staleAge ? { staleAge: worst.staleAge } : {}),
  };
}
