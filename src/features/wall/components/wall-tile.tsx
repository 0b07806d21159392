import type { ReactElement } from 'react';
import { Sparkline } from '../../../components/sparkline';
import { StatusBadge } from '../../../components/status-badge';
import type { WallTileModel } from '../model/wall-tiles';
import { StaleBadge } from './stale-badge';

/**
 * One KPI sized for a room: the value is the largest thing on it, the verdict is colour, icon and word,
 * and stale data shows its age, hatched and dimmed, never a verdict.
 */
export function WallTile({ model }: { model: WallTileModel }): ReactElement {
  const headingId = `wall-kpi-${model.key}`;
  const tone = model.staleAge ? 'stale' : model.status;
  return (
    <article
      className={`wall-tile tone-${tone}${model.justBreached ? ' just-breached' : ''}`}
      aria-labelledby={headingId}
      data-kpi={model.key}
      data-status={model.status}
      {...(model.staleAge ? { 'data-stale': 'true' } : {})}
    >
      <div className="wall-tile-body">
        <header className="wall-tile-head">
          <h3 id={headingId} className="wall-tile-title">
            {model.title}
          </h3>
          {model.staleAge ? <StaleBadge age={model.staleAge} /> : <StatusBadge status={model.status} />}
        </header>
        {model.errors ? (
          <ul className="wall-tile-errors">
            {model.errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : (
          <>
            <p className="wall-tile-value" data-testid="kpi-value">
              {model.valueText}
            </p>
            <p className="wall-tile-change">
              {model.staleAge ? (
                <span className="wall-tile-was">
                  Last known: <StatusBadge status={model.status} />
                </span>
              ) : model.change ? (
                <span className={`change-${model.change.tone}`}>{model.change.text}</span>
              ) : (
                '\u00a0'
              )}
            </p>
            <Sparkline points={model.points} lines={model.lines} label={model.sparklineLabel} />
            <p className="wall-tile-reason">
              {model.justBreached && <strong className="wall-just-breached">Just breached · </strong>}
              {model.reason ?? '\u00a0'}
            </p>
          </>
        )}
      </div>
    </article>
  );
}
