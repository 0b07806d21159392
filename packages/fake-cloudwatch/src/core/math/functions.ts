import { anomalyBand } from './anomaly-band';
import type { Node } from './ast';
import { calendar } from './calendar';
import { unsupportedFunctionMessage } from './catalog';
import type { MathContext } from './evaluate';
import { slice } from './slice';
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

type Evaluate = (node: Node, ctx: MathContext) => Value;

const DAY = 86_400_000;

function mapSeries(s: SeriesValue, f: (x: number, i: number) => number, ctx: MathContext): SeriesValue {
  const m = new Map<number, number>();
  for (const [i, t] of s.t.entries()) m.set(t, f(s.v[i] ?? 0, i));
  return { ...fromMap(s.label, s.period, m, ctx.dropped), fromMetric: false };
}

/** Applies a per-point function to a series or each series of an array. */
function pointwise(name: string, v: Value, f: (x: number) => number, ctx: MathContext): Value {
  if (v.kind === 'scalar') return scalar(f(v.v));
  if (v.kind === 'series') return series(mapSeries(v.s, f, ctx));
  if (v.kind === 'array') return { kind: 'array', items: v.items.map((s) => mapSeries(s, f, ctx)) };
  throw new MathEvalError(`${name} takes a time series or an array of time series, not ${describeKind(v)}`);
}

/** SUM/AVG/MIN/MAX/STDDEV: a scalar over one series, or a series across an array at each timestamp. */
function aggregate(name: string, v: Value, ctx: MathContext): Value {
  const reduce = (xs: number[]): number => {
    if (name === 'SUM') return xs.reduce((a, b) => a + b, 0);
    if (name === 'AVG') return xs.reduce((a, b) => a + b, 0) / xs.length;
    if (name === 'MIN') return Math.min(...xs);
    if (name === 'MAX') return Math.max(...xs);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  };
  if (v.kind === 'series') return scalar(v.s.v.length === 0 ? Number.NaN : reduce(v.s.v));
  if (v.kind === 'array') {
    const maps = v.items.map(toMap);
    const times = new Set(v.items.flatMap((s) => s.t));
    const out = new Map<number, number>();
    for (const t of times) {
      // Missing values count as 0 for SUM and AVG (as documented); MIN/MAX look at values present.
      const xs =
        name === 'SUM' || name === 'AVG'
          ? maps.map((m) => m.get(t) ?? 0)
          : maps.map((m) => m.get(t)).filter((x): x is number => x !== undefined);
      out.set(t, reduce(xs));
    }
    const period = Math.max(...v.items.map((s) => s.period), ctx.period);
    return series(fromMap(name, period, out, ctx.dropped));
  }
  throw new MathEvalError(`${name} takes a time series or an array of time series, not ${describeKind(v)}`);
}

function perSeries(name: string, v: Value, f: (s: SeriesValue) => SeriesValue): Value {
  if (v.kind === 'series') return series(f(v.s));
  if (v.kind === 'array') return { kind: 'array', items: v.items.map(f) };
  throw new MathEvalError(`${name} takes a time series or an array of time series, not ${describeKind(v)}`);
}

function fill(s: SeriesValue, how: Value, ctx: MathContext): SeriesValue {
  const grid = ctx.grid(s.period);
  const known = toMap(s);
  const filler = how.kind === 'series' ? toMap(how.s) : undefined;
  const out = new Map<number, number>(known);
  const times = s.t;
  for (const t of grid) {
    if (known.has(t)) continue;
    if (how.kind === 'scalar') out.set(t, how.v);
    else if (filler) {
      const x = filler.get(t);
      if (x !== undefined) out.set(t, x);
    } else if (how.kind === 'keyword' && times.length > 0) {
      const after = times.findIndex((x) => x > t);
      const iAfter = after === -1 ? times.length : after;
      const prevT = times[iAfter - 1];
      const nextT = times[iAfter];
      const prevV = prevT !== undefined ? known.get(prevT) : undefined;
      const nextV = nextT !== undefined ? known.get(nextT) : undefined;
      if (how.v === 'REPEAT') out.set(t, (prevV ?? nextV) as number);
      else if (prevV !== undefined && nextV !== undefined && prevT !== undefined && nextT !== undefined) {
        out.set(t, prevV + ((nextV - prevV) * (t - prevT)) / (nextT - prevT));
      } else out.set(t, (prevV ?? nextV) as number);
    }
  }
  return { ...fromMap(s.label, s.period, out, ctx.dropped), fromMetric: false };
}

function consecutive(
  s: SeriesValue,
  f: (dv: number, dtSeconds: number) => number,
  ctx: MathContext,
): SeriesValue {
  const m = new Map<number, number>();
  for (let i = 1; i < s.t.length; i++) {
    const dt = ((s.t[i] ?? 0) - (s.t[i - 1] ?? 0)) / 1000;
    m.set(s.t[i] ?? 0, f((s.v[i] ?? 0) - (s.v[i - 1] ?? 0), dt));
  }
  return { ...fromMap(s.label, s.period, m, ctx.dropped), fromMetric: false };
}

