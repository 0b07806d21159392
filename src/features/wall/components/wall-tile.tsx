import { type CSSProperties, memo, type ReactElement } from 'react';
import { Sparkline } from '../../../components/sparkline';
import { StaleBadge } from '../../../components/stale-badge';
import { StatusBadge } from '../../../components/status-badge';
import { NO_VALUE } from '../../../domain/format/format-value';
import type { Point } from '../../../domain/series';
import type { WallTileModel } from '../model/wall-tiles';

function WallTileView({ model }: { model: WallTileModel }): ReactElement {
  const headingId = `wall-kpi-${model.key}`;
  const tone = model.staleAge ? 'stale' : model.status;
  return (
    <article
      className={`wall-tile tone-${tone}${model.justBreached ? ' just-breached' : ''}`}
      aria-labelledby={headingId}
      data-kpi={model.key}
      style={{ '--chars': Math.max(4, Array.from(model.valueText).length) } as CSSProperties}
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
            <p
              className={`wall-tile-value${model.valueText === NO_VALUE ? ' is-empty' : ''}${model.dimmed ? ' is-dimmed' : ''}`}
              data-testid="kpi-value"
            >
              {model.valueText}
            </p>
            <p className="wall-tile-change">
              {model.staleAge ? (
                <span className="wall-tile-was">
                  Last known: <StatusBadge status={model.status} />
                </span>
              ) : model.age ? (
                <span className="wall-tile-age" data-testid="kpi-age">
                  {model.age}
                </span>
              ) : model.change ? (
                <span className={`change-${model.change.tone}`}>{model.change.text}</span>
              ) : (
                '\u00a0'
              )}
            </p>
            <Sparkline
              id={`wall-spark-${model.key}`}
              points={model.points}
              lines={model.lines}
              label={model.sparklineLabel}
              {...(model.window ? { window: model.window } : {})}
              {...(model.period ? { period: model.period } : {})}
            />
            <p className="wall-tile-reason">
              {model.justBreached && <strong className="wall-just-breached">Just breached · </strong>}
              {model.shortReason ?? '\u00a0'}
            </p>
            {model.notes.length > 0 && (
              <p className="wall-tile-note" data-testid="kpi-note">
                {model.notes.join(' · ')}
              </p>
            )}
          </>
        )}
      </div>
    </article>
  );
}

function samePoints(a: readonly Point[], b: readonly Point[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  const [a0, b0, a1, b1] = [a[0], b[0], a.at(-1), b.at(-1)];
  return a0?.t === b0?.t && a0?.v === b0?.v && a1?.t === b1?.t && a1?.v === b1?.v;
}

/** Same tile on screen: models are rebuilt on every tick of the wall's clock, tiles redraw only when they change. */
function sameTile(a: WallTileModel, b: WallTileModel): boolean {
  return (
    a.key === b.key &&
    a.title === b.title &&
    a.status === b.status &&
    a.staleAge === b.staleAge &&
    a.justBreached === b.justBreached &&
    a.valueText === b.valueText &&
    a.dimmed === b.dimmed &&
    a.age === b.age &&
    a.notes.join('\n') === b.notes.join('\n') &&
    a.window?.start === b.window?.start &&
    a.window?.end === b.window?.end &&
    a.change?.text === b.change?.text &&
    a.change?.tone === b.change?.tone &&
    a.shortReason === b.shortReason &&
    a.sparklineLabel === b.sparklineLabel &&
    a.lines.length === b.lines.length &&
    a.lines.every((line, i) => line.value === b.lines[i]?.value && line.kind === b.lines[i]?.kind) &&
    (a.errors ?? []).join('\n') === (b.errors ?? []).join('\n') &&
    samePoints(a.points, b.points)
  );
}

/**
 * One KPI sized for a room: the value is the largest thing on it, the verdict is colour, icon and word,
 * and stale data shows its age, hatched and dimmed, never a verdict.
 */
export const WallTile = memo(WallTileView, (prev, next) => sameTile(prev.model, next.model));
