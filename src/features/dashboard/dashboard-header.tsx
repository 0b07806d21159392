import { Link } from '@tanstack/react-router';
import type { ReactElement, ReactNode } from 'react';
import type { ShownVariable } from '../../domain/board/board-types';
import type { Variable } from '../../domain/kpi/schema';
import { describeRange, formatRange, rangesEqual, type TimeRange } from '../../domain/time/range';

interface RangeChoice {
  /** The option's value: the range as people write it (now-24h), so tests and links can name it. */
  value: string;
  label: string;
  range: TimeRange;
}

const last = (value: string, seconds: number, label: string): RangeChoice => ({
  value,
  label,
  range: { kind: 'relative', seconds },
});

const QUICK_RANGES: readonly RangeChoice[] = [
  last('now-15m', 900, 'Last 15 minutes'),
  last('now-1h', 3600, 'Last 1 hour'),
  last('now-3h', 10_800, 'Last 3 hours'),
  last('now-6h', 21_600, 'Last 6 hours'),
  last('now-12h', 43_200, 'Last 12 hours'),
  last('now-24h', 86_400, 'Last 24 hours'),
  last('now-3d', 259_200, 'Last 3 days'),
  last('now-7d', 604_800, 'Last 7 days'),
  last('now-30d', 2_592_000, 'Last 30 days'),
];

/**
 * The quick range `by` steps shorter (-1) or longer (1) than `range`, for the `[` and `]` keys; a range
 * that is none of them steps from the nearest longer one. Undefined at either end.
 */
export function neighbourRange(range: TimeRange, by: -1 | 1): TimeRange | undefined {
  const seconds = range.kind === 'relative' ? range.seconds : (range.end - range.start) / 1000;
  const at = QUICK_RANGES.findIndex((r) => r.range.kind === 'relative' && r.range.seconds >= seconds);
  const exact = at >= 0 && rangesEqual(QUICK_RANGES[at]?.range as TimeRange, range);
  const index = at < 0 ? QUICK_RANGES.length : at;
  const next = by === 1 ? (exact ? index + 1 : index) : index - 1;
  return QUICK_RANGES[next]?.range;
}

/** The quick ranges, and the range in use when it is none of them, said in words. */
function rangeChoices(range: TimeRange): { choices: readonly RangeChoice[]; current: RangeChoice } {
  const quick = QUICK_RANGES.find((r) => rangesEqual(r.range, range));
  if (quick) return { choices: QUICK_RANGES, current: quick };
  const words = describeRange(range).replace(/^the /, '');
  const custom = { value: formatRange(range), label: words.charAt(0).toUpperCase() + words.slice(1), range };
  return { choices: [...QUICK_RANGES, custom], current: custom };
}

export type RefreshState = 'loading' | 'refreshing' | 'idle' | 'partial' | 'failing';

interface DashboardHeaderProps {
  title: string;
  description?: string;
  range: TimeRange;
  variables: Record<string, Variable>;
  values: Record<string, string>;
  /** Variables at other than their defaults, said in words next to the title. */
  shown?: readonly ShownVariable[];
  lastUpdated?: string;
  /** What this dashboard's refreshes cost in GetMetricData, in words. */
  cost?: string;
  refresh: { state: RefreshState; message?: string };
  onRangeChange: (range: TimeRange) => void;
  onVariableChange: (name: string, value: string) => void;
  filter?: string;
  sort?: 'status' | 'title';
  onFilterChange?: (q: string) => void;
  onSortChange?: (sort: 'status' | 'title' | undefined) => void;
  /** Share, saved views, export. */
  actions?: ReactNode;
}

const REFRESH_WORDS: Record<RefreshState, string> = {
  loading: 'Loading…',
  refreshing: 'Refreshing…',
  idle: 'Up to date',
  partial: 'Partly failing',
  failing: 'Refresh failing',
};

/** Title, range, variables, last successful update and refresh state; fixed widths, so nothing shifts. */
export function DashboardHeader(props: DashboardHeaderProps): ReactElement {
  const { choices, current } = rangeChoices(props.range);
  return (
    <div className="dashboard-header">
      <h1 className="page-title">
        {props.title}
        {props.shown && props.shown.length > 0 && (
          <span className="page-title-variables" data-testid="shown-variables">
            {props.shown.map((v) => ` · ${v.label}: ${v.value}`).join('')}
          </span>
        )}
      </h1>
      <div className="dashboard-meta">
        <label className="control">
          <span>Time range</span>
          <select
            value={current.value}
            onChange={(e) => {
              const picked = choices.find((r) => r.value === e.target.value);
              if (picked) props.onRangeChange(picked.range);
            }}
          >
            {choices.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        {Object.entries(props.variables).map(([name, variable]) => (
          <label className="control" key={name}>
            <span>{variable.label ?? name}</span>
            <select value={props.values[name]} onChange={(e) => props.onVariableChange(name, e.target.value)}>
              {variable.values.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        ))}
        {props.onFilterChange && (
          <label className="control">
            <span>Filter KPIs</span>
            <input
              type="search"
              className="kpi-filter"
              value={props.filter ?? ''}
              maxLength={100}
              onChange={(e) => props.onFilterChange?.(e.target.value)}
            />
          </label>
        )}
        {props.onSortChange && (
          <label className="control">
            <span>Order</span>
            <select
              value={props.sort ?? ''}
              onChange={(e) =>
                props.onSortChange?.((e.target.value || undefined) as 'status' | 'title' | undefined)
              }
            >
              <option value="">As in the file</option>
              <option value="status">Worst status first</option>
              <option value="title">By title</option>
            </select>
          </label>
        )}
        <span className="last-updated">
          {props.lastUpdated ? `Updated ${props.lastUpdated}` : 'Not updated yet'}
        </span>
        <span
          className="refresh-indicator"
          data-state={props.refresh.state}
          role="status"
          title={props.refresh.message}
        >
          <span className="refresh-dot" aria-hidden="true" />
          {REFRESH_WORDS[props.refresh.state]}
        </span>
        {props.refresh.state === 'partial' && props.refresh.message && (
          <span className="refresh-problems">{props.refresh.message}</span>
        )}
      </div>
      {props.actions && <div className="dashboard-actions">{props.actions}</div>}
      {props.cost && (
        <p className="dashboard-cost" data-testid="dashboard-cost">
          GetMetricData: {props.cost}. <Link to="/status">App status</Link>
        </p>
      )}
      {props.description && <p className="dashboard-description">{props.description}</p>}
    </div>
  );
}
