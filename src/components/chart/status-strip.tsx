import type { ReactElement } from 'react';
import {
  formatTimeRange,
  formatTimestamp,
  type TimeZoneChoice,
  tickFormatter,
} from '../../domain/format/format-time';
import type { RiskStatus } from '../../domain/risk';
import type { TimeWindow } from '../../domain/series';
import { STATUS_WORDS } from '../status';
import './chart.css';

export interface StripSegment {
  start: number;
  end: number;
  status: RiskStatus;
}

const FILL: Record<RiskStatus, string> = {
  ok: 'var(--ok)',
  'at-risk': 'var(--at-risk)',
  breached: 'var(--breached)',
  'no-data': 'repeating-linear-gradient(45deg, var(--no-data) 0 4px, transparent 4px 8px)',
  error: 'var(--error)',
  unknown: 'var(--unknown)',
};

/** When the KPI was in each status, as a strip across the range, with the same spans as a list for screen readers. */
export function StatusStrip(props: {
  segments: readonly StripSegment[];
  window: TimeWindow;
  tz: TimeZoneChoice;
}): ReactElement {
  const span = props.window.end - props.window.start || 1;
  const tick = tickFormatter(span, props.tz);
  return (
    <div className="status-timeline">
      <div className="status-strip" aria-hidden="true">
        {props.segments.map((s) => (
          <span
            key={s.start}
            title={`${STATUS_WORDS[s.status]}: ${formatTimeRange(s.start, s.end, props.tz, { zoneName: true })}`}
            style={{ width: `${((s.end - s.start) / span) * 100}%`, background: FILL[s.status] }}
          />
        ))}
      </div>
      <div className="status-strip-axis" aria-hidden="true">
        <span>{tick(props.window.start)}</span>
        <span>{tick(props.window.start + span / 2)}</span>
        <span>{tick(props.window.end)}</span>
      </div>
      <ol className="visually-hidden">
        {props.segments.map((s) => (
          <li key={s.start}>
            {STATUS_WORDS[s.status]} from {formatTimestamp(s.start, props.tz)} to{' '}
            {formatTimestamp(s.end, props.tz)}
          </li>
        ))}
      </ol>
    </div>
  );
}
