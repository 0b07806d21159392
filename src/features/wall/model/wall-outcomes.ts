import type { BoardStatus, OutcomeView } from '../../../domain/board/board-types';
import { compareSeverity } from '../../../domain/risk';
import type { KpiSort } from '../../../url/view-params';

/** One business outcome across the top of the wall: the board model's view of it. */
export type WallOutcomeModel = OutcomeView;

/** The board's outcomes in the wall's order: worst first when the address asks for `sort=status` (ties keep the file's order). */
export function sortWallOutcomes(outcomes: readonly OutcomeView[], sort?: KpiSort): WallOutcomeModel[] {
  if (sort !== 'status') return [...outcomes];
  const rank = (status: BoardStatus): number => (status === 'pending' ? -1 : compareSeverity(status, 'ok'));
  return outcomes
    .map((model, i) => ({ model, i }))
    .sort((a, b) => rank(b.model.status) - rank(a.model.status) || a.i - b.i)
    .map(({ model }) => model);
}
