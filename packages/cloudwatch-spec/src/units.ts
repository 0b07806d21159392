/**
 * The API model's `StandardUnit` enum, in the model's order: the only values `MetricStat.Unit` takes. A Get
 * with a unit returns only data published with exactly that unit ("CloudWatch does not perform unit
 * conversions", MetricStat.Unit), so a unit outside this list can never match anything.
 */
export const STANDARD_UNITS = [
  'Seconds',
  'Microseconds',
  'Milliseconds',
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
  'Percent',
  'Count',
  'Bytes/Second',
  'Kilobytes/Second',
  'Megabytes/Second',
  'Gigabytes/Second',
  'Terabytes/Second',
  'Bits/Second',
  'Kilobits/Second',
  'Megabits/Second',
  'Gigabits/Second',
  'Terabits/Second',
  'Count/Second',
  'None',
] as const;
export type StandardUnit = (typeof STANDARD_UNITS)[number];

/** True for a `StandardUnit` spelled exactly as the model spells it (the enum is case-sensitive). */
export function isStandardUnit(text: string): text is StandardUnit {
  return (STANDARD_UNITS as readonly string[]).includes(text);
}
