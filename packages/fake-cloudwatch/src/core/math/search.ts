import type { CatalogMetric, MetricId } from '../scenario/types';
import { type PartialTerm, partialMatch, partialTerm } from './search-tokens';

/*
 * SEARCH() as the User Guide page "CloudWatch search expression syntax" documents it
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/search-expression-syntax.html):
 * an optional metric schema `{Namespace, Dim1, …}`, then terms matched by token (partial) or whole
 * string (double quotes), property designators (`MetricName=`, `Namespace=`, `<DimensionName>=`,
 * `:aws.AccountId=`), the case-sensitive operators AND, OR, NOT and parentheses. One linear scan reads
 * the text, a recursive descent over its tokens builds the tree; no regular expression is involved.
 */

/** "The maximum search expression query size is 1024 characters" (the page's Search expression limits). */
const SEARCH_MAX_LENGTH = 1024;
/** The account the simulated one is (`:aws.AccountId = '…'` matches it, as does 'LOCAL'). */
const ACCOUNT_ID = '123456789012';

type Term = PartialTerm | { kind: 'exact'; text: string };

/** Where a term looks: every name of the metric, or one property (a designator). */
type Target =
  | { kind: 'any' }
  | { kind: 'MetricName' }
  | { kind: 'Namespace' }
  | { kind: 'dimension'; name: string };

/** The search term as a boolean tree. */
type SearchNode =
  | { kind: 'and' | 'or'; items: SearchNode[] }
  | { kind: 'not'; item: SearchNode }
  | { kind: 'term'; target: Target; term: Term }
  | { kind: 'account'; local: boolean };

/** A parsed SEARCH() expression: an optional schema and an optional search term. */
export interface SearchSpec {
  schema?: { namespace: string; dimensions: string[] };
  filter?: SearchNode;
}

type Lexeme =
  | { kind: 'word' | 'exact' | 'single'; text: string; at: number }
  | { kind: 'punct'; text: '(' | ')' | '='; at: number };

const SPACE = new Set([' ', '\t', '\n', '\r']);
const WORD_END = new Set([...SPACE, '(', ')', '=', '"', "'", '{', '}']);
const SCHEMA_NAME_END = new Set([...SPACE, ',', '{', '}', '"', '(', ')']);
/**
 * "When you perform an exact match search, the following characters must be escaped with a backslash.
 * `" \\ ( )`" (the page's Non-alphanumeric characters). Its example, `"Europe\\\\France
 * Traffic\\(Network\\)"` for the name `Europe\France Traffic(Network)`, is written as metric math carries
 * it: the math string reads `\\\\` as one backslash (parse.ts), so SEARCH receives `\\` and `\(`.
 */
const ESCAPED = new Set(['"', '\\', '(', ')']);

