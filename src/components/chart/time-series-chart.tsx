import { type PointerEvent, type ReactElement, useMemo, useState } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  Scatter,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import type { NameType, ValueType } from 'recharts/types/component/DefaultTooltipContent';
import { formatTimeInWindow, type TimeZoneChoice, tickFormatter } from '../../domain/format/format-time';
import type { Point, TimeWindow } from '../../domain/series';
import { type ChartMarker, type ChartRow, chartRows } from './chart-rows';
import { niceScale } from './nice-scale';
import { timeTicks } from './time-ticks';
import { tooltipLines } from './tooltip-lines';
import { useWidth } from './use-width';
import './chart.css';

export interface ChartReferenceLine {
  value: number;
  kind: 'at-risk' | 'breached' | 'target';
  label: string;
}

export interface TimeSeriesChartProps {
  /** What the chart shows, for screen readers; the datapoint table carries the numbers. */
  label: string;
  window: TimeWindow;
  valueLabel: string;
  points: readonly Point[];
  /** Seconds between the value's datapoints: its line breaks only where a period is missing. */
  period?: number;
  compare?: { label: string; points: readonly Point[] };
  band?: { lower: readonly Point[]; upper: readonly Point[] };
  lines?: readonly ChartReferenceLine[];
  markers?: readonly ChartMarker[];
  /** Axis ticks, in the KPI's unit; short. */
  formatValue: (v: number) => string;
  /** Tooltip values, in the KPI's unit; defaults to formatValue. */
  formatTooltipValue?: (v: number) => string;
  tz: TimeZoneChoice;
  height?: number;
  /** Called with the instants a person dragged across; absent means no drag-to-zoom. */
  onZoom?: (start: number, end: number) => void;
}

const Y_AXIS_WIDTH = 76;
const MARGIN = { top: 12, right: 20, bottom: 4, left: 4 };
const MAX_MARKERS = 1500;

function yScale(props: TimeSeriesChartProps): { domain: [number, number]; ticks: number[] } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const see = (v: number): void => {
    if (!Number.isFinite(v)) return;
    if (v < min) min = v;
    if (v > max) max = v;
  };
  for (const p of props.points) see(p.v);
  for (const p of props.compare?.points ?? []) see(p.v);
  for (const p of props.band?.lower ?? []) see(p.v);
  for (const p of props.band?.upper ?? []) see(p.v);
  for (const l of props.lines ?? []) see(l.value);
  return Number.isFinite(min) ? niceScale(min, max) : niceScale(0, 1);
}

/**
 * The drill-down's large chart: value, earlier period, anomaly band, thresholds and SLO target, rule-breaking
 * points; drag across it to zoom into that stretch of time.
 */
