import type { ReactElement } from 'react';
import { STATUS_WORDS } from '../../components/status';
import { StatusBadge } from '../../components/status-badge';
import type { KpiEvaluation, RiskStatus } from '../../domain/risk';
import { describeSpan } from '../../domain/time/duration';
import { type StatusSegment, timeInStatus } from './model/status-timeline';

const ORDER: RiskStatus[] = ['breached', 'at-risk', 'error', 'no-data', 'unknown', 'ok'];

function summary(segments: readonly StatusSegment[]): string {
  const minutes = timeInStatus(segments);
  const parts = ORDER.filter((s) => (minutes[s] ?? 0) >= 1).map(
    (s) => `${STATUS_WORDS[s].toLowerCase()} for ${describeSpan((minutes[s] ?? 0) * 60)}`,
  );
  return parts.length ? `Over this range: ${parts.join(', ')}.` : '';
}

/** The status now with every reason the risk engine gave, and when it was ok, at risk or breached over the range. */
export function StatusSection(props: {
  evaluation?: KpiEvaluation;
  segments: readonly StatusSegment[];
  period?: number;
}): ReactElement {
  const { evaluation } = props;
  return (
    <section className="dd-section" aria-labelledby="dd-status">
      <h2 id="dd-status">Why it has this status</h2>
      <div className="dd-status-now">
        <span>Status now:</span> <StatusBadge status={evaluation?.status ?? 'pending'} />
      </div>
      {evaluation && evaluation.reasons.length === 0 && <p>Every rule of this KPI is satisfied.</p>}
      {evaluation && evaluation.reasons.length > 0 && (
        <ul className="dd-reasons">
          {evaluation.reasons.map((reason) => (
            <li key={`${reason.rule}-${reason.message}`} className={`dd-reason tone-${reason.status}`}>
              <StatusBadge status={reason.status} /> <span>{reason.message}</span>
            </li>
          ))}
        </ul>
      )}
      {props.segments.length > 0 && (
        <p className="dd-note">
          {summary(props.segments)} The strip under the chart shows when: thresholds and the anomaly band
          re-judged along the range{props.period ? ` at ${describeSpan(props.period)} periods` : ''}. SLO
          burn, forecasts and alarms are judged for now only.
        </p>
      )}
    </section>
  );
}
