import type { KpiQuery } from '../../domain/kpi/query-schema';
import { type Token, tokenize } from './expression';

/**
 * How a query's answer for one period depends on the window it is asked over, which decides whether a
 * series cache may fetch only the newest periods and keep the rest:
 * - pointwise: each period's value depends on that period alone, so a fetch of the tail equals the same
 *   periods of a fetch of the whole window;
 * - lookback: each value also depends on the previous datapoint (DIFF, RATE, DIFF_TIME), so the tail is
 *   fetched one period early and that first point dropped;
 * - whole: the answer depends on the whole window or on what exists in it (RUNNING_SUM, FILL with
 *   REPEAT/LINEAR, SORT, SEARCH, Metrics Insights…): always fetched whole.
 */
export type Incrementality = 'pointwise' | 'lookback' | 'whole';

type FunctionClass =
  /** The value at t from the arguments at t. */
  | 'pointwise'
  /** SUM/AVG/MIN/MAX/STDDEV/DATAPOINT_COUNT: across an array at each t, but one number over the window of a single series. */
  | 'aggregate'
  /** FILL(x, number | series) at each t; FILL(x, REPEAT | LINEAR) reads neighbouring datapoints. */
  | 'fill'
  | 'lookback'
  | 'whole';

/**
 * The metric math functions of "Metric math syntax and functions" in the CloudWatch User Guide
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html#metric-math-syntax),
 * classed by how much of the window each value depends on. A function not in this table is fetched whole.
 */
const FUNCTIONS: Record<string, FunctionClass> = {
  ABS: 'pointwise',
  CEIL: 'pointwise',
  FLOOR: 'pointwise',
  LOG: 'pointwise',
  LOG10: 'pointwise',
  IF: 'pointwise',
  // Constants of the request, not of the window.
  PERIOD: 'pointwise',
  METRIC_COUNT: 'pointwise',
  TIME_SERIES: 'pointwise',
  // Pick series of an array by position.
  FIRST: 'pointwise',
  LAST: 'pointwise',
  // The planner replaces METRICS() by the KPI's own metrics as an explicit array.
  METRICS: 'pointwise',
  // Parts of each datapoint's timestamp.
  MINUTE: 'pointwise',
  HOUR: 'pointwise',
  DAY: 'pointwise',
  DATE: 'pointwise',
  MONTH: 'pointwise',
  YEAR: 'pointwise',
  EPOCH: 'pointwise',
  // The band comes from the anomaly detection model trained on the metric's history (User Guide, "Using
  // CloudWatch anomaly detection"), not from the other datapoints of the window asked for.
  ANOMALY_DETECTION_BAND: 'pointwise',
  SUM: 'aggregate',
  AVG: 'aggregate',
  MIN: 'aggregate',
  MAX: 'aggregate',
  STDDEV: 'aggregate',
  DATAPOINT_COUNT: 'aggregate',
  FILL: 'fill',
  DIFF: 'lookback',
  RATE: 'lookback',
  DIFF_TIME: 'lookback',
  RUNNING_SUM: 'whole',
  REMOVE_EMPTY: 'whole',
  SORT: 'whole',
  SLICE: 'whole',
  // Which metrics match can change from one call to the next.
  SEARCH: 'whole',
  INSIGHT_RULE_METRIC: 'whole',
  SERVICE_QUOTA: 'whole',
  LAMBDA: 'whole',
  DB_PERF_INSIGHTS: 'whole',
};

/** Functions that keep a series' timestamps, so they may wrap a lookback call without hiding its gaps. */
const KEEPS_TIMESTAMPS = new Set(['ABS', 'CEIL', 'FLOOR', 'LOG', 'LOG10']);

type Node =
  /** `text`: the call as written, spaces removed, so equal calls are known to be equal. */
  | { kind: 'call'; name: string; args: Node[]; text: string }
  | { kind: 'array'; items: Node[] }
  | { kind: 'ref' }
  | { kind: 'const' }
  | { kind: 'keyword'; name: string }
  /** Operands joined by operators; precedence does not matter here. */
  | { kind: 'ops'; operands: Node[] };