/** Reads the text once: the schema, if it comes first, and the lexemes of the search term. */
function lex(text: string): { schema?: SearchSpec['schema']; lexemes: Lexeme[] } {
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && SPACE.has(text.charAt(i))) i++;
  };
  const quoted = (): string => {
    const open = i;
    const quote = text.charAt(i++);
    let value = '';
    while (i < text.length) {
      const c = text.charAt(i++);
      if (c === quote) return value;
      if (c === '\\') {
        const next = text.charAt(i++);
        if (!ESCAPED.has(next)) {
          throw new Error(
            `'\\${next}' at position ${i - 1} is not an escape: write \\" \\\\ \\( or \\), and in metric math \\\\\\\\ for one backslash`,
          );
        }
        value += next;
      } else {
        // An unescaped ( or ) is taken as itself: the page asks for the escape, but the service has been
        // reported to find `"My API (production)"` as written (grafana/grafana issue 20704).
        value += c;
      }
    }
    throw new Error(`the quote at position ${open + 1} is not closed`);
  };
  let schema: SearchSpec['schema'];
  skipSpace();
  if (text.charAt(i) === '{') {
    i++;
    const names: string[] = [];
    for (;;) {
      skipSpace();
      if (text.charAt(i) === '"') names.push(quoted());
      else {
        const start = i;
        while (i < text.length && !SCHEMA_NAME_END.has(text.charAt(i))) i++;
        if (i === start) {
          throw new Error(
            names.length === 0
              ? 'a metric schema names its namespace first, as in {AWS/EC2,InstanceId}'
              : `a name is missing in the metric schema at position ${i + 1}`,
          );
        }
        names.push(text.slice(start, i));
      }
      skipSpace();
      const c = text.charAt(i++);
      if (c === '}') break;
      if (c === ',') continue;
      throw new Error(
        c === ''
          ? 'the metric schema is not closed with }'
          : `unexpected '${c}' in the metric schema at position ${i}: names with spaces or other characters go in double quotes`,
      );
    }
    const [namespace = '', ...dimensions] = names;
    schema = { namespace, dimensions };
    skipSpace();
    if (text.charAt(i) === ',') i++;
  }
  const lexemes: Lexeme[] = [];
  while (i < text.length) {
    const c = text.charAt(i);
    const at = i;
    if (SPACE.has(c)) i++;
    else if (c === '(' || c === ')' || c === '=') {
      lexemes.push({ kind: 'punct', text: c, at });
      i++;
    } else if (c === '"') lexemes.push({ kind: 'exact', text: quoted(), at });
    else if (c === "'") lexemes.push({ kind: 'single', text: quoted(), at });
    else if (c === '{' || c === '}') {
      throw new Error(
        `'${c}' at position ${at + 1}: the metric schema {…} comes first, before any search term`,
      );
    } else {
      while (i < text.length && !WORD_END.has(text.charAt(i))) i++;
      lexemes.push({ kind: 'word', text: text.slice(at, i), at });
    }
  }
  return { schema, lexemes };
}

const OPERATORS = new Set(['AND', 'OR', 'NOT']);

function where(l: Lexeme | undefined): string {
  if (!l) return 'the end of the search';
  return `'${l.kind === 'exact' ? `"${l.text}"` : l.text}' at position ${l.at + 1}`;
}

/** The search term's tree, by recursive descent: OR of ANDs (implicit between terms) of NOTs of terms. */
function parseTerms(lexemes: Lexeme[]): SearchNode {
  let p = 0;
  const isWord = (l: Lexeme | undefined, w: string): boolean => l?.kind === 'word' && l.text === w;
  const isPunct = (l: Lexeme | undefined, c: string): boolean => l?.kind === 'punct' && l.text === c;
  const or = (): SearchNode => {
    const items = [and()];
    while (isWord(lexemes[p], 'OR')) {
      p++;
      items.push(and());
    }
    return items.length === 1 && items[0] ? items[0] : { kind: 'or', items };
  };
  const and = (): SearchNode => {
    const items = [not()];
    for (;;) {
      const l = lexemes[p];
      if (!l || isPunct(l, ')') || isWord(l, 'OR')) break;
      if (isWord(l, 'AND')) p++;
      items.push(not());
    }
    return items.length === 1 && items[0] ? items[0] : { kind: 'and', items };
  };
  const not = (): SearchNode => {
    if (!isWord(lexemes[p], 'NOT')) return primary();
    p++;
    return { kind: 'not', item: not() };
  };
  const primary = (): SearchNode => {
    const l = lexemes[p++];
    if (isPunct(l, '(')) {
      const inner = or();
      if (!isPunct(lexemes[p], ')')) throw new Error(`expected ')' but found ${where(lexemes[p])}`);
      p++;
      return inner;
    }
    if (!l || l.kind === 'punct' || (l.kind === 'word' && OPERATORS.has(l.text))) {
      throw new Error(`expected a search term but found ${where(l)}`);
    }
    if (isPunct(lexemes[p], '=')) {
      p++;
      return designator(l, lexemes[p++]);
    }
    if (l.kind === 'single') {
      throw new Error(
        `single quotes (${where(l)}) are for :aws.AccountId = 'LOCAL'; exact terms take double quotes`,
      );
    }
    return { kind: 'term', target: { kind: 'any' }, term: term(l) };
  };
  const term = (l: Lexeme): Term =>
    l.kind === 'exact' ? { kind: 'exact', text: l.text } : partialTerm(l.text);
  const designator = (key: Lexeme, value: Lexeme | undefined): SearchNode => {
    if (key.kind === 'single') throw new Error(`a property name (${where(key)}) is not single-quoted`);
    if (!value || value.kind === 'punct' || (value.kind === 'word' && OPERATORS.has(value.text))) {
      throw new Error(`${key.text}= takes one term, as in ${key.text}="value", but found ${where(value)}`);
    }
    if (key.kind === 'word' && key.text === ':aws.AccountId') {
      return { kind: 'account', local: value.text === 'LOCAL' || value.text === ACCOUNT_ID };
    }
    if (value.kind === 'single') {
      throw new Error(
        `single quotes (${where(value)}) are for :aws.AccountId = 'LOCAL'; exact terms take double quotes`,
      );
    }
    const target: Target =
      key.kind === 'word' && (key.text === 'MetricName' || key.text === 'Namespace')
        ? { kind: key.text }
        : { kind: 'dimension', name: key.text };
    return { kind: 'term', target, term: term(value) };
  };
  const tree = or();
  if (p < lexemes.length) throw new Error(`unexpected ${where(lexemes[p])}`);
  return tree;
}

