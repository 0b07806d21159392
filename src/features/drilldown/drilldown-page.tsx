import { type ReactElement, type ReactNode, useMemo } from 'react';
import { StatusStrip } from '../../components/chart/status-strip';
import type { ChartReferenceLine } from '../../components/chart/time-series-chart';
import { TimeSeriesChart } from '../../components/chart/time-series-chart';
import { StaleBadge } from '../../components/stale-badge';
import { StatusBadge } from '../../components/status-badge';
import { TimePicker } from '../../components/time-picker';
import { zoomTo } from '../../components/time-picker-model';
import { buildDashboardRequests, kpiRegion } from '../../data/kpi-requests';
import { usePricing } from '../../data/react/metrics-source-context';
import { useBoard } from '../../data/react/use-board';
import { useNow } from '../../data/react/use-now';
import { completePoints, messageNote } from '../../domain/board/kpi-tile-view';
import { describeBill } from '../../domain/cost/cost';
import { kpiFormat } from '../../domain/format/kpi-format';
import type { LoadedDashboard } from '../../domain/kpi/parse-result';
import type { Kpi } from '../../domain/kpi/schema';
import { resolveVariables, substituteQuery } from '../../domain/kpi/variables';
import type { Point, TimeWindow } from '../../domain/series';
import { resolveRange, type TimeRange } from '../../domain/time/range';
import { toViewRange } from '../../domain/time/view-range';
import { cloudWatchConsoleUrl } from '../../url/cloudwatch-console';
import type { Comparison } from '../../url/view-params';
import type { DrilldownSearch } from '../../url/view-state';
import { AboutSection } from './about-section';
import { BreakdownSection } from './breakdown-section';
import { ComponentsSection } from './components-section';
import { DatapointsSection } from './datapoints-section';
import { plainNumber } from './format';
import { COMPARISON_OFFSET_MS } from './model/drilldown-requests';
import { rulePoints } from './model/rule-points';
import { statusTimeline } from './model/status-timeline';
import { QueriesSection } from './queries-section';
import { SloSection } from './slo-section';
import { StatusSection } from './status-section';
import { useDrilldownBill, useDrilldownData } from './use-drilldown-data';
import './drilldown.css';
import { refreshTimeoutMs } from '../../data/react/refresh-timeout';

export type DrilldownView = Omit<DrilldownSearch, 'ignored'>;

interface DrilldownPageProps {
  dashboard: LoadedDashboard;
  kpiId: string;
  view: DrilldownSearch;
  onViewChange: (next: DrilldownView) => void;
  /** A link back to the dashboard with the same range and variables. */
  back: ReactNode;
  /** Share and saved-view controls, supplied by the app so features stay apart; given the window on screen. */
  actions?: (screen: { window?: TimeWindow }) => ReactNode;
  /** Shown above everything, e.g. "this dashboard came from a link". */
  banner?: ReactNode;
}

const COMPARE_WORDS: Record<Comparison, string> = { '1d': 'Previous day', '1w': 'Previous week' };

/** A KPI's drill-down, or why there is none (unknown KPI, or one whose definition has errors). */
export function DrilldownPage(props: DrilldownPageProps): ReactElement {
  const entry = props.dashboard.kpis.find((e) => (e.ok ? e.kpi.id : e.id) === props.kpiId);
  if (!entry?.ok) {
    return (
      <main className="page drilldown">
        {props.banner}
        <nav className="dd-breadcrumb">{props.back}</nav>
        <h1 className="page-title">
          {entry
            ? `“${props.kpiId}” has errors in ${props.dashboard.title}`
            : `No KPI called “${props.kpiId}”`}
        </h1>
        {entry && !entry.ok ? (
          <ul className="notice notice-error">
            {entry.errors.map((e) => (
              <li key={`${e.path}-${e.message}`}>
                <code>{`${e.file}${e.line ? ` line ${e.line}` : ''}, ${e.path}: ${e.message}`}</code>
              </li>
            ))}
          </ul>
        ) : (
          <p>{props.dashboard.title} has no KPI with that id. Go back to the dashboard to pick one.</p>
        )}
      </main>
    );
  }
  return <DrilldownView {...props} kpi={entry.kpi} />;
}

