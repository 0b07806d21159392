import type { BinaryOp, Node } from './ast';
import { callFunction } from './functions';
import {
  describeKind,
  fromMap,
  MathEvalError,
  type SeriesValue,
  scalar,
  series,
  toMap,
  type Value,
} from './values';

/** What an expression can reach: other queries' values, METRICS(), SEARCH() and the time grid. */
export interface MathContext {
  resolve(id: string): Value;
  metrics(filter?: string): SeriesValue[];
  search(expression: string, stat: string, period: number): SeriesValue[];
  /** Period start times of the query window for a period (for FILL and TIME_SERIES). */
  grid(period: number): number[];
  /** The same expression over the window moved `ms` back, on the anomaly detector's training data. */
  history(ms: number): MathContext;
  /** Default period for values that have none of their own. */
  period: number;
  /** Called when a datapoint is dropped because the result was not a finite number. */
  dropped(): void;
}

function arith(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '^':
      return a ** b;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '<':
      return a < b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case 'AND':
      return a !== 0 && b !== 0 ? 1 : 0;
    case 'OR':
      return a !== 0 || b !== 0 ? 1 : 0;
  }
}

function seriesWithScalar(
  op: BinaryOp,
  s: SeriesValue,
  k: number,
  seriesLeft: boolean,
  ctx: MathContext,
): SeriesValue {
  const m = new Map<number, number>();
  s.t.forEach((t, i) => {
    const x = s.v[i] ?? 0;
    m.set(t, seriesLeft ? arith(op, x, k) : arith(op, k, x));
  });
  return { ...fromMap(s.label, s.period, m, ctx.dropped), label: s.label };
}

/**
 * Two series combine at every timestamp either has; a missing value counts as 0, as the metric math
 * docs state for arithmetic and comparison operators. Division by zero drops the point.
 */
function seriesWithSeries(op: BinaryOp, a: SeriesValue, b: SeriesValue, ctx: MathContext): SeriesValue {
  const ma = toMap(a);
  const mb = toMap(b);
  const m = new Map<number, number>();
  for (const t of new Set([...a.t, ...b.t])) m.set(t, arith(op, ma.get(t) ?? 0, mb.get(t) ?? 0));
  return fromMap(a.label, Math.max(a.period, b.period), m, ctx.dropped);
}

function binary(op: BinaryOp, left: Value, right: Value, ctx: MathContext): Value {
  if (left.kind === 'scalar' && right.kind === 'scalar') return scalar(arith(op, left.v, right.v));
  if (left.kind === 'series' && right.kind === 'scalar')
    return series(seriesWithScalar(op, left.s, right.v, true, ctx));
  if (left.kind === 'scalar' && right.kind === 'series')
    return series(seriesWithScalar(op, right.s, left.v, false, ctx));
  if (left.kind === 'series' && right.kind === 'series')
    return series(seriesWithSeries(op, left.s, right.s, ctx));
  if (left.kind === 'array' && (right.kind === 'scalar' || right.kind === 'series')) {
    return {
      kind: 'array',
      items: left.items.map((s) =>
        right.kind === 'scalar'
          ? seriesWithScalar(op, s, right.v, true, ctx)
          : seriesWithSeries(op, s, right.s, ctx),
      ),
    };
  }
  if (right.kind === 'array' && (left.kind === 'scalar' || left.kind === 'series')) {
    return {
      kind: 'array',
      items: right.items.map((s) => {
        const out =
          left.kind === 'scalar'
            ? seriesWithScalar(op, s, left.v, false, ctx)
            : seriesWithSeries(op, left.s, s, ctx);
        return { ...out, label: s.label };
      }),
    };
  }
  throw new MathEvalError(
    `the operator ${op} cannot combine ${describeKind(left)} with ${describeKind(right)}`,
  );
}

/** Evaluates a parsed expression against a context. */
export function evaluate(node: Node, ctx: MathContext): Value {
  switch (node.type) {
    case 'number':
      return scalar(node.value);
    case 'string':
      return { kind: 'string', v: node.value };
    case 'keyword':
      return { kind: 'keyword', v: node.name };
    case 'id':
      return ctx.resolve(node.name);
    case 'unary':
      return binary('*', scalar(-1), evaluate(node.arg, ctx), ctx);
    case 'binary':
      return binary(node.op, evaluate(node.left, ctx), evaluate(node.right, ctx), ctx);
    case 'array': {
      const items: SeriesValue[] = [];
      for (const item of node.items) {
        const v = evaluate(item, ctx);
        if (v.kind === 'series') items.push(v.s);
        else if (v.kind === 'array') items.push(...v.items);
        else throw new MathEvalError(`an array holds time series, not ${describeKind(v)}`);
      }
      return { kind: 'array', items };
    }
    case 'call':
      return callFunction(node, ctx, evaluate);
  }
}
