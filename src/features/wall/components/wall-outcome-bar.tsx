import type { ReactElement } from 'react';
import { StaleBadge } from '../../../components/stale-badge';
import { StatusBadge } from '../../../components/status-badge';
import type { WallOutcomeModel } from '../model/wall-outcomes';

/** The business outcomes across the top: the first thing read from the door. */
export function WallOutcomeBar({ outcomes }: { outcomes: WallOutcomeModel[] }): ReactElement | null {
  if (outcomes.length === 0) return null;
  return (
    <div
      className="wall-outcomes"
      style={{ gridTemplateColumns: `repeat(${outcomes.length}, minmax(0, 1fr))` }}
    >
      {outcomes.map((outcome) => {
        const headingId = `wall-outcome-${outcome.key.replace(/\W+/g, '-').toLowerCase()}`;
        return (
          <section
            key={outcome.key}
            className={`wall-outcome tone-${outcome.staleAge ? 'stale' : outcome.status}`}
            aria-labelledby={headingId}
            data-status={outcome.status}
          >
            <h2 id={headingId} className="wall-outcome-title">
              {outcome.title}
            </h2>
            {outcome.staleAge ? (
              <StaleBadge age={outcome.staleAge} />
            ) : (
              <StatusBadge status={outcome.status} />
            )}
            <p className="wall-outcome-reason">
              {outcome.staleAge && outcome.reason
                ? `Last known: ${outcome.reason}`
                : (outcome.reason ?? '\u00a0')}
            </p>
          </section>
        );
      })}
    </div>
  );
}
