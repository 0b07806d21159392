import { formatRange, parseRange, rangesEqual, type TimeRange } from '../domain/time/range';
import { type ParamCodec, quoteParam } from './codec';

/** CloudWatch keeps hourly data for 455 days; a longer range could only ever show nothing. */
const MAX_RANGE_SECONDS = 455 * 86_400;
/** Less than a minute holds no standard-resolution datapoint. */
const MIN_RANGE_SECONDS = 60;

/**
 * `range=now-6h` or `range=<ISO start>/<ISO end>`: out-of-bounds spans are clamped with a note, text that is
 * no range is dropped with the reason.
 */
export const rangeCodec: ParamCodec<TimeRange> = {
  decode(raw) {
    const parsed = parseRange(raw);
    if (!parsed.ok) {
      return {
        ok: false,
        notice: `range ${quoteParam(raw)} is not a time range such as now-6h or 2024-05-01T00:00Z/2024-05-01T06:00Z`,
      };
    }
    const range = parsed.range;
    const seconds = range.kind === 'relative' ? range.seconds : (range.end - range.start) / 1000;
    if (seconds < MIN_RANGE_SECONDS) {
      return { ok: false, notice: `range ${quoteParam(raw)} is shorter than a minute` };
    }
    if (seconds > MAX_RANGE_SECONDS) {
      const clamped: TimeRange =
        range.kind === 'relative'
          ? { kind: 'relative', seconds: MAX_RANGE_SECONDS }
          : { kind: 'absolute', start: range.end - MAX_RANGE_SECONDS * 1000, end: range.end };
      return {
        ok: true,
        value: clamped,
        notice: `range ${quoteParam(raw)} is longer than the 455 days CloudWatch keeps; showing ${formatRange(clamped)}`,
      };
    }
    return { ok: true, value: range };
  },
  encode: formatRange,
  equals: rangesEqual,
};
