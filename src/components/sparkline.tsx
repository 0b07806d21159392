import { memo, type ReactElement, useMemo, useRef } from 'react';
import type { ReferenceLine } from '../domain/board/board-types';
import type { Point, TimeWindow } from '../domain/series';
import { SPARK_HEIGHT, SPARK_WIDTH, type SparklineGeometry, sparklineGeometry } from './sparkline-geometry';
import { useNearViewport } from './use-near-viewport';

export type SparklineLine = ReferenceLine;

interface SparklineProps {
  points: readonly Point[];
  lines?: readonly SparklineLine[];
  /** What the line shows, in words: "Orders per minute over the last 6 hours: from 412 to 398, low 380, high 450". */
  label: string;
  /** The selected window: the x-axis spans it, so missing data at either end shows as a gap. */
  window?: TimeWindow;
  /** Seconds between the series' points: a longer step is a missing period and breaks the line. */
  period?: number;
  /** Kept for callers that name their sparkline; the drawing needs no id. */
  id?: string;
  /**
   * Drawn only once it comes within a screen of the viewport (a long desk page); its name is there from
   * the start. A wall, whose every tile is on screen, draws at once.
   */
  lazy?: boolean;
}

const NOTHING_DRAWN: SparklineGeometry = { path: '', refs: [] };

function SparklineView({
  points,
  lines = [],
  label,
  window,
  period,
  id,
  lazy = false,
}: SparklineProps): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref, lazy);
  const values = lines.map((l) => l.value);
  const key = values.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the reference values are keyed by their text.
  const geometry = useMemo(
    () => (near ? sparklineGeometry(points, values, window, period) : NOTHING_DRAWN),
    [near, points, key, window?.start, window?.end, period],
  );
  return (
    <div ref={ref} className="sparkline" role="img" aria-label={label} {...(id ? { id } : {})}>
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

function samePoints(a: readonly Point[], b: readonly Point[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]?.t !== b[i]?.t || a[i]?.v !== b[i]?.v) return false;
  return true;
}

function sameLines(a: readonly SparklineLine[], b: readonly SparklineLine[]): boolean {
  return (
    a.length === b.length && a.every((line, i) => line.value === b[i]?.value && line.kind === b[i]?.kind)
  );
}

/** Same drawing: a board rebuilds its tiles on every tick of the clock, with new arrays of the same points. */
function sameSparkline(a: SparklineProps, b: SparklineProps): boolean {
  return (
    a.label === b.label &&
    a.id === b.id &&
    a.lazy === b.lazy &&
    a.period === b.period &&
    a.window?.start === b.window?.start &&
    a.window?.end === b.window?.end &&
    sameLines(a.lines ?? [], b.lines ?? []) &&
    samePoints(a.points, b.points)
  );
}

/**
 * The shape of the range at a glance, with threshold lines: plain SVG, no chart library, so a wall of
 * 200 tiles draws in one pass. Strokes keep their width however the tile stretches the drawing. An image
 * for assistive technology, named by its label (what it shows, in words), and never a tab stop. Drawn
 * again only when what it shows changes.
 */
export const Sparkline = memo(SparklineView, sameSparkline);
