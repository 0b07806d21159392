import type { ReactElement } from 'react';

interface WallFooterProps {
  /** Titles of the boards in rotation, and which one is on screen. */
  boards: string[];
  current: number;
  page: number;
  pages: number;
  /** Seconds per step; absent when nothing rotates. */
  stepSeconds?: number;
  /** Changes every step, so the progress bar starts again. */
  step: number;
  /** Address parameters that were dropped or corrected. */
  notices: string[];
  /** Dashboard files the site did not serve this time: the boards carry on as last loaded. */
  siteProblems?: string[];
}

/**
 * The discreet strip at the bottom: a bar that fills until the next board or page, a dot per board, the
 * next board's name, dashboard files the site did not serve, and what in the address was ignored (small,
 * never in the way).
 */
export function WallFooter(props: WallFooterProps): ReactElement {
  const next =
    props.page + 1 < props.pages
      ? `page ${props.page + 2} of ${props.pages}`
      : props.boards.length > 1
        ? props.boards[(props.current + 1) % props.boards.length]
        : props.pages > 1
          ? 'page 1'
          : undefined;
  return (
    <footer className="wall-footer">
      {props.stepSeconds !== undefined && (
        <div className="wall-progress" aria-hidden="true">
          <span
            key={props.step}
            className="wall-progress-fill"
            style={{ animationDuration: `${props.stepSeconds}s` }}
          />
        </div>
      )}
      <div className="wall-footer-row">
        {props.boards.length > 1 && (
          <ol className="wall-dots" aria-label="Boards in rotation">
            {props.boards.map((title, i) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: two boards may share a title; the position is the identity
                key={i}
                className={i === props.current ? 'wall-dot is-current' : 'wall-dot'}
                {...(i === props.current ? { 'aria-current': 'step' as const } : {})}
              >
                <span className="visually-hidden">{title}</span>
              </li>
            ))}
          </ol>
        )}
        {next !== undefined && props.stepSeconds !== undefined && (
          <p className="wall-next">
            Next: {next} · every {props.stepSeconds} s
          </p>
        )}
        {props.siteProblems !== undefined && props.siteProblems.length > 0 && (
          <p className="wall-notice wall-site-problem" role="status">
            {props.siteProblems.join(' · ')}
          </p>
        )}
        {props.notices.length > 0 && (
          <p className="wall-notice" role="status">
            Ignored in the address: {props.notices.join(' · ')}
          </p>
        )}
      </div>
    </footer>
  );
}
