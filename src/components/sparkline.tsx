import { type ReactElement, useMemo } from 'react';
import type { ReferenceLine } from '../domain/board/board-types';
import type { Point, TimeWindow } from '../domain/series';
import { SPARK_HEIGHT, SPARK_WIDTH, sparklineGeometry } from './sparkline-geometry';

export type SparklineLine = ReferenceLine;

interface SparklineProps {
  points: readonly Point[];
  lines?: readonly SparklineLine[];
  /** Accessible summary of what the line shows, e.g. "Orders per minute over the last 6 hours". */
  label: string;
  /** The selected window: the x-axis spans it, so missing data at either end shows as a gap. */
  window?: TimeWindow;
  /** Seconds between the series' points: a longer step is a missing period and breaks the line. */
  period?: number;
  /** Kept for callers that name their sparkline; the drawing needs no id. */
  id?: string;
}

/**
 * The shape of the range at a glance, with threshold lines: plain SVG, no chart library, so a wall of
 * 200 tiles draws in one pass. Strokes keep their width however the tile stretches the drawing.
 */
export function Sparkline({ points, lines = [], label, window, period, id }: SparklineProps): ReactElement {
  const values = lines.map((l) => l.value);
  const key = values.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the reference values are keyed by their text.
  const geometry = useMemo(
    () => sparklineGeometry(points, values, window, period),
    [points, key, window?.start, window?.end, period],
  );
  return (
    <div className="sparkline" role="img" aria-label={label} {...(id ? { id } : {})}>
      <svg
        viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`}
        preserveAspectRatio="none"
        width="100%"
        height="100%"
        aria-hidden="true"
        focusable="false"
      >
        {geometry.refs.map(({ y, index }) => {
          const line = lines[index];
          if (!line) return null;
          return (
            <line
              key={`${line.kind}-${line.value}`}
              className={`sparkline-ref sparkline-ref-${line.kind}`}
              x1={0}
              x2={SPARK_WIDTH}
              y1={y}
              y2={y}
              stroke={`var(--ref-${line.kind})`}
              strokeDasharray="4 3"
              vectorEffect="non-scaling-stroke"
            />
          );
        })}
        <path
          className="sparkline-line"
          d={geometry.path}
          fill="none"
          stroke="var(--spark-line)"
          strokeWidth={2}
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
    </div>
  );
}
