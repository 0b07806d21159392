import type { ReactElement, ReactNode } from 'react';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatTimeInWindow, type TimeZoneChoice, tickFormatter } from '../../domain/format/format-time';
import type { Point, TimeWindow } from '../../domain/series';
import { downsampleLttb } from '../../domain/time/downsample';
import { niceScale } from './nice-scale';
import { seriesColour } from './palette';
import { timeTicks } from './time-ticks';
import { useWidth } from './use-width';
import './chart.css';

export interface MultipleSeries {
  key: string;
  title: string;
  points: readonly Point[];
  /** One line under the title, e.g. "below 99 % for 42 min". */
  note?: ReactNode;
}

interface SmallMultiplesProps {
  /** Names the group for screen readers, e.g. "Payment success rate by PaymentProvider". */
  label: string;
  series: readonly MultipleSeries[];
  window: TimeWindow;
  tz: TimeZoneChoice;
  formatValue: (v: number) => string;
  /** One y-axis for all, so the eye compares heights honestly; off for components in different units. */
  sharedScale?: boolean;
  referenceLines?: readonly { value: number; kind: 'at-risk' | 'breached' | 'target' }[];
}

function extent(series: readonly { points: readonly Point[] }[]): {
  domain: [number, number];
  ticks: number[];
} {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of series)
    for (const p of s.points) {
      if (p.v < min) min = p.v;
      if (p.v > max) max = p.v;
    }
  return Number.isFinite(min) ? niceScale(min, max, 4) : niceScale(0, 1, 3);
}

/** One small chart per series in a grid, in the order given (the caller sorts by what matters). */
export function SmallMultiples(props: SmallMultiplesProps): ReactElement {
  const shared = props.sharedScale === false ? undefined : extent(props.series);
  return (
    <ul className="small-multiples" aria-label={props.label}>
      {props.series.map((s, i) => (
        <li key={s.key} style={{ listStyle: 'none' }}>
          <SmallMultiple {...props} series={s} colour={seriesColour(i)} scale={shared ?? extent([s])} />
        </li>
      ))}
    </ul>
  );
}

function SmallMultiple(
  props: Omit<SmallMultiplesProps, 'series'> & {
    series: MultipleSeries;
    colour: string;
    scale: { domain: [number, number]; ticks: number[] };
  },
): ReactElement {
  const [ref, width] = useWidth<HTMLDivElement>(300);
  const data = downsampleLttb(props.series.points, Math.max(20, width - 60));
  const span = props.window.end - props.window.start;
  const latest = props.series.points.at(-1);
  return (
    <figure className="small-multiple">
      <figcaption>
        <strong>{props.series.title}</strong>
        <span>{latest ? props.formatValue(latest.v) : 'no data'}</span>
      </figcaption>
      {props.series.note && <div className="sm-note">{props.series.note}</div>}
      <div ref={ref} role="img" aria-label={`${props.series.title}: ${props.label}`}>
        <LineChart
          width={width}
          height={150}
          data={data}
          margin={{ top: 6, right: 6, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            domain={[props.window.start, props.window.end]}
            ticks={timeTicks(props.window.start, props.window.end, 3)}
            tickFormatter={tickFormatter(span, props.tz)}
            stroke="var(--text-dim)"
            fontSize={11}
            allowDataOverflow
          />
          <YAxis
            type="number"
            domain={props.scale.domain}
            ticks={props.scale.ticks}
            width={64}
            tickFormatter={(v: number) => props.formatValue(v)}
            stroke="var(--text-dim)"
            fontSize={11}
            allowDataOverflow
          />
          {props.referenceLines?.map((l) => (
            <ReferenceLine
              key={`${l.kind}-${l.value}`}
              y={l.value}
              stroke={`var(--ref-${l.kind})`}
              strokeDasharray="4 3"
            />
          ))}
          <Line dataKey="v" stroke={props.colour} strokeWidth={1.6} dot={false} isAnimationActive={false} />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(t) => formatTimeInWindow(Number(t), props.window, props.tz)}
            formatter={(v) => [props.formatValue(Number(v)), props.series.title]}
            contentStyle={{
              background: 'var(--surface-2)',
              border: '1px solid var(--border)',
              color: 'var(--text)',
            }}
          />
        </LineChart>
      </div>
    </figure>
  );
}

interface StackedChartProps {
  label: string;
  series: readonly MultipleSeries[];
  window: TimeWindow;
  tz: TimeZoneChoice;
  formatValue: (v: number) => string;
}

/** Additive series (counts, sums) stacked, so the total and each part's share read at once. */
export function StackedChart(props: StackedChartProps): ReactElement {
  const [ref, width] = useWidth<HTMLDivElement>(900);
  const rows = new Map<number, Record<string, number>>();
  props.series.forEach((s) => {
    for (const p of s.points) {
      const row = rows.get(p.t) ?? { t: p.t };
      row[s.key] = p.v;
      rows.set(p.t, row);
    }
  });
  const data = [...rows.values()].sort((a, b) => (a.t ?? 0) - (b.t ?? 0));
  const stride = Math.max(1, Math.ceil(data.length / Math.max(50, width - 80)));
  const span = props.window.end - props.window.start;
  return (
    <div ref={ref} role="img" aria-label={props.label}>
      <AreaChart
        accessibilityLayer={false}
        width={width}
        height={260}
        data={data.filter((_, i) => i % stride === 0)}
        margin={{ top: 8, right: 20, bottom: 0, left: 4 }}
      >
        <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          domain={[props.window.start, props.window.end]}
          ticks={timeTicks(props.window.start, props.window.end, Math.max(2, Math.floor(width / 120)))}
          tickFormatter={tickFormatter(span, props.tz)}
          stroke="var(--text-dim)"
          fontSize={12}
          allowDataOverflow
        />
        <YAxis
          width={76}
          tickFormatter={(v: number) => props.formatValue(v)}
          stroke="var(--text-dim)"
          fontSize={12}
        />
        {props.series.map((s, i) => (
          <Area
            key={s.key}
            dataKey={s.key}
            name={s.title}
            stackId="stack"
            stroke={seriesColour(i)}
            fill={seriesColour(i)}
            fillOpacity={0.45}
            isAnimationActive={false}
          />
        ))}
        <Tooltip
          isAnimationActive={false}
          labelFormatter={(t) => formatTimeInWindow(Number(t), props.window, props.tz)}
          formatter={(v, name) => [props.formatValue(Number(v)), name]}
          contentStyle={{
            background: 'var(--surface-2)',
            border: '1px solid var(--border)',
            color: 'var(--text)',
          }}
        />
      </AreaChart>
    </div>
  );
}
