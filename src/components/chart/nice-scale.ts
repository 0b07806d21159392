/** A y-axis that reads well: bounds and ticks on round steps (1, 2, 2.5 or 5 × 10ⁿ) that cover every value. */
export function niceScale(
  min: number,
  max: number,
  maxTicks = 6,
): { domain: [number, number]; ticks: number[] } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { domain: [0, 1], ticks: [0, 0.5, 1] };
  if (max - min <= Math.max(Math.abs(min), Math.abs(max), 1) * 1e-12) {
    const pad = Math.abs(min) * 0.1 > 1e-9 ? Math.abs(min) * 0.1 : 1;
    return niceScale(min - pad, max + pad, maxTicks);
  }
  const raw = (max - min) / Math.max(1, maxTicks - 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  let lo = Math.floor(min / step) * step;
  let hi = Math.ceil(max / step) * step;
  // Division can underflow (a subnormal min floors to -0), so make sure the bounds really cover.
  if (lo > min) lo -= step;
  if (hi < max) hi += step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { domain: [Math.min(lo, ticks[0] ?? lo), Math.max(hi, ticks.at(-1) ?? hi)], ticks };
}
