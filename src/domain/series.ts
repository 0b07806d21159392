/** One datapoint: epoch milliseconds and a value (NaN never stored; a gap is a missing point). */
export interface Point {
  t: number;
  v: number;
}

/** A time series, points sorted by ascending time. */
export interface Series {
  label: string;
  points: Point[];
}

/** An absolute time window in epoch milliseconds; end is exclusive, as in GetMetricData. */
export interface TimeWindow {
  start: number;
  end: number;
}
