import { type ReactElement, useState } from 'react';
import { SmallMultiples, StackedChart } from '../../components/chart/small-multiples';
import type { TimeZoneChoice } from '../../domain/format/format-time';
import type { Kpi } from '../../domain/kpi/schema';
import type { TimeWindow } from '../../domain/series';
import { rankBreakdown, referenceLevel } from './model/rank-breakdown';
import type { DrilldownData } from './use-drilldown-data';

interface BreakdownSectionProps {
  kpi: Kpi;
  by?: string;
  data?: DrilldownData;
  loading: boolean;
  tz: TimeZoneChoice;
  formatValue: (v: number) => string;
  onByChange: (by: string | undefined) => void;
}

/** Sum-like metric KPIs add up across a dimension, so they can be stacked; ratios and percentiles cannot. */
function isAdditive(kpi: Kpi): boolean {
  return kpi.query.kind === 'metric' && ['Sum', 'SampleCount'].includes(kpi.query.metric.stat);
}

/** The KPI split by one dimension, sorted by contribution to the problem, as small multiples or stacked. */
export function BreakdownSection(props: BreakdownSectionProps): ReactElement {
  const { kpi, by, data } = props;
  const [layout, setLayout] = useState<'multiples' | 'stacked'>('multiples');
  const offered = [...new Set([...(kpi.breakdowns ?? []), ...(by ? [by] : [])])];
  const reference = referenceLevel(kpi);
  const ranked = data?.breakdown ? rankBreakdown(kpi, data.breakdown.series) : [];
  const additive = isAdditive(kpi);
  const window: TimeWindow | undefined = data?.window;
  const order =
    reference !== undefined
      ? `Sorted by contribution to the problem: how far and for how long each sat ${kpi.direction === 'higher-is-better' ? 'below' : 'above'} ${props.formatValue(reference)}.`
      : kpi.direction === 'lower-is-better'
        ? 'Sorted by contribution: the largest total first.'
        : 'Sorted by contribution: the lowest average first.';
  return (
    <section className="dd-section" aria-labelledby="dd-breakdown">
      <h2 id="dd-breakdown">Breakdown</h2>
      <div className="dd-controls-row">
        <label className="control">
          <span>Break down by</span>
          <select value={by ?? ''} onChange={(e) => props.onByChange(e.target.value || undefined)}>
            <option value="">No breakdown</option>
            {offered.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        {by && additive && (
          <fieldset className="tz-choice">
            <legend>Show as</legend>
            {(['multiples', 'stacked'] as const).map((l) => (
              <label key={l}>
                <input type="radio" name="dd-layout" checked={layout === l} onChange={() => setLayout(l)} />
                {l === 'multiples' ? 'Small multiples' : 'Stacked'}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      {!by && offered.length === 0 && (
        <p className="dd-note">
          This KPI lists no dimensions to break down by. Add <code>breakdowns: [DimensionName]</code> to it in
          the dashboard file, or put <code>by=DimensionName</code> in the address.
        </p>
      )}
      {by && data?.breakdownNote && <p className="notice notice-warning">{data.breakdownNote}</p>}
      {by && props.loading && !data?.breakdown && <p aria-live="polite">Loading the breakdown…</p>}
      {by && data?.breakdown?.error && (
        <p className="notice notice-error" role="alert">
          Part of the breakdown could not be loaded: {data.breakdown.error}
        </p>
      )}
      {by && data?.breakdown && ranked.length === 0 && !data.breakdown.error && (
        <p>
          No metric has the dimension <code>{by}</code> alongside this KPI’s other dimensions, so there is
          nothing to break down.
        </p>
      )}
      {by && window && ranked.length > 0 && (
        <>
          <p className="dd-note">
            {order}
            {data?.breakdown?.truncated ? ' Only the first values are shown.' : ''}
          </p>
          {layout === 'stacked' && additive ? (
            <StackedChart
              label={`${kpi.title} stacked by ${by}`}
              series={ranked.map((r) => ({ key: r.value, title: r.value, points: r.points }))}
              window={window}
              tz={props.tz}
              formatValue={props.formatValue}
            />
          ) : (
            <SmallMultiples
              label={`${kpi.title} by ${by}`}
              window={window}
              tz={props.tz}
              formatValue={props.formatValue}
              referenceLines={[
                ...(kpi.threshold?.atRisk !== undefined
                  ? [{ value: kpi.threshold.atRisk, kind: 'at-risk' as const }]
                  : []),
                ...(kpi.threshold?.breached !== undefined
                  ? [{ value: kpi.threshold.breached, kind: 'breached' as const }]
                  : []),
              ]}
              series={ranked.map((r) => ({
                key: r.value,
                title: r.value,
                points: r.points,
                note:
                  reference !== undefined
                    ? r.pointsPast > 0
                      ? `${r.pointsPast.toLocaleString()} of ${r.points.length.toLocaleString()} points past ${props.formatValue(reference)}`
                      : `never past ${props.formatValue(reference)}`
                    : r.mean !== undefined
                      ? `average ${props.formatValue(r.mean)}`
                      : 'no data',
              }))}
            />
          )}
        </>
      )}
    </section>
  );
}
