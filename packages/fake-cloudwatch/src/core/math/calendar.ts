import type { MathContext } from './evaluate';
import { describeKind, fromMap, MathEvalError, type SeriesValue, type Value } from './values';

/**
 * MINUTE, HOUR, DAY, DATE, MONTH, YEAR and EPOCH. The User Guide page "Metric math syntax and functions":
 * "These functions take the period and range of the time series and return a new non-sparse time series
 * where each value is based on its timestamp", e.g. IF(DAY(m1)<6,m1) "returns metrics only from weekdays,
 * Monday to Friday" and IF(MONTH(m1) == 4,m1) "returns only metrics published in April". The AWS blog
 * post that announced them ("Enhance CloudWatch metrics with metric math functions") numbers the days
 * "1 to 7 (Monday to Sunday) and hours 0-23". Timestamps are read in UTC, the time zone of GetMetricData's
 * timestamps; EPOCH is the timestamp in seconds since 1970-01-01T00:00:00Z.
 */
const PARTS: Record<string, (d: Date) => number> = {
  MINUTE: (d) => d.getUTCMinutes(),
  HOUR: (d) => d.getUTCHours(),
  DAY: (d) => ((d.getUTCDay() + 6) % 7) + 1,
  DATE: (d) => d.getUTCDate(),
  MONTH: (d) => d.getUTCMonth() + 1,
  YEAR: (d) => d.getUTCFullYear(),
  EPOCH: (d) => Math.floor(d.getTime() / 1000),
};

/** One of the calendar functions over a single time series (the page's argument type: TS). */
export function calendar(name: string, args: Value[], ctx: MathContext): Value {
  const part = PARTS[name];
  const [arg] = args;
  if (!part) throw new MathEvalError(`${name} is not a calendar function`);
  if (args.length !== 1 || arg?.kind !== 'series') {
    const given = arg === undefined ? 'nothing' : describeKind(arg);
    throw new MathEvalError(
      `${name} takes one time series, as in ${name}(m1), not ${args.length > 1 ? `${args.length} arguments` : given}`,
    );
  }
  const source: SeriesValue = arg.s;
  const values = new Map<number, number>();
  for (const t of ctx.grid(source.period)) values.set(t, part(new Date(t)));
  return { kind: 'series', s: fromMap(name, source.period, values, ctx.dropped) };
}