/** Parses the search text of `SEARCH('…', …)`; throws an Error naming the problem and its position. */
export function parseSearch(text: string): SearchSpec {
  if (text.length > SEARCH_MAX_LENGTH) {
    throw new Error(
      `the search is ${text.length} characters long; a search expression query holds at most ${SEARCH_MAX_LENGTH}`,
    );
  }
  const { schema, lexemes } = lex(text);
  if (!schema && lexemes.length === 0) {
    throw new Error('a search needs a metric schema such as {AWS/EC2,InstanceId}, a search term, or both');
  }
  return { ...(schema ? { schema } : {}), ...(lexemes.length > 0 ? { filter: parseTerms(lexemes) } : {}) };
}

function holds(node: SearchNode, id: MetricId): boolean {
  switch (node.kind) {
    case 'and':
      return node.items.every((n) => holds(n, id));
    case 'or':
      return node.items.some((n) => holds(n, id));
    case 'not':
      return !holds(node.item, id);
    case 'account':
      return node.local;
    case 'term': {
      const { term, target } = node;
      const test = (s: string): boolean => (term.kind === 'exact' ? s === term.text : partialMatch(term, s));
      if (target.kind === 'MetricName') return test(id.name);
      if (target.kind === 'Namespace') return test(id.namespace);
      if (target.kind === 'dimension') {
        return Object.hasOwn(id.dimensions, target.name) && test(id.dimensions[target.name] ?? '');
      }
      return (
        test(id.namespace) ||
        test(id.name) ||
        Object.entries(id.dimensions).some(([k, v]) => test(k) || test(v))
      );
    }
  }
}

/**
 * True when a metric matches the search: in the schema's namespace with exactly its dimensions (the page:
 * "searches the AWS/EC2 namespace for any metrics that have InstanceId as a dimension name"), and the term.
 */
export function matchesSearch(metric: CatalogMetric, spec: SearchSpec): boolean {
  const { id } = metric;
  if (spec.schema) {
    if (id.namespace !== spec.schema.namespace) return false;
    const dims = Object.keys(id.dimensions).sort();
    const want = [...new Set(spec.schema.dimensions)].sort();
    if (dims.length !== want.length || dims.some((d, i) => d !== want[i])) return false;
  }
  return spec.filter === undefined || holds(spec.filter, id);
}

/** "A graph can display as many as 500 time series" (the page's Search expression limits). */
const SEARCH_MAX_SERIES = 500;

/**
 * The metrics a search finds, the first 500 of them; `cut` hears when more matched (the call-level code
 * Grafana's CloudWatch data source handles for it is MaxMetricsExceeded).
 */
export function findMetrics(
  metrics: CatalogMetric[],
  spec: SearchSpec,
  cut: () => void = () => {},
): CatalogMetric[] {
  const found = metrics.filter((m) => matchesSearch(m, spec));
  if (found.length <= SEARCH_MAX_SERIES) return found;
  cut();
  return found.slice(0, SEARCH_MAX_SERIES);
}

/** The label of a search result: its dimension values, plus the metric name when several names matched. */
export function searchLabel(metric: CatalogMetric, withName: boolean): string {
  const values = Object.keys(metric.id.dimensions)
    .sort()
    .map((k) => metric.id.dimensions[k]);
  return [...values, ...(withName ? [metric.id.name] : [])].join(' ') || metric.id.name;
}
