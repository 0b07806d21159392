import { isReservedName } from './reserved';
import { InsightsSyntaxError, type Lexeme, tokenize } from './tokenize';

export { InsightsSyntaxError } from './tokenize';

const FUNCTIONS = ['AVG', 'COUNT', 'MAX', 'MIN', 'SUM'] as const;
export type InsightsFunction = (typeof FUNCTIONS)[number];

/** A WHERE condition: label comparisons joined by AND and OR, grouped by parentheses. */
export type InsightsCondition =
  | { kind: 'and'; items: InsightsCondition[] }
  | { kind: 'or'; items: InsightsCondition[] }
  | { kind: 'compare'; key: string; op: '=' | '!='; value: string };

/** A parsed Metrics Insights query. */
export interface InsightsQuery {
  func: InsightsFunction;
  metric: string;
  namespace: string;
  /** Exact dimension set from SCHEMA(namespace, k1, k2); undefined with a plain FROM namespace. */
  schema?: string[];
  where?: InsightsCondition;
  groupBy: string[];
  orderBy?: { func: InsightsFunction; dir: 'ASC' | 'DESC' };
  limit: number;
}

/** `MetricDataQuery.Expression` holds at most 2048 characters (API model, shape MetricExpression). */
const EXPRESSION_MAX_LENGTH = 2048;
/** "The maximum value that you can specify is 500" (LIMIT), also the most a query returns. */
const MAX_LIMIT = 500;

function where(l: Lexeme | undefined): string {
  if (!l) return 'the end of the query';
  const shown = l.kind === 'name' ? `"${l.text}"` : l.kind === 'value' ? `'${l.text}'` : l.text;
  return `${shown} at position ${l.at + 1}`;
}

/**
 * Parses a query as the User Guide page "Metrics Insights query components and syntax" gives it:
 *
 *   SELECT FUNCTION(metricName) FROM namespace | SCHEMA(namespace[, labelKey …])
 *   [ WHERE labelKey =|!= 'labelValue' [AND|OR …] ] [ GROUP BY labelKey [, …] ]
 *   [ ORDER BY FUNCTION() [DESC|ASC] ] [ LIMIT number ]
 *
 * Keywords in any case; names unquoted only when made of letters, numbers and underscores and not a
 * reserved keyword ("Metrics Insights reserved keywords"); OR and parentheses in WHERE as the Amazon
 * Managed Grafana User Guide's "Query syntax and keywords" gives the service's syntax
 * (`[AND|OR|([...])*]`). Throws InsightsSyntaxError naming the problem and where it is.
 */
