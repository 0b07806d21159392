import type { ReactElement, ReactNode } from 'react';
import type { ShownVariable } from '../../domain/board/board-types';
import type { Variable } from '../../domain/kpi/schema';

const QUICK_RANGES: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'now-15m', label: 'Last 15 minutes' },
  { value: 'now-1h', label: 'Last 1 hour' },
  { value: 'now-3h', label: 'Last 3 hours' },
  { value: 'now-6h', label: 'Last 6 hours' },
  { value: 'now-12h', label: 'Last 12 hours' },
  { value: 'now-24h', label: 'Last 24 hours' },
  { value: 'now-3d', label: 'Last 3 days' },
  { value: 'now-7d', label: 'Last 7 days' },
  { value: 'now-30d', label: 'Last 30 days' },
];

export type RefreshState = 'loading' | 'refreshing' | 'idle' | 'partial' | 'failing';

interface DashboardHeaderProps {
  title: string;
  description?: string;
  range: string;
  variables: Record<string, Variable>;
  values: Record<string, string>;
  /** Variables at other than their defaults, said in words next to the title. */
  shown?: readonly ShownVariable[];
  lastUpdated?: string;
  refresh: { state: RefreshState; message?: string };
  onRangeChange: (range: string) => void;
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
  const ranges = QUICK_RANGES.some((r) => r.value === props.range)
    ? QUICK_RANGES
    : [...QUICK_RANGES, { value: props.range, label: props.range }];
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
          <select value={props.range} onChange={(e) => props.onRangeChange(e.target.value)}>
            {ranges.map((r) => (
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
      {props.description && <p className="dashboard-description">{props.description}</p>}
    </div>
  );
}