export function TimeSeriesChart(props: TimeSeriesChartProps): ReactElement {
  const [ref, width] = useWidth<HTMLDivElement>(900);
  const height = props.height ?? 360;
  const plotLeft = MARGIN.left + Y_AXIS_WIDTH;
  const plotWidth = Math.max(10, width - plotLeft - MARGIN.right);
  const markers = useMemo(() => {
    const all = props.markers ?? [];
    const stride = Math.ceil(all.length / MAX_MARKERS);
    return stride > 1 ? all.filter((_, i) => i % stride === 0) : all;
  }, [props.markers]);
  const rows = useMemo(
    () => chartRows({ ...props, markers }, Math.round(plotWidth)),
    [props, plotWidth, markers],
  );
  const scale = useMemo(() => yScale(props), [props]);
  const span = props.window.end - props.window.start;
  const ticks = useMemo(
    () => timeTicks(props.window.start, props.window.end, Math.max(2, Math.floor(plotWidth / 110))),
    [props.window, plotWidth],
  );
  const formatTick = useMemo(() => tickFormatter(span, props.tz), [props.tz, span]);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);

  const xOf = (event: PointerEvent<HTMLDivElement>): number => {
    const rect = event.currentTarget.getBoundingClientRect();
    return Math.min(plotLeft + plotWidth, Math.max(plotLeft, event.clientX - rect.left));
  };
  const timeAt = (x: number): number => props.window.start + ((x - plotLeft) / plotWidth) * span;
  const zoomable = props.onZoom !== undefined;

  return (
    <div className="ts-chart" role="img" aria-label={props.label}>
      <div
        ref={ref}
        className={zoomable ? 'ts-chart-area zoomable' : 'ts-chart-area'}
        onPointerDown={
          zoomable
            ? (e) => {
                if (e.button !== 0) return;
                e.currentTarget.setPointerCapture?.(e.pointerId);
                const x = xOf(e);
                setDrag({ from: x, to: x });
              }
            : undefined
        }
        onPointerMove={drag ? (e) => setDrag({ ...drag, to: xOf(e) }) : undefined}
        onPointerUp={
          drag
            ? () => {
                const [a, b] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
                setDrag(null);
                if (b - a >= 6) props.onZoom?.(Math.round(timeAt(a)), Math.round(timeAt(b)));
              }
            : undefined
        }
        onPointerCancel={() => setDrag(null)}
      >
        <ComposedChart
          width={width}
          height={height}
          data={rows}
          margin={MARGIN}
          // Inside a labelled image: no tab stop of its own (the datapoints table is the text alternative).
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            domain={[props.window.start, props.window.end]}
            ticks={ticks}
            tickFormatter={formatTick}
            allowDataOverflow
            stroke="var(--text-dim)"
            fontSize={12}
          />
          <YAxis
            type="number"
            domain={scale.domain}
            ticks={scale.ticks}
            width={Y_AXIS_WIDTH}
            tickFormatter={(v: number) => props.formatValue(v)}
            allowDataOverflow
            stroke="var(--text-dim)"
            fontSize={12}
          />
          {props.band && (
            <Area
              dataKey="band"
              name="Expected range (anomaly band)"
              stroke="none"
              fill="var(--accent)"
              fillOpacity={0.16}
              isAnimationActive={false}
              connectNulls
            />
          )}
          {props.lines?.map((line) => (
            <ReferenceLine
              key={`${line.kind}-${line.value}`}
              y={line.value}
              stroke={`var(--ref-${line.kind})`}
              strokeDasharray={line.kind === 'target' ? '8 4' : '4 3'}
              strokeWidth={1.5}
              ifOverflow="extendDomain"
            />
          ))}
          {props.compare && (
            <Line
              dataKey="c"
              name={props.compare.label}
              stroke="var(--text-dim)"
              strokeDasharray="5 4"
              strokeWidth={1.5}
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          )}
          <Line
            dataKey="v"
            name={props.valueLabel}
            stroke="var(--accent)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
          {markers.length > 0 && (
            <Scatter
              dataKey="m"
              name="Broke a rule"
              isAnimationActive={false}
              shape={(shape: { cx?: number; cy?: number; payload?: ChartRow }) =>
                shape.payload?.m === undefined || !Number.isFinite(shape.cy) ? (
                  <g />
                ) : (
                  <circle
                    cx={shape.cx}
                    cy={shape.cy}
                    r={3.5}
                    className={`ts-marker ts-marker-${shape.payload.level ?? 'at-risk'}`}
                  />
                )
              }
            />
          )}
          <Tooltip
            content={(tooltip: TooltipContentProps<ValueType, NameType>) => (
              <ChartTooltip
                {...tooltip}
                tz={props.tz}
                window={props.window}
                formatValue={props.formatTooltipValue ?? props.formatValue}
              />
            )}
            isAnimationActive={false}
          />
        </ComposedChart>
        {drag && Math.abs(drag.to - drag.from) > 1 && (
          <div
            className="ts-zoom-selection"
            style={{
              left: Math.min(drag.from, drag.to),
              width: Math.abs(drag.to - drag.from),
              top: MARGIN.top,
              height: height - MARGIN.top - 34,
            }}
          />
        )}
      </div>
    </div>
  );
}

function ChartTooltip(
  props: TooltipContentProps<ValueType, NameType> & {
    tz: TimeZoneChoice;
    window: TimeWindow;
    formatValue: (v: number) => string;
  },
): ReactElement | null {
  if (!props.active || !props.payload?.length) return null;
  const { t, lines } = tooltipLines(props.payload, props.label, props.formatValue);
  return (
    <div className="ts-tooltip">
      <div className="ts-tooltip-time">
        {t === undefined ? '' : formatTimeInWindow(t, props.window, props.tz)}
      </div>
      {lines.map((line) => (
        <div key={line.key}>
          {line.name}: <strong>{line.text}</strong>
        </div>
      ))}
    </div>
  );
}
