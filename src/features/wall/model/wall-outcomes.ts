import type { DisplayStatus } from '../../../components/status';
import type { Outcome } from '../../../domain/kpi/schema';
import { compareSeverity, type OutcomeEvaluation } from '../../../domain/risk';
import type { KpiSort } from '../../../url/view-params';
import { describeAge, type Freshness } from './freshness';

/** One business outcome across the top of the wall. */
export interface WallOutcomeModel {
  key: string;
  title: string;
  status: DisplayStatus;
  /** Set when the board's data is stale: the outcome says how old its data is instead of a verdict. */
  staleAge?: string;
  /** The first reason, naming the KPI responsible. */
  reason?: string;
}

/**
 * The outcome roll-ups as the wall shows them: pending until the first answer, stale when the data is, and
 * worst first when the address asks for `sort=status` (ties keep the file's order).
 */
export function buildWallOutcomes(
  outcomes: readonly Outcome[],
  evaluations: readonly OutcomeEvaluation[] | undefined,
  freshness: Freshness,
  sort?: KpiSort,
): WallOutcomeModel[] {
  const stale = freshness.state === 'stale' && freshness.ageMs !== undefined;
  const failingFirst = freshness.state === 'waiting' && freshness.problem !== undefined;
  const models = outcomes.map((outcome, i): WallOutcomeModel => {
    const evaluation = evaluations?.[i];
    const reason = evaluation?.reasons[0]?.message;
    return {
      key: outcome.id ?? outcome.title,
      title: outcome.title,
      status: evaluation?.status ?? (failingFirst ? 'no-data' : 'pending'),
      ...(stale ? { staleAge: describeAge(freshness.ageMs ?? 0) } : {}),
      ...(reason ? { reason } : {}),
    };
  });
  if (sort !== 'status') return models;
  const rank = (status: DisplayStatus): number => (status === 'pending' ? -1 : compareSeverity(status, 'ok'));
  return models
    .map((model, i) => ({ model, i }))
    .sort((a, b) => rank(b.model.status) - rank(a.model.status) || a.i - b.i)
    .map(({ model }) => model);
}