/** IF(condition, then[, else]) with the per-syntax rules of the metric math docs. */
function ifFunction(args: Value[], ctx: MathContext): Value {
  const [cond, whenTrue, whenFalse] = args;
  if (!cond || !whenTrue) throw new MathEvalError('IF needs a condition and a value for when it is true');
  const valueAt = (v: Value | undefined, t: number, trueBranch: boolean): number | undefined => {
    if (!v) return undefined;
    if (v.kind === 'scalar') return v.v;
    if (v.kind === 'series') {
      const i = v.s.t.indexOf(t);
      return i === -1 ? (trueBranch ? 0 : undefined) : v.s.v[i];
    }
    throw new MathEvalError(`IF takes numbers or time series, not ${describeKind(v)}`);
  };
  if (cond.kind === 'scalar') {
    const chosen = cond.v !== 0 ? whenTrue : whenFalse;
    if (!chosen) return series({ label: 'IF', t: [], v: [], period: ctx.period, fromMetric: false });
    if (chosen.kind === 'scalar')
      throw new MathEvalError('IF with a number as condition needs time series to choose from');
    return chosen;
  }
  if (cond.kind !== 'series')
    throw new MathEvalError(`the condition of IF is a time series, not ${describeKind(cond)}`);
  const out = new Map<number, number>();
  cond.s.t.forEach((t, i) => {
    const truthy = (cond.s.v[i] ?? 0) !== 0;
    const x = truthy ? valueAt(whenTrue, t, true) : valueAt(whenFalse, t, false);
    if (x !== undefined) out.set(t, x);
  });
  return series(fromMap(cond.s.label, cond.s.period, out, ctx.dropped));
}

function asSeriesList(name: string, v: Value): SeriesValue[] {
  if (v.kind === 'array') return v.items;
  if (v.kind === 'series') return [v.s];
  throw new MathEvalError(`${name} takes an array of time series, not ${describeKind(v)}`);
}