/** How a query may be cached; see Incrementality. */
export function incrementality(query: KpiQuery): Incrementality {
  if (query.kind === 'metric') return 'pointwise';
  if (query.kind === 'insights') return insightsIncrementality(query.sql);
  const tree = parse(query.expression);
  if (!tree) return 'whole';
  const lookbacks = lookbackCalls(tree);
  if (lookbacks === undefined) return 'whole';
  if (lookbacks.length === 0) return isPointwise(tree) ? 'pointwise' : 'whole';
  // Each DIFF/RATE/DIFF_TIME takes one pointwise argument, the rest of the expression is pointwise, and
  // the result has a point at t only where every lookback call has one: then a cached point just before
  // the tail proves the datapoint each call's first new value is computed from (see decideFetch).
  if (!isPointwise(tree, true)) return 'whole';
  const guaranteed = guaranteedBy(tree);
  return lookbacks.every((call) => guaranteed.has(call.text)) ? 'lookback' : 'whole';
}

/**
 * A Metrics Insights query without GROUP BY, ORDER BY or LIMIT answers one series: at each period, the
 * aggregate over the matching metrics' datapoints of that period. A period's value depends on that period
 * alone, so it is cached like a metric. With GROUP BY the series are as many as the groups seen in the
 * window, and with ORDER BY … LIMIT the groups kept are ranked by their aggregate over the whole window
 * ("Metrics Insights query components and syntax" in the CloudWatch User Guide): a tail asked alone would
 * rank the groups over the tail and could keep others, so such a query is fetched whole. Merging a tail
 * into a cached whole-window ranking would be exact only for a SUM/MIN/MAX/COUNT ranking recomputed from
 * every group's series, which needs the query without its LIMIT (every group's series, every refresh).
 */
function insightsIncrementality(sql: string): Incrementality {
  const outsideLiterals = sql.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, ' ');
  return /\b(GROUP\s+BY|ORDER\s+BY|LIMIT)\b/i.test(outsideLiterals) ? 'whole' : 'pointwise';
}

function classOf(name: string): FunctionClass {
  return FUNCTIONS[name] ?? 'whole';
}

/** True when every value depends on its own period only (with `lookbackLeaves`, lookback calls count as such). */
function isPointwise(node: Node, lookbackLeaves = false): boolean {
  const inner = (n: Node): boolean => isPointwise(n, lookbackLeaves);
  switch (node.kind) {
    case 'ref':
    case 'const':
    case 'keyword':
      return true;
    case 'array':
      return node.items.every(inner);
    case 'ops':
      return node.operands.every(inner);
    case 'call': {
      const kind = classOf(node.name);
      if (kind === 'lookback' && lookbackLeaves) return true;
      if (!node.args.every(inner)) return false;
      if (kind === 'pointwise') return true;
      if (kind === 'aggregate') return node.args.length === 1 && isArray(node.args[0]);
      if (kind === 'fill') {
        const how = node.args[1];
        return (
          how !== undefined && !(how.kind === 'keyword' && (how.name === 'REPEAT' || how.name === 'LINEAR'))
        );
      }
      return false;
    }
  }
}

function isArray(node: Node | undefined): boolean {
  return node?.kind === 'array' || (node?.kind === 'call' && node.name === 'METRICS');
}

/**
 * The lookback calls of an expression, each with one pointwise argument; undefined when one is nested
 * in another (a second difference needs two periods before the tail) or takes other arguments.
 */
function lookbackCalls(node: Node, inside = false): Extract<Node, { kind: 'call' }>[] | undefined {
  const children =
    node.kind === 'call'
      ? node.args
      : node.kind === 'array'
        ? node.items
        : node.kind === 'ops'
          ? node.operands
          : [];
  const own = node.kind === 'call' && classOf(node.name) === 'lookback';
  if (own && (inside || node.args.length !== 1 || !isPointwise(node.args[0]!))) return undefined;
  const found: Extract<Node, { kind: 'call' }>[] = own ? [node] : [];
  for (const child of children) {
    const more = lookbackCalls(child, inside || own);
    if (!more) return undefined;
    found.push(...more);
  }
  return found;
}

