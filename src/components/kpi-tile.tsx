import { memo, type ReactElement, type ReactNode } from 'react';
import type { KpiTileView } from '../domain/board/board-types';
import { Sparkline } from './sparkline';
import { StaleBadge } from './stale-badge';
import { StatusBadge } from './status-badge';

/**
 * One KPI at a desk: the value of the newest complete period is the largest thing on it, its age in words
 * when it is old; status in colour, icon and word; one line of why, and CloudWatch's notes.
 */
export const KpiTile = memo(function KpiTile({
  model,
  actions,
  offScreen = false,
}: {
  model: KpiTileView;
  actions?: ReactNode;
  /**
   * Far from the viewport: a light tile of the same rows with the title, the verdict when the KPI was
   * judged (an outcome rolls it up) and the link, so the page keeps its height, reads and tabs the same.
   * The link keeps its place among the children, so focus stays on it when the tile is drawn in full.
   */
  offScreen?: boolean;
}): ReactElement {
  const headingId = `kpi-${model.id}-title`;
  const tone = model.staleAge ? 'stale' : model.status;
  const full = !offScreen;
  // A placeholder shows a verdict only when the KPI was judged (an outcome needs it).
  const judged = model.status !== 'pending';
  return (
    <article
      className={`kpi-tile tone-${full || judged ? tone : 'pending'}${full ? '' : ' is-placeholder'}`}
      aria-labelledby={headingId}
      data-tile-id={model.id}
      {...(full ? { 'data-kpi': model.id } : {})}
      {...(full || judged ? { 'data-status': model.status } : {})}
      {...(model.staleAge ? { 'data-stale': 'true' } : {})}
    >
      <header className="kpi-tile-head">
        <h3 id={headingId} className="kpi-title">
          {model.title}
        </h3>
        {model.staleAge ? (
          <StaleBadge age={model.staleAge} />
        ) : (
          (full || judged) && <StatusBadge status={model.status} />
        )}
      </header>
      {full && (
        <>
          <p className={`kpi-value${model.dimmed ? ' is-dimmed' : ''}`} data-testid="kpi-value">
            {model.valueText}
            {model.soFar && <span className="kpi-so-far">{model.soFar}</span>}
          </p>
          <p className="kpi-change">
            {model.age ? (
              <span className="kpi-age" data-testid="kpi-age">
                {model.age}
              </span>
            ) : model.change ? (
              <span className={`change-${model.change.tone}`}>{model.change.text}</span>
            ) : (
              '\u00a0'
            )}
          </p>
          <Sparkline
            points={model.points}
            lines={model.lines}
            label={model.sparklineLabel}
            lazy
            {...(model.window ? { window: model.window } : {})}
            {...(model.period ? { period: model.period } : {})}
          />
          {model.slo && <SloBudget {...model.slo} />}
          <p className="kpi-reason" title={model.reason}>
            {model.reason ?? '\u00a0'}
          </p>
          {model.notes.length > 0 && (
            <ul className="kpi-notes" data-testid="kpi-note">
              {model.notes.map((note) => (
                <li key={note} title={note}>
                  {note}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {actions}
    </article>
  );
});

/** The error budget as a bar that empties, with the numbers in words beside it. */
function SloBudget({ text, budgetRemaining }: { text: string; budgetRemaining: number }): ReactElement {
  const left = Math.max(0, Math.min(1, budgetRemaining));
  const tone = budgetRemaining <= 0 ? 'spent' : budgetRemaining < 0.25 ? 'low' : 'fine';
  return (
    <p className={`kpi-slo budget-${tone}`}>
      <span className="budget-bar" aria-hidden="true">
        <span style={{ width: `${left * 100}%` }} />
      </span>
      <span>{text}</span>
    </p>
  );
}
