import type { ReactElement } from 'react';
import { Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatTimeInWindow, type TimeZoneChoice, tickFormatter } from '../../domain/format/format-time';
import { timeTicks } from './time-ticks';
import { useWidth } from './use-width';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** Error budget left through the SLO window, falling as bad events arrive; below zero it is overspent. */
export function BurnDownChart(props: {
  label: string;
  points: readonly { t: number; remaining: number }[];
  window: { start: number; end: number };
  tz: TimeZoneChoice;
}): ReactElement {
  const [ref, width] = useWidth<HTMLDivElement>(700);
  const min = Math.min(0, ...props.points.map((p) => p.remaining));
  const span = props.window.end - props.window.start;
  return (
    <div ref={ref} role="img" aria-label={props.label}>
      <AreaChart
        accessibilityLayer={false}
        width={width}
        height={200}
        data={[...props.points]}
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
          domain={[Math.floor(min * 10) / 10, 1]}
          width={60}
          tickFormatter={(v: number) => percent.format(v)}
          stroke="var(--text-dim)"
          fontSize={12}
        />
        <ReferenceLine y={0} stroke="var(--breached)" strokeDasharray="4 3" />
        <Area
          dataKey="remaining"
          name="Budget left"
          stroke="var(--accent)"
          fill="var(--accent)"
          fillOpacity={0.2}
          isAnimationActive={false}
        />
        <Tooltip
          isAnimationActive={false}
          labelFormatter={(t) => formatTimeInWindow(Number(t), props.window, props.tz)}
          formatter={(v) => [percent.format(Number(v)), 'Budget left']}
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