export function parseInsights(sql: string): InsightsQuery {
  if (sql.length > EXPRESSION_MAX_LENGTH) {
    throw new InsightsSyntaxError(
      `the query is ${sql.length} characters long; an Expression holds at most ${EXPRESSION_MAX_LENGTH}`,
    );
  }
  const lexemes = tokenize(sql);
  let p = 0;
  const peek = (): Lexeme | undefined => lexemes[p];
  const isKeyword = (l: Lexeme | undefined, w: string): boolean =>
    l?.kind === 'word' && l.text.toUpperCase() === w;
  const keyword = (w: string): boolean => {
    if (!isKeyword(peek(), w)) return false;
    p++;
    return true;
  };
  const expectKeyword = (w: string, after: string): void => {
    if (!keyword(w)) throw new InsightsSyntaxError(`expected ${w} ${after} but found ${where(peek())}`);
  };
  const isPunct = (l: Lexeme | undefined, c: string): boolean => l?.kind === 'punct' && l.text === c;
  const expectPunct = (c: string, what: string): void => {
    if (!isPunct(peek(), c))
      throw new InsightsSyntaxError(`expected '${c}' ${what} but found ${where(peek())}`);
    p++;
  };
  const name = (what: string): string => {
    const l = lexemes[p++];
    if (l?.kind === 'name') return l.text;
    if (l?.kind === 'word') {
      if (isReservedName(l.text)) {
        throw new InsightsSyntaxError(
          `${l.text} at position ${l.at + 1} is a reserved keyword of Metrics Insights; as ${what} it goes in double quotes: "${l.text}"`,
        );
      }
      return l.text;
    }
    if (l?.kind === 'value') {
      throw new InsightsSyntaxError(
        `${what} goes in double quotes or none, not single quotes: "${l.text}" at position ${l.at + 1}`,
      );
    }
    throw new InsightsSyntaxError(`expected ${what} but found ${where(l)}`);
  };
  const func = (clause: string): InsightsFunction => {
    const l = lexemes[p++];
    const f = l?.kind === 'word' ? l.text.toUpperCase() : '';
    if (!(FUNCTIONS as readonly string[]).includes(f)) {
      throw new InsightsSyntaxError(
        `${clause} takes one of the functions AVG, COUNT, MAX, MIN or SUM, not ${where(l)}`,
      );
    }
    return f as InsightsFunction;
  };
  const names = (what: string): string[] => {
    const out = [name(what)];
    while (isPunct(peek(), ',')) {
      p++;
      out.push(name(what));
    }
    return out;
  };

  const condition = (): InsightsCondition => {
    const items = [conjunction()];
    while (keyword('OR')) items.push(conjunction());
    return items.length === 1 && items[0] ? items[0] : { kind: 'or', items };
  };
  const conjunction = (): InsightsCondition => {
    const items = [comparison()];
    while (keyword('AND')) items.push(comparison());
    return items.length === 1 && items[0] ? items[0] : { kind: 'and', items };
  };
  const comparison = (): InsightsCondition => {
    if (isPunct(peek(), '(')) {
      p++;
      const inner = condition();
      expectPunct(')', 'to close the group');
      return inner;
    }
    const key = name('a label key');
    const op = lexemes[p++];
    if (op?.kind !== 'punct' || (op.text !== '=' && op.text !== '!=')) {
      throw new InsightsSyntaxError(`WHERE compares a label with = or !=, not ${where(op)}`);
    }
    const value = lexemes[p++];
    if (value?.kind !== 'value') {
      throw new InsightsSyntaxError(
        `label values are always in single quotes, as in ${key} ${op.text} 'value', not ${where(value)}`,
      );
    }
    return { kind: 'compare', key, op: op.text, value: value.text };
  };

  expectKeyword('SELECT', 'at the start');
  const f = func('SELECT');
  expectPunct('(', `after ${f}`);
  const metric = name('a metric name');
  expectPunct(')', 'after the metric name');
  expectKeyword('FROM', 'after SELECT');
  let namespace: string;
  let schema: string[] | undefined;
  if (keyword('SCHEMA')) {
    expectPunct('(', 'after SCHEMA');
    namespace = name('a namespace');
    schema = [];
    while (isPunct(peek(), ',')) {
      p++;
      schema.push(name('a label key'));
    }
    expectPunct(')', 'to close SCHEMA');
  } else {
    namespace = name('a namespace');
  }
  const query: InsightsQuery = { func: f, metric, namespace, groupBy: [], limit: MAX_LIMIT };
  if (schema) query.schema = schema;
  if (keyword('WHERE')) query.where = condition();
  if (keyword('GROUP')) {
    expectKeyword('BY', 'after GROUP');
    query.groupBy = names('a label key');
  }
  if (keyword('ORDER')) {
    expectKeyword('BY', 'after ORDER');
    const of = func('ORDER BY');
    expectPunct('(', `after ${of}`);
    expectPunct(')', `after ${of}( (ORDER BY functions take no argument)`);
    let dir: 'ASC' | 'DESC' = 'ASC';
    if (keyword('DESC')) dir = 'DESC';
    else keyword('ASC');
    query.orderBy = { func: of, dir };
  }
  if (keyword('LIMIT')) {
    const n = lexemes[p++];
    const value = n?.kind === 'number' ? Number(n.text) : Number.NaN;
    if (!(value >= 1 && value <= MAX_LIMIT)) {
      throw new InsightsSyntaxError(`LIMIT is a whole number from 1 to ${MAX_LIMIT}, not ${where(n)}`);
    }
    query.limit = value;
  }
  if (p < lexemes.length) throw new InsightsSyntaxError(`unexpected ${where(peek())}`);
  return query;
}
