import type { ReactElement } from 'react';
import { Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { ReferenceLine as BoardLine } from '../domain/board/board-types';
import type { Point, TimeWindow } from '../domain/series';

export type SparklineLine = BoardLine;

interface SparklineProps {
  points: readonly Point[];
  lines?: readonly SparklineLine[];
  /** The selected window: the x-axis spans it, so missing data at either end shows as a gap. */
  window?: TimeWindow;
  /** Accessible summary of what the line shows, e.g. "Orders per minute over the last 6 h". */
  label: string;
  /**
   * A stable id for the line, for charts that are mounted again and again (the wall's rotation). Recharts
   * memoises its selectors per line id in caches that outlive the chart, so a fresh generated id on every
   * mount grows memory for as long as the page lives; a stable id keeps those caches bounded.
   */
  id?: string;
}

/** The shape of the range at a glance, with threshold lines; no axes, no animation, no tooltips. */
export function Sparkline({ points, lines = [], label, id, window }: SparklineProps): ReactElement {
  const values = points.map((p) => p.v);
  const all = [...values, ...lines.map((l) => l.value)];
  const min = all.length > 0 ? Math.min(...all) : 0;
  const max = all.length > 0 ? Math.max(...all) : 1;
  const pad = (max - min) * 0.08 || Math.abs(max) * 0.05 || 1;
  return (
    <div className="sparkline" role="img" aria-label={label}>
      <ResponsiveContainer
        width="100%"
        height="100%"
        minWidth={0}
        minHeight={0}
        initialDimension={{ width: 200, height: 48 }}
      >
        <LineChart data={[...points]} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
          <XAxis
            dataKey="t"
            type="number"
            domain={window ? [window.start, window.end] : ['dataMin', 'dataMax']}
            allowDataOverflow
            hide
          />
          <YAxis type="number" domain={[min - pad, max + pad]} hide />
          {lines.map((line) => (
            <ReferenceLine
              key={`${line.kind}-${line.value}`}
              y={line.value}
              className={`sparkline-ref sparkline-ref-${line.kind}`}
              stroke={`var(--ref-${line.kind})`}
              strokeDasharray="4 3"
              ifOverflow="extendDomain"
            />
          ))}
          <Line
            {...(id === undefined ? {} : { id })}
            dataKey="v"
            type="linear"
            stroke="var(--spark-line)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
