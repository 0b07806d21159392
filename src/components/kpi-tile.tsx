import type { ReactElement, ReactNode } from 'react';
import type { Point } from '../domain/series';
import { Sparkline, type SparklineLine } from './sparkline';
import type { DisplayStatus } from './status';
import { StatusBadge } from './status-badge';

export interface KpiTileModel {
  id: string;
  title: string;
  category: string;
  valueText: string;
  /** Change against the start of the range, e.g. "+12 % since 02:00", and whether that is good. */
  change?: { text: string; tone: 'good' | 'bad' | 'neutral' };
  status: DisplayStatus;
  /** The first reason, one line. */
  reason?: string;
  points: Point[];
  lines: SparklineLine[];
  sparklineLabel: string;
  /** Extra line under the value: partial data, stale notice. */
  note?: string;
  /** SLO attainment and error budget left (1 = untouched, ≤ 0 = spent). */
  slo?: { text: string; budgetRemaining: number };
}

/** One KPI: the value is the largest thing on it; status in colour, icon and word; one line of why. */
export function KpiTile({ model, actions }: { model: KpiTileModel; actions?: ReactNode }): ReactElement {
  const headingId = `kpi-${model.id}-title`;
  return (
    <article className={`kpi-tile tone-${model.status}`} aria-labelledby={headingId} data-kpi={model.id}>
      <header className="kpi-tile-head">
        <h3 id={headingId} className="kpi-title">
          {model.title}
        </h3>
        <StatusBadge status={model.status} />
      </header>
      <p className="kpi-value" data-testid="kpi-value">
        {model.valueText}
      </p>
      <p className="kpi-change">
        {model.change ? <span className={`change-${model.change.tone}`}>{model.change.text}</span> : '\u00a0'}
      </p>
      <Sparkline points={model.points} lines={model.lines} label={model.sparklineLabel} />
      {model.slo && <SloBudget {...model.slo} />}
      <p className="kpi-reason" title={model.reason}>
        {model.reason ?? model.note ?? '\u00a0'}
      </p>
      {actions}
    </article>
  );
}

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
