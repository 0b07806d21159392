/**
 * Metric-math expressions are rewritten token by token, never with string replacement: a KPI's own
 * names (errors, requests) become the ids of the batched call (m3, m7), while function names (all
 * upper case in metric math), numbers and string literals such as SEARCH('...') are left alone.
 */

type TokenKind = 'ident' | 'string' | 'number' | 'space' | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
}

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; error: string };

const SPACE_RE = /\s+/y;
const NUMBER_RE = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENT_RE = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Splits an expression into tokens; fails only on an unterminated string literal. */
export function tokenize(expression: string): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const ch = expression[i] ?? '';
    if (ch === "'" || ch === '"') {
      const end = findStringEnd(expression, i);
      if (end === undefined) {
        return { ok: false, error: `the string starting at character ${i + 1} is never closed with ${ch}` };
      }
      tokens.push({ kind: 'string', text: expression.slice(i, end + 1) });
      i = end + 1;
      continue;
    }
    const matched =
      match(SPACE_RE, 'space', expression, i) ??
      match(IDENT_RE, 'ident', expression, i) ??
      match(NUMBER_RE, 'number', expression, i);
    const token = matched ?? { kind: 'punct' as const, text: ch };
    tokens.push(token);
    i += token.text.length;
  }
  return { ok: true, tokens };
}

export type RewriteResult =
  | { ok: true; expression: string; referenced: string[] }
  | { ok: false; error: string };

/**
 * Replaces the KPI's metric names with planned query ids, and METRICS() / METRICS('x') with the
 * explicit array of the KPI's own (matching) metrics, because in a batched call METRICS() would
 * also pick up every other KPI's metrics.
 */
export function rewriteExpression(expression: string, ids: Record<string, string>): RewriteResult {
  const tokenized = tokenize(expression);
  if (!tokenized.ok) return tokenized;
  const tokens = tokenized.tokens;
  const names = Object.keys(ids);
  const referenced = new Set<string>();
  const brackets: string[] = [];
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'punct') {
      if (token.text === '(' || token.text === '[') brackets.push(token.text);
      if (token.text === ')' || token.text === ']') brackets.pop();
      out += token.text;
      continue;
    }
    if (token.kind !== 'ident') {
      out += token.text;
      continue;
    }
    if (token.text === 'METRICS') {
      const call = readMetricsCall(tokens, i);
      if (!call)
        return {
          ok: false,
          error: "METRICS takes nothing or one string, as in METRICS() or METRICS('errors')",
        };
      const matching = names.filter((name) => call.filter === undefined || name.includes(call.filter));
      if (matching.length === 0) {
        const what = call.filter === undefined ? 'METRICS()' : `METRICS('${call.filter}')`;
        const have = names.length ? `its metrics are ${names.join(', ')}` : 'it defines no metrics';
        return { ok: false, error: `${what} matches none of this KPI's metrics (${have})` };
      }
      for (const name of matching) referenced.add(name);
      const list = matching.map((name) => ids[name]).join(', ');
      out += brackets.at(-1) === '[' ? list : `[${list}]`;
      i = call.end;
      continue;
    }
    if (/^[a-z]/.test(token.text)) {
      const id = ids[token.text];
      if (id === undefined) {
        const have = names.length
          ? `define it under metrics (it has ${names.join(', ')})`
          : 'define it under metrics';
        return {
          ok: false,
          error: `the expression uses '${token.text}', which is not one of its metrics: ${have}`,
        };
      }
      referenced.add(token.text);
      out += id;
      continue;
    }
    out += token.text;
  }
  return { ok: true, expression: out, referenced: [...referenced] };
}

function findStringEnd(text: string, start: number): number | undefined {
  const quote = text[start];
  for (let j = start + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === quote) return j;
  }
  return undefined;
}

function match(re: RegExp, kind: TokenKind, text: string, at: number): Token | undefined {
  re.lastIndex = at;
  const m = re.exec(text);
  return m && m[0].length > 0 ? { kind, text: m[0] } : undefined;
}

/** Reads `METRICS ( 'filter'? )` starting at tokens[at]; returns the filter and the index of ")". */
function readMetricsCall(tokens: Token[], at: number): { filter?: string; end: number } | undefined {
  let j = skipSpace(tokens, at + 1);
  if (tokens[j]?.text !== '(') return undefined;
  j = skipSpace(tokens, j + 1);
  let filter: string | undefined;
  const maybeString = tokens[j];
  if (maybeString?.kind === 'string') {
    filter = maybeString.text.slice(1, -1);
    j = skipSpace(tokens, j + 1);
  }
  if (tokens[j]?.text !== ')') return undefined;
  return filter === undefined ? { end: j } : { filter, end: j };
}

function skipSpace(tokens: Token[], from: number): number {
  let j = from;
  while (tokens[j]?.kind === 'space') j++;
  return j;
}
