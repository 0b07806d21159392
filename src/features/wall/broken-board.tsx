import { type ReactElement, useEffect } from 'react';
import { type ConfigError, formatConfigError } from '../../domain/kpi/config-error';
import type { TimeZoneChoice } from '../../url/view-params';
import { WallHeader } from './components/wall-header';
import type { BoardSlot } from './live-board';

interface BrokenBoardProps extends BoardSlot {
  title: string;
  file: string;
  errors: ConfigError[];
  /** The site did not serve the file this time (network, 5xx): a passing fault, not a broken file. */
  passing?: boolean;
  tz: TimeZoneChoice;
}

/** A dashboard file that could not be read keeps its place in the rotation and says exactly what is wrong. */
export function BrokenBoard(props: BrokenBoardProps): ReactElement | null {
  const { onPages, active } = props;
  useEffect(() => {
    if (active) onPages(1);
  }, [active, onPages]);
  if (!active) return null;
  return (
    <>
      <WallHeader
        title={props.title}
        {...(props.position ? { position: props.position } : {})}
        tz={props.tz}
      />
      <div className="wall-message wall-message-error" role="alert">
        <p className="wall-message-title">{props.file} could not be loaded</p>
        <ul className="wall-message-list">
          {props.errors.map((error) => (
            <li key={formatConfigError(error)}>{formatConfigError(error)}</li>
          ))}
        </ul>
        <p>
          {props.passing
            ? 'The board comes back by itself as soon as the site serves the file again.'
            : 'Fix the file and the wall picks it up within five minutes, without a reload.'}
        </p>
      </div>
    </>
  );
}
