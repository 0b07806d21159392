import { describeKind, MathEvalError, type Value } from './values';

/**
 * SLICE(TS[], S, S) or SLICE(TS[], S), from the User Guide page "Metric math syntax and functions":
 * "The two scalars define the start (inclusive) and end (exclusive) of the array to return. The array is
 * zero-indexed … Alternatively, you can specify just one value, and CloudWatch returns all time series
 * starting with that value." The page gives no meaning to a negative or fractional index, so those are
 * refused rather than guessed at.
 */
export function slice(args: Value[]): Value {
  const [array, start, end] = args;
  if (args.length < 2 || args.length > 3 || array === undefined) {
    throw new MathEvalError(
      'SLICE takes an array of time series and one or two indexes, as in SLICE(SORT(METRICS(), SUM, DESC), 0, 10)',
    );
  }
  const items = array.kind === 'array' ? array.items : array.kind === 'series' ? [array.s] : undefined;
  if (!items) throw new MathEvalError(`SLICE takes an array of time series, not ${describeKind(array)}`);
  const index = (v: Value | undefined, which: string): number | undefined => {
    if (v === undefined) return undefined;
    if (v.kind !== 'scalar' || !Number.isInteger(v.v) || v.v < 0) {
      throw new MathEvalError(
        `the ${which} of SLICE is a whole number from 0 (the first time series), not ${v.kind === 'scalar' ? v.v : describeKind(v)}`,
      );
    }
    return v.v;
  };
  const from = index(start, 'start') ?? 0;
  const to = index(end, 'end');
  return { kind: 'array', items: items.slice(from, to) };
}
