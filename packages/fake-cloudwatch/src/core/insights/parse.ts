/** A parsed Metrics Insights query (the subset the simulated account supports). */
export interface InsightsQuery {
  func: InsightsFunction;
  metric: string;
  namespace: string;
  /** Exact dimension set from SCHEMA(namespace, k1, k2); undefined with a plain FROM namespace. */
  schema?: string[];
  where: { key: string; op: '=' | '!='; value: string }[];
  groupBy: string[];
  orderBy?: { func: InsightsFunction; dir: 'ASC' | 'DESC' };
  limit: number;
}

export const insightsFunctions = ['AVG', 'SUM', 'MIN', 'MAX', 'COUNT'] as const;
export type InsightsFunction = (typeof insightsFunctions)[number];

export class InsightsSyntaxError extends Error {}

type Tok = { kind: 'word' | 'dq' | 'sq' | 'num' | 'punct'; text: string };

function tokenize(sql: string): Tok[] {
  const out: Tok[] = [];
  const re = /\s*(?:("(?:[^"\\]|\\.)*")|('(?:[^'\\]|\\.)*')|(\d+)|([A-Za-z_][A-Za-z0-9_./-]*)|(!=|[(),=*]))/y;
  let i = 0;
  while (i < sql.length) {
    if (/^\s*$/.test(sql.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(sql);
    if (!m) throw new InsightsSyntaxError(`unexpected text at '${sql.slice(i).trim().slice(0, 20)}'`);
    if (m[1]) out.push({ kind: 'dq', text: m[1].slice(1, -1).replace(/\\(.)/g, '$1') });
    else if (m[2]) out.push({ kind: 'sq', text: m[2].slice(1, -1).replace(/\\(.)/g, '$1') });
    else if (m[3]) out.push({ kind: 'num', text: m[3] });
    else if (m[4]) out.push({ kind: 'word', text: m[4] });
    else if (m[5]) out.push({ kind: 'punct', text: m[5] });
    i = re.lastIndex;
  }
  return out;
}

/** Parses `SELECT FUNC(Metric) FROM ns|SCHEMA(ns, …) [WHERE …] [GROUP BY …] [ORDER BY FUNC() ASC|DESC] [LIMIT n]`. */
export function parseInsights(sql: string): InsightsQuery {
  const toks = tokenize(sql);
  let p = 0;
  const peek = (): Tok | undefined => toks[p];
  const next = (): Tok => {
    const t = toks[p++];
    if (!t) throw new InsightsSyntaxError('the query ends too early');
    return t;
  };
  const keyword = (w: string): boolean => {
    const t = peek();
    if (t?.kind === 'word' && t.text.toUpperCase() === w) {
      p++;
      return true;
    }
    return false;
  };
  const expectKeyword = (w: string): void => {
    if (!keyword(w)) throw new InsightsSyntaxError(`expected ${w}`);
  };
  const expectPunct = (c: string): void => {
    const t = next();
    if (t.kind !== 'punct' || t.text !== c)
      throw new InsightsSyntaxError(`expected '${c}' but found '${t.text}'`);
  };
  const name = (): string => {
    const t = next();
    if (t.kind === 'word' || t.kind === 'dq') return t.text;
    throw new InsightsSyntaxError(`expected a name but found '${t.text}'`);
  };
  const func = (): InsightsFunction => {
    const f = name().toUpperCase();
    if (!(insightsFunctions as readonly string[]).includes(f)) {
      throw new InsightsSyntaxError(
        `${f} is not a Metrics Insights function (use AVG, SUM, MIN, MAX or COUNT)`,
      );
    }
    return f as InsightsFunction;
  };

  expectKeyword('SELECT');
  const f = func();
  expectPunct('(');
  const metric = name();
  expectPunct(')');
  expectKeyword('FROM');
  let namespace: string;
  let schema: string[] | undefined;
  if (keyword('SCHEMA')) {
    expectPunct('(');
    namespace = name();
    schema = [];
    while (peek()?.text === ',') {
      next();
      schema.push(name());
    }
    expectPunct(')');
  } else {
    namespace = name();
  }
  const where: InsightsQuery['where'] = [];
  if (keyword('WHERE')) {
    do {
      const key = name();
      const op = next();
      if (op.kind !== 'punct' || (op.text !== '=' && op.text !== '!=')) {
        throw new InsightsSyntaxError(`WHERE compares with = or !=, not '${op.text}'`);
      }
      const value = next();
      if (value.kind !== 'sq')
        throw new InsightsSyntaxError(`label values are in single quotes, as in ${key} = 'value'`);
      where.push({ key, op: op.text, value: value.text });
    } while (keyword('AND'));
  }
  const groupBy: string[] = [];
  if (keyword('GROUP')) {
    expectKeyword('BY');
    groupBy.push(name());
    while (peek()?.text === ',') {
      next();
      groupBy.push(name());
    }
  }
  let orderBy: InsightsQuery['orderBy'];
  if (keyword('ORDER')) {
    expectKeyword('BY');
    const of = func();
    expectPunct('(');
    expectPunct(')');
    const dir = keyword('DESC') ? 'DESC' : 'ASC';
    if (dir === 'ASC') keyword('ASC');
    orderBy = { func: of, dir };
  }
  let limit = 500;
  if (keyword('LIMIT')) {
    const n = next();
    if (n.kind !== 'num' || Number(n.text) < 1 || Number(n.text) > 500) {
      throw new InsightsSyntaxError('LIMIT is a number from 1 to 500');
    }
    limit = Number(n.text);
  }
  const rest = peek();
  if (rest) throw new InsightsSyntaxError(`unexpected '${rest.text}'`);
  return { func: f, metric, namespace, schema, where, groupBy, orderBy, limit };
}