function DrilldownView(props: DrilldownPageProps & { kpi: Kpi }): ReactElement {
  const { dashboard, kpi, view } = props;
  const viewRange = useMemo(
    () => toViewRange(view.range, dashboard.timeRange, { timeZone: view.tz ?? 'local' }),
    [view.range, dashboard.timeRange, view.tz],
  );
  const { range, text: rangeText } = viewRange;
  const tz = view.tz ?? 'local';
  const resolved = resolveVariables(dashboard, view.variables);
  const format = useMemo(() => kpiFormat(kpi), [kpi]);
  const axisFormat = useMemo(() => kpiFormat(kpi, { compact: true }), [kpi]);
  const clock = useNow(15_000);
  // The dashboard's own board: the same query (and cache entry) as the desk, so opening a KPI from its
  // dashboard fetches nothing again, and the verdict here is the verdict there. Only this KPI (and what
  // the outcomes roll up) is judged, and asked for when the desk had not fetched it.
  const shown = useMemo(() => new Set([kpi.id]), [kpi.id]);
  const evaluation = useBoard(
    {
      dashboard,
      range: viewRange,
      variables: view.variables,
      now: clock,
      tz,
      shown,
      fetchShownOnly: true,
    },
    { timeoutMs: refreshTimeoutMs(dashboard.refresh) },
  );
  const tile = evaluation.board.tiles.find((t) => t.id === kpi.id);
  const lines = tile?.lines ?? [];
  const input = {
    dashboardId: dashboard.id,
    kpi,
    region: dashboard.region,
    refreshSeconds: dashboard.refresh,
    range,
    rangeText,
    variables: resolved.values,
    ...(view.compare ? { compare: view.compare } : {}),
    ...(view.by ? { by: view.by } : {}),
  };
  const detail = useDrilldownData(input);
  const forecast = useDrilldownBill(input).data;
  const pricing = usePricing();
  const bill = forecast
    ? describeBill({
        steadyMetrics: forecast.steady.metrics,
        firstLoadMetrics: forecast.firstLoad.metrics,
        refreshSeconds: dashboard.refresh,
        pricePer1000: pricing.per1000Metrics,
        region: kpiRegion(kpi, dashboard.region),
      })
    : undefined;
  const data = detail.data;
  // The period still filling is only part of one: it is never drawn as if it were a value.
  const points = useMemo(
    () => (data?.value ? completePoints(data.value.series[0]?.points ?? [], data.period, data.now) : []),
    [data],
  );
  const window = data?.window ?? resolveRange(range, Date.now());
  const now = data?.now ?? Date.now();
  const change = (next: Partial<DrilldownView>): void => {
    const merged: DrilldownView = { ...view, ...next };
    for (const key of Object.keys(next) as Array<keyof DrilldownView>) {
      if (next[key] === undefined) delete merged[key];
    }
    props.onViewChange(merged);
  };
  const setRange = (r: TimeRange): void => change({ range: r });

  const compare = useMemo(() => {
    if (!view.compare || !data?.compare) return undefined;
    const offset = COMPARISON_OFFSET_MS[view.compare];
    return {
      label: `${COMPARE_WORDS[view.compare]}`,
      points: (data.compare.series[0]?.points ?? []).map((p): Point => ({ t: p.t + offset, v: p.v })),
    };
  }, [view.compare, data?.compare]);
  const markers = useMemo(() => rulePoints(kpi, points, data?.band), [kpi, points, data?.band]);
  const segments = useMemo(
    () =>
      data
        ? statusTimeline({
            kpi,
            points,
            period: data.period,
            window: data.window,
            ...(data.band ? { band: data.band } : {}),
          })
        : [],
    [kpi, points, data],
  );
  const kpiEvaluation = evaluation.evaluations[kpi.id];
  const ignored = [...view.ignored, ...resolved.dropped.map((d) => `${d.name}: ${d.reason}`)];
  const region = kpiRegion(kpi, dashboard.region);
  const consoleUrl = data
    ? cloudWatchConsoleUrl({
        query: substituteQuery(kpi.query, resolved.values),
        region,
        range,
        period: data.period,
        title: kpi.title,
      })
    : undefined;
  const components = data?.value?.components ?? {};
  const columns = [
    { header: `${kpi.title} (${kpi.unit === 'currency' ? kpi.currency : kpi.unit})`, points },
    ...Object.entries(components).map(([name, s]) => ({ header: name, points: s.points })),
    ...(compare ? [{ header: `${compare.label} (shifted to this range)`, points: compare.points }] : []),
  ];
  const formatters = [
    format,
    ...Object.keys(components).map(() => plainNumber),
    ...(compare ? [format] : []),
  ];
  const evalNow = evaluation.series.data?.now;
  const evaluationRequests =
    evalNow === undefined
      ? []
      : buildDashboardRequests([kpi], {
          region: dashboard.region,
          variables: resolved.values,
          window: resolveRange(range, evalNow),
          now: evalNow,
        });
  const error = detail.error ?? (data?.value?.error ? new Error(data.value.error.message) : null);
  const notes = [...new Set([...(tile?.notes ?? []), ...(data?.value?.messages ?? []).map(messageNote)])];

  return (
    <main className="page drilldown" aria-busy={detail.isPending}>
      {props.banner}
      <nav className="dd-breadcrumb" aria-label="Breadcrumb">
        {props.back}
      </nav>
      <header className="dd-header">
        <div className="dd-title">
          <h1 className="page-title">{kpi.title}</h1>
          {tile?.staleAge ? (
            <StaleBadge age={tile.staleAge} />
          ) : (
            <StatusBadge status={tile?.status ?? 'pending'} />
          )}
        </div>
        {props.actions && (
          <div className="dd-actions">{props.actions(data ? { window: data.window } : {})}</div>
        )}
      </header>
      {kpi.description && <p className="dd-lede">{kpi.description}</p>}
      {tile && (
        <p className="dd-headline" data-testid="dd-headline">
          <span className={`dd-value${tile.dimmed ? ' is-dimmed' : ''}`} data-testid="kpi-value">
            {tile.valueText}
          </span>
          {tile.age ? (
            <span className="dd-age" data-testid="kpi-age">
              {tile.age}
            </span>
          ) : tile.change ? (
            <span className={`change-${tile.change.tone}`}>{tile.change.text}</span>
          ) : null}
          {tile.soFar && <span className="dd-so-far">{tile.soFar}</span>}
          {evaluation.board.variables.length > 0 && (
            <span className="dd-variables" data-testid="shown-variables">
              {evaluation.board.variables.map((v) => `${v.label}: ${v.value}`).join(' · ')}
            </span>
          )}
        </p>
      )}
      <div className="dd-controls">
        <TimePicker
          range={range}
          window={window}
          now={now}
          tz={tz}
          onRangeChange={setRange}
          onTzChange={(next) => change({ tz: next === 'local' ? undefined : next })}
        />
        <div className="dd-controls-row">
          <label className="control">
            <span>Compare with</span>
            <select
              value={view.compare ?? ''}
              onChange={(e) => change({ compare: (e.target.value || undefined) as Comparison | undefined })}
            >
              <option value="">Nothing</option>
              <option value="1d">{COMPARE_WORDS['1d']}</option>
              <option value="1w">{COMPARE_WORDS['1w']}</option>
            </select>
          </label>
          {Object.entries(dashboard.variables).map(([name, variable]) => (
            <label className="control" key={name}>
              <span>{variable.label ?? name}</span>
              <select
                value={resolved.values[name]}
                onChange={(e) => change({ variables: { ...view.variables, [name]: e.target.value } })}
              >
                {variable.values.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </div>
      {ignored.length > 0 && (
        <div className="notice notice-warning" role="status">
          Some settings in the address were ignored:
          <ul>
            {ignored.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          Could not fetch {kpi.title}: {error.message}
        </p>
      )}
      {!error && evaluation.freshness.problem && evaluation.freshness.state !== 'live' && (
        <p className="notice notice-error" role="alert">
          {evaluation.freshness.problem}
        </p>
      )}
      {notes.length > 0 && (
        <ul className="notice notice-warning dd-notes" aria-label="Notes from CloudWatch">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <section className="dd-section dd-chart" aria-labelledby="dd-chart-title">
        <h2 id="dd-chart-title">
          {kpi.title} over {viewRange.words}
        </h2>
        <TimeSeriesChart
          label={`${kpi.title} over ${viewRange.words}${compare ? `, with the ${compare.label.toLowerCase()} dashed` : ''}; ${markers.length} points broke a rule. The datapoint table below has every value.`}
          window={window}
          valueLabel={kpi.title}
          points={points}
          {...(data ? { period: data.period } : {})}
          {...(compare ? { compare } : {})}
          {...(data?.band ? { band: data.band } : {})}
          lines={lines}
          markers={markers}
          formatValue={axisFormat}
          formatTooltipValue={format}
          tz={tz}
          height={380}
          onZoom={(start, end) => setRange(zoomTo(start, end))}
        />
        {data && segments.length > 0 && (
          <div className="dd-strip">
            <span className="dd-strip-label">Status</span>
            <StatusStrip segments={segments} window={data.window} tz={tz} />
          </div>
        )}
        <ChartLegend
          lines={lines}
          kpi={kpi}
          compare={compare?.label}
          band={data?.band !== undefined}
          markers={markers.length}
          period={data?.period}
          pointCount={points.length}
        />
      </section>
      <div className="dd-pair">
        <StatusSection evaluation={kpiEvaluation} segments={segments} period={data?.period} />
        <SloSection
          kpi={kpi}
          evaluation={kpiEvaluation}
          report={evaluation.series.data?.report}
          now={evalNow}
          tz={tz}
        />
      </div>
      <BreakdownSection
        kpi={kpi}
        by={view.by}
        data={data}
        loading={detail.isFetching}
        tz={tz}
        formatValue={axisFormat}
        onByChange={(by) => change({ by })}
      />
      <div className="dd-pair">
        <ComponentsSection kpi={kpi} data={data} tz={tz} />
        <AboutSection kpi={kpi} />
      </div>
      <QueriesSection
        consoleUrl={consoleUrl}
        {...(bill ? { bill } : {})}
        groups={[
          ...(data ? data.rounds.map((round) => ({ ...round, now: data.now })) : []),
          ...(evalNow !== undefined
            ? [{ title: 'Status (risk rules and SLO)', requests: evaluationRequests, now: evalNow }]
            : []),
        ]}
      />
      <DatapointsSection
        columns={columns}
        formatters={formatters}
        tz={tz}
        fileName={`${dashboard.id}-${kpi.id}-${new Date(window.start).toISOString().slice(0, 16)}.csv`.replace(
          /:/g,
          '',
        )}
      />
    </main>
  );
}

function ChartLegend(props: {
  lines: ChartReferenceLine[];
  kpi: Kpi;
  compare?: string;
  band: boolean;
  markers: number;
  period?: number;
  pointCount: number;
}): ReactElement {
  return (
    <ul className="dd-legend">
      <li>
        <span className="dd-swatch dd-swatch-value" aria-hidden="true" /> {props.kpi.title}
        {props.period ? ` (${props.pointCount.toLocaleString()} points at ${props.period} s)` : ''}
      </li>
      {props.compare && (
        <li>
          <span className="dd-swatch dd-swatch-compare" aria-hidden="true" /> {props.compare}
        </li>
      )}
      {props.lines.map((line) => (
        <li key={`${line.kind}-${line.value}`}>
          <span className={`dd-swatch dd-swatch-line dd-swatch-${line.kind}`} aria-hidden="true" />{' '}
          {line.label}
        </li>
      ))}
      {props.band && (
        <li>
          <span className="dd-swatch dd-swatch-band" aria-hidden="true" /> Expected range (anomaly band)
        </li>
      )}
      {props.markers > 0 && (
        <li>
          <span className="dd-swatch dd-swatch-marker" aria-hidden="true" /> {props.markers} points broke a
          rule
        </li>
      )}
      <li className="dd-note">Drag across the chart to zoom in.</li>
    </ul>
  );
}
