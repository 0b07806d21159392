import { DEFAULT_BURN_RATE_WINDOWS, type Slo } from '../kpi/rules-schema';
import type { TimeWindow } from '../series';
import { completePeriodsEnd } from './clean-series';

/** The parts of an SLO that decide what must be fetched. */
export type SloPlanConfig = Pick<Slo, 'burnRates' | 'good' | 'total' | 'threshold'> & { window?: number };

export const DEFAULT_SLO_WINDOW_SECONDS = 2_592_000;

const DAY = 86_400;
/** Periods CloudWatch keeps, with how far back each is available (standard-resolution retention). */
const PERIODS: ReadonlyArray<{ period: number; retention: number }> = [
  { period: 60, retention: 15 * DAY },
  { period: 300, retention: 63 * DAY },
  { period: 3600, retention: 455 * DAY },
  { period: 21_600, retention: 455 * DAY },
  { period: 86_400, retention: 455 * DAY },
];
/** Enough points to measure a window well, few enough that a 30-day window never means 43,200 minutes. */
const MAX_POINTS_PER_WINDOW = 1440;

/**
 * The period an SLO window is measured at: the finest CloudWatch still keeps for the whole window that
 * needs at most 1,440 points, so 5 min / 1 h / 6 h use 1-minute data, 3 days 5-minute, 30 days 1-hour.
 */
export function sloPeriodFor(windowSeconds: number): number {
  for (const { period, retention } of PERIODS) {
    if (windowSeconds <= retention && windowSeconds / period <= MAX_POINTS_PER_WINDOW) return period;
  }
  return PERIODS[PERIODS.length - 1]?.period ?? DAY;
}

/** Every window an SLO looks at: its own window and the long and short window of each burn rate. */
export function sloWindows(slo: SloPlanConfig): number[] {
  const burn = slo.burnRates ?? DEFAULT_BURN_RATE_WINDOWS;
  const all = [slo.window ?? DEFAULT_SLO_WINDOW_SECONDS, ...burn.flatMap((b) => [b.long, b.short])];
  return [...new Set(all)].sort((a, b) => a - b);
}

export interface SloFetch {
  /** Stable name for the fetch, e.g. "slo-3600"; one fetch per period. */
  key: string;
  /** Seconds. */
  period: number;
  /** Epoch ms, end exclusive and aligned to the period, covering the longest window measured at it. */
  window: TimeWindow;
  /** The window lengths (seconds) this fetch serves, shortest first. */
  serves: number[];
  /** Event SLOs fetch good and total; threshold SLOs fetch the KPI's own value at this period. */
  metrics: Array<'good' | 'total' | 'value'>;
}

/**
 * What the data layer must fetch to evaluate an SLO at `now`: one series (or good/total pair) per
 * period, each as long as the longest window measured at that period, so the default table fetches
 * 6 h of 1-minute data, 3 days of 5-minute data and 30 days of 1-hour data.
 */
export function planSloFetch(slo: SloPlanConfig, now: number): SloFetch[] {
  const byPeriod = new Map<number, number[]>();
  for (const window of sloWindows(slo)) {
    const period = sloPeriodFor(window);
    byPeriod.set(period, [...(byPeriod.get(period) ?? []), window]);
  }
  const metrics: SloFetch['metrics'] = slo.good !== undefined ? ['good', 'total'] : ['value'];
  return [...byPeriod.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([period, serves]) => {
      const end = completePeriodsEnd(now, period);
      const longest = Math.max(...serves);
      return {
        key: `slo-${period}`,
        period,
        window: { start: end - longest * 1000, end },
        serves,
        metrics: [...metrics],
      };
    });
}