/**
 * The lookback calls (by text) that have a point wherever the node has one. Series combine on the union
 * of their timestamps and a number keeps the series' (metric math docs: missing values count as 0), IF
 * answers only where its condition has a point, and ABS/CEIL/FLOOR/LOG/LOG10 keep the timestamps.
 */
function guaranteedBy(node: Node): Set<string> {
  if (node.kind === 'call') {
    if (classOf(node.name) === 'lookback') return new Set([node.text]);
    if (node.name === 'IF' || (KEEPS_TIMESTAMPS.has(node.name) && node.args.length === 1)) {
      return node.args[0] ? guaranteedBy(node.args[0]) : new Set();
    }
    return new Set();
  }
  if (node.kind !== 'ops') return new Set();
  const series = node.operands.filter((o) => !isConstant(o));
  if (series.length === 0) return new Set();
  const [first, ...rest] = series.map(guaranteedBy);
  return new Set([...first!].filter((text) => rest.every((g) => g.has(text))));
}

function isConstant(node: Node): boolean {
  return node.kind === 'const' || (node.kind === 'ops' && node.operands.every(isConstant));
}

const OPERATORS = new Set(['+', '-', '*', '/', '^', '<', '>', '=', '!', '&', '|']);

/** A tolerant parse of a metric math expression into the shape above; undefined when it does not parse. */
function parse(expression: string): Node | undefined {
  const tokenized = tokenize(expression);
  if (!tokenized.ok) return undefined;
  const tokens = tokenized.tokens.filter((t) => t.kind !== 'space');
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isOperator = (t: Token | undefined): boolean =>
    t !== undefined &&
    ((t.kind === 'punct' && OPERATORS.has(t.text)) ||
      (t.kind === 'ident' && (t.text === 'AND' || t.text === 'OR')));

  const list = (close: string): Node[] | undefined => {
    const items: Node[] = [];
    if (peek()?.text === close) {
      at++;
      return items;
    }
    for (;;) {
      const item = expr();
      if (!item) return undefined;
      items.push(item);
      const next = tokens[at++];
      if (next?.text === close) return items;
      if (next?.text !== ',') return undefined;
    }
  };

  const term = (): Node | undefined => {
    const token = tokens[at++];
    if (!token) return undefined;
    if (token.kind === 'number' || token.kind === 'string') return { kind: 'const' };
    if (token.kind === 'punct') {
      if (token.text === '-' || token.text === '+' || token.text === '!') return term();
      if (token.text === '(') {
        const inner = expr();
        return inner && tokens[at++]?.text === ')' ? inner : undefined;
      }
      if (token.text === '[') {
        const items = list(']');
        return items && { kind: 'array', items };
      }
      return undefined;
    }
    if (token.kind !== 'ident') return undefined;
    if (peek()?.text === '(') {
      const from = at - 1;
      at++;
      const args = list(')');
      const text = tokens
        .slice(from, at)
        .map((t) => t.text)
        .join('');
      return args && { kind: 'call', name: token.text, args, text };
    }
    return /^[a-z]/.test(token.text) ? { kind: 'ref' } : { kind: 'keyword', name: token.text };
  };

  const expr = (): Node | undefined => {
    const first = term();
    if (!first) return undefined;
    const operands = [first];
    while (isOperator(peek())) {
      // Two-character operators (==, <=, &&, ||) arrive as two punctuation tokens.
      while (isOperator(peek())) at++;
      const next = term();
      if (!next) return undefined;
      operands.push(next);
    }
    return operands.length === 1 ? first : { kind: 'ops', operands };
  };

  const tree = expr();
  return tree && at === tokens.length ? tree : undefined;
}