/** Runs one upper-case function of the metric math language. */
export function callFunction(
  node: Extract<Node, { type: 'call' }>,
  ctx: MathContext,
  evaluate: Evaluate,
): Value {
  const name = node.name;
  if (name === 'ANOMALY_DETECTION_BAND') {
    const [arg, width] = node.args;
    if (!arg) throw new MathEvalError('ANOMALY_DETECTION_BAND needs the id of a metric');
    const k = width ? evaluate(width, ctx) : scalar(2);
    if (k.kind !== 'scalar') throw new MathEvalError('the band width of ANOMALY_DETECTION_BAND is a number');
    const current = evaluate(arg, ctx);
    if (current.kind !== 'series') {
      throw new MathEvalError(`ANOMALY_DETECTION_BAND takes one time series, not ${describeKind(current)}`);
    }
    const history = [1, 2, 3, 4, 5, 6, 7].map((d) => {
      const past = evaluate(arg, ctx.history(d * DAY));
      return past.kind === 'series' ? past.s : undefined;
    });
    return { kind: 'array', items: anomalyBand(current.s, history, k.v) };
  }
  const args = node.args.map((a) => evaluate(a, ctx));
  const arg0 = args[0];
  const need = (n: number): void => {
    if (args.length < n) throw new MathEvalError(`${name} needs ${n} argument${n === 1 ? '' : 's'}`);
  };
  switch (name) {
    case 'ABS':
      need(1);
      return pointwise(name, arg0!, Math.abs, ctx);
    case 'CEIL':
      need(1);
      return pointwise(name, arg0!, Math.ceil, ctx);
    case 'FLOOR':
      need(1);
      return pointwise(name, arg0!, Math.floor, ctx);
    case 'LOG':
      need(1);
      return pointwise(name, arg0!, Math.log, ctx);
    case 'LOG10':
      need(1);
      return pointwise(name, arg0!, Math.log10, ctx);
    case 'SUM':
    case 'AVG':
    case 'MIN':
    case 'MAX':
    case 'STDDEV':
      need(1);
      return aggregate(name, arg0!, ctx);
    case 'DATAPOINT_COUNT':
      need(1);
      if (arg0!.kind === 'series') return scalar(arg0!.s.t.length);
      return aggregate(
        'SUM',
        pointwise(name, arg0!, () => 1, ctx),
        ctx,
      );
    case 'METRIC_COUNT':
      need(1);
      return scalar(asSeriesList(name, arg0!).length);
    case 'FILL': {
      need(2);
      const how = args[1]!;
      // The page's argument types: "TS, [S | REPEAT | LINEAR]" and "TS[], [TS | S | REPEAT | LINEAR]".
      const filler =
        how.kind === 'scalar' ||
        (how.kind === 'series' && arg0!.kind === 'array') ||
        (how.kind === 'keyword' && (how.v === 'REPEAT' || how.v === 'LINEAR'));
      if (!filler) {
        throw new MathEvalError(
          `FILL fills a time series with a number, REPEAT or LINEAR, and an array of time series also with a time series, not with ${describeKind(how)}`,
        );
      }
      return perSeries(name, arg0!, (s) => fill(s, how, ctx));
    }
    case 'RATE':
      need(1);
      return perSeries(name, arg0!, (s) => consecutive(s, (dv, dt) => dv / dt, ctx));
    case 'DIFF':
      need(1);
      return perSeries(name, arg0!, (s) => consecutive(s, (dv) => dv, ctx));
    case 'DIFF_TIME':
      need(1);
      return perSeries(name, arg0!, (s) => consecutive(s, (_dv, dt) => dt, ctx));
    case 'RUNNING_SUM':
      need(1);
      return perSeries(name, arg0!, (s) => {
        let acc = 0;
        return mapSeries(s, (x) => (acc += x), ctx);
      });
    case 'IF':
      return ifFunction(args, ctx);
    case 'PERIOD':
      need(1);
      if (arg0!.kind !== 'series' || !arg0!.s.fromMetric) {
        throw new MathEvalError('PERIOD takes the id of a metric, not the result of an expression');
      }
      return scalar(arg0!.s.period);
    case 'METRICS': {
      const filter = arg0 ? (arg0.kind === 'string' ? arg0.v : undefined) : undefined;
      if (arg0 && filter === undefined) throw new MathEvalError('METRICS takes an optional string');
      return { kind: 'array', items: ctx.metrics(filter) };
    }
    case 'FIRST':
    case 'LAST': {
      need(1);
      const list = asSeriesList(name, arg0!);
      const pick = name === 'FIRST' ? list[0] : list[list.length - 1];
      if (!pick) throw new MathEvalError(`${name} of an empty array`);
      return series(pick);
    }
    case 'REMOVE_EMPTY':
      need(1);
      return { kind: 'array', items: asSeriesList(name, arg0!).filter((s) => s.t.length > 0) };
    case 'TIME_SERIES': {
      need(1);
      if (arg0!.kind !== 'scalar') throw new MathEvalError('TIME_SERIES takes a number');
      const m = new Map(ctx.grid(ctx.period).map((t) => [t, arg0!.kind === 'scalar' ? arg0!.v : 0]));
      return series(fromMap('TIME_SERIES', ctx.period, m, ctx.dropped));
    }
    case 'SORT': {
      need(3);
      const list = asSeriesList(name, arg0!);
      const fn = args[1];
      const order = args[2];
      const limitArg = args[3];
      if (
        fn?.kind !== 'keyword' ||
        !['AVG', 'MIN', 'MAX', 'SUM'].includes(fn.v) ||
        order?.kind !== 'keyword' ||
        (order.v !== 'ASC' && order.v !== 'DESC') ||
        (limitArg !== undefined && limitArg.kind !== 'scalar') ||
        args.length > 4
      )
        throw new MathEvalError(
          'SORT takes an array, AVG, MIN, MAX or SUM, ASC or DESC, and optionally a limit: SORT(METRICS(), AVG, DESC, 10)',
        );
      const key = (s: SeriesValue): number => {
        const v = aggregate(fn.v, series(s), ctx);
        return v.kind === 'scalar' ? v.v : 0;
      };
      const sorted = [...list].sort((a, b) => (order.v === 'DESC' ? key(b) - key(a) : key(a) - key(b)));
      const limit = limitArg?.kind === 'scalar' ? limitArg.v : sorted.length;
      return { kind: 'array', items: sorted.slice(0, limit) };
    }
    case 'SEARCH': {
      // User Guide, "CloudWatch search expression syntax": SEARCH('…', 'Statistic') takes the query's
      // period; the page's earlier form SEARCH('…', 'Statistic', Period) names its own.
      const [expression, stat, period] = args;
      if (
        (args.length !== 2 && args.length !== 3) ||
        expression?.kind !== 'string' ||
        stat?.kind !== 'string' ||
        (period !== undefined && period.kind !== 'scalar')
      ) {
        throw new MathEvalError(
          "SEARCH takes a search string, a statistic and optionally a period: SEARCH('{AWS/EC2,InstanceId} CPUUtilization', 'Average'[, 300])",
        );
      }
      return {
        kind: 'array',
        items: ctx.search(expression.v, stat.v, period?.kind === 'scalar' ? period.v : ctx.period),
      };
    }
    case 'MINUTE':
    case 'HOUR':
    case 'DAY':
    case 'DATE':
    case 'MONTH':
    case 'YEAR':
    case 'EPOCH':
      return calendar(name, args, ctx);
    case 'SLICE':
      return slice(args);
    default:
      throw new MathEvalError(unsupportedFunctionMessage(name));
  }
}
