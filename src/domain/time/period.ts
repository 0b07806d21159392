import type { TimeWindow } from '../series';
import { describeSpan, formatDuration } from './duration';

const HOUR = 3600;
const DAY = 86_400;

/** Most points a chart series should carry: a day of 1-minute data. */
export const MAX_POINTS_PER_SERIES = 1440;

/** Periods people read at a glance; sub-minute ones only apply to high-resolution custom metrics. */
const PERIOD_LADDER = [1, 5, 10, 20, 30, 60, 300, 900, HOUR, 6 * HOUR, DAY] as const;

const SUB_MINUTE = [1, 5, 10, 20, 30];

/** True for the periods GetMetricData accepts: 1, 5, 10, 20, 30 or a multiple of 60 seconds. */
export function isValidPeriod(seconds: number): boolean {
  return Number.isInteger(seconds) && seconds > 0 && (SUB_MINUTE.includes(seconds) || seconds % 60 === 0);
}

/**
 * The finest period CloudWatch still keeps for data this old. Per the GetMetricData reference:
 * sub-minute data lives 3 hours, 1-minute data 15 days, 5-minute data 63 days, 1-hour data 455 days;
 * asking for a finer period than is kept returns no data points.
 */
export function retentionFloor(ageSeconds: number): 1 | 60 | 300 | 3600 {
  if (ageSeconds <= 3 * HOUR) return 1;
  if (ageSeconds <= 15 * DAY) return 60;
  if (ageSeconds <= 63 * DAY) return 300;
  return 3600;
}

export interface PeriodOptions {
  /**
   * Allow 1–30 s periods. Off by default: for standard-resolution metrics a period must be a multiple
   * of 60, and a sub-minute period would return a sparse series.
   */
  highResolution?: boolean;
  /** Most points per series; defaults to MAX_POINTS_PER_SERIES. */
  maxPoints?: number;
}

/** Number of datapoints a series over this window has at this period (GetMetricData counts the same way). */
export function pointCount(window: TimeWindow, period: number): number {
  return Math.max(1, Math.ceil((window.end - window.start) / 1000 / period));
}

/**
 * Picks the finest human period that keeps the series under ~1,440 points and that CloudWatch still
 * retains for the oldest point of the window.
 */
export function choosePeriod(window: TimeWindow, now: number, options: PeriodOptions = {}): number {
  const maxPoints = options.maxPoints ?? MAX_POINTS_PER_SERIES;
  const floor = Math.max(retentionFloor(ageOf(window, now)), options.highResolution ? 1 : 60);
  for (const period of PERIOD_LADDER) {
    if (period < floor || period % floor !== 0) continue;
    if (pointCount(window, period) <= maxPoints) return period;
  }
  const days = Math.ceil((window.end - window.start) / 1000 / DAY / maxPoints);
  return Math.max(1, days) * DAY;
}

export interface FittedPeriod {
  period: number;
  /** Why the period differs from the one asked for, in words; absent when it does not. */
  note?: string;
}

/**
 * Raises an explicit period to the nearest one CloudWatch still keeps for the window's oldest point,
 * so a 60 s KPI over the last 30 days shows 5-minute data instead of an empty chart.
 */
export function fitPeriodToRetention(period: number, window: TimeWindow, now: number): FittedPeriod {
  const age = ageOf(window, now);
  const floor = retentionFloor(age);
  if (floor === 1 || period % floor === 0) return { period };
  const fitted = Math.ceil(period / floor) * floor;
  return {
    period: fitted,
    note: `period raised from ${formatDuration(period)} to ${formatDuration(fitted)}: CloudWatch keeps ${FINER_RETENTION[floor]}, and this range starts ${describeSpan(age)} ago`,
  };
}

/**
 * Widens a window to whole periods (start down, end up) so refreshes within one period ask for
 * exactly the same thing, which keeps caches warm and is what CloudWatch answers fastest.
 */
export function alignWindow(window: TimeWindow, period: number): TimeWindow {
  const step = period * 1000;
  return {
    start: Math.floor(window.start / step) * step,
    end: Math.ceil(window.end / step) * step,
  };
}

function ageOf(window: TimeWindow, now: number): number {
  return Math.max(0, (now - window.start) / 1000);
}

const FINER_RETENTION = {
  60: 'sub-minute data for 3 hours',
  300: '1-minute data for 15 days',
  3600: '5-minute data for 63 days',
} as const;
