const DAY_MS = 86_400_000;

const STEPS = [
  60_000,
  300_000,
  900_000,
  1_800_000,
  3_600_000,
  10_800_000,
  21_600_000,
  43_200_000,
  DAY_MS,
  2 * DAY_MS,
  7 * DAY_MS,
];

/** Evenly spaced tick instants on whole minutes, hours or days, so the axis reads 09:00, 10:00, 11:00. */
export function timeTicks(start: number, end: number, maxTicks: number): number[] {
  const span = end - start;
  const step = STEPS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / DAY_MS) * DAY_MS;
  const out: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) out.push(t);
  return out;
}
