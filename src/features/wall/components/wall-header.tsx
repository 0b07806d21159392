import type { ReactElement, ReactNode } from 'react';
import { StaleIcon } from '../../../components/stale-badge';
import type { ShownVariable } from '../../../domain/board/board-types';
import { describeAge, type Freshness } from '../../../domain/board/freshness';
import { formatInstantIn } from '../../../domain/format/format-time';
import type { TimeZoneChoice } from '../../../url/view-params';
import { WallClock } from './wall-clock';

interface WallHeaderProps {
  title: string;
  /** "Board 1 of 2 · page 1 of 2", when the wall rotates. */
  position?: string;
  tz: TimeZoneChoice;
  freshness?: Freshness;
  lastSuccessAt?: number;
  /** Variables shown at other than their defaults: said next to the title, so a staging wall says so. */
  variables?: readonly ShownVariable[];
  /** Part of the data failing (a KPI, the alarms), in words. */
  problems?: readonly string[];
}

const STATE_WORDS = {
  waiting: 'Waiting for data',
  live: 'Live',
  degraded: 'Degraded',
  stale: 'Stale',
} as const;

function FreshnessBlock(props: {
  freshness: Freshness;
  lastSuccessAt?: number;
  tz: TimeZoneChoice;
  problems: readonly string[];
}): ReactElement {
  const { freshness } = props;
  const partly = freshness.state === 'live' && props.problems.length > 0;
  const updated =
    props.lastSuccessAt === undefined
      ? 'No successful update yet'
      : `Last update ${formatInstantIn(props.lastSuccessAt, props.tz)}${freshness.ageMs === undefined ? '' : ` (${describeAge(freshness.ageMs)} ago)`}`;
  if (freshness.state === 'waiting' && freshness.problem) {
    return (
      <div
        className="wall-freshness wall-stale-banner"
        role="alert"
        data-state="waiting"
        data-testid="wall-freshness"
      >
        <p className="wall-stale-headline">
          <StaleIcon />
          <span>No data yet</span>
        </p>
        <p className="wall-freshness-detail">{freshness.problem}. Retrying automatically.</p>
      </div>
    );
  }
  if (freshness.state === 'stale') {
    return (
      <div
        className="wall-freshness wall-stale-banner"
        role="alert"
        data-state="stale"
        data-testid="wall-freshness"
      >
        <p className="wall-stale-headline">
          <StaleIcon />
          <span>Stale: data is {describeAge(freshness.ageMs ?? 0)} old</span>
        </p>
        <p className="wall-freshness-detail">
          {updated}. {freshness.problem ?? 'No refresh has succeeded since'}. Retrying automatically.
        </p>
      </div>
    );
  }
  return (
    <div
      className="wall-freshness"
      role="status"
      data-state={partly ? 'degraded' : freshness.state}
      data-testid="wall-freshness"
    >
      <p className="wall-freshness-state">
        <span className="wall-freshness-dot" aria-hidden="true" />
        {partly ? 'Partly failing' : STATE_WORDS[freshness.state]}
        <span className="wall-freshness-updated"> · {updated}</span>
      </p>
      <p className="wall-freshness-detail">
        {freshness.problem
          ? `${freshness.problem}. Retrying automatically.`
          : props.problems.length > 0
            ? props.problems.join('. ')
            : '\u00a0'}
      </p>
    </div>
  );
}

/** Board title, where the rotation is, how fresh the data is (loud when stale), and the clock. */
export function WallHeader(props: WallHeaderProps & { children?: ReactNode }): ReactElement {
  return (
    <header className="wall-header" data-freshness={props.freshness?.state ?? 'none'}>
      <div className="wall-title-block">
        <h1 className="wall-title">
          {props.title}
          {props.variables && props.variables.length > 0 && ' '}
          {props.variables && props.variables.length > 0 && (
            <span className="wall-variables" data-testid="wall-variables">
              {props.variables.map((v) => `${v.label}: ${v.value}`).join(' · ')}
            </span>
          )}
        </h1>
        <p className="wall-position">{props.position ?? '\u00a0'}</p>
      </div>
      {props.freshness ? (
        <FreshnessBlock
          freshness={props.freshness}
          tz={props.tz}
          problems={props.problems ?? []}
          {...(props.lastSuccessAt === undefined ? {} : { lastSuccessAt: props.lastSuccessAt })}
        />
      ) : (
        <div className="wall-freshness">{props.children}</div>
      )}
      <WallClock tz={props.tz} />
    </header>
  );
}
