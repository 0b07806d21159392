import { type BinaryOp, MathSyntaxError, type Node } from './ast';

type Token =
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'str'; value: string; pos: number }
  | { kind: 'word'; value: string; pos: number }
  | { kind: 'op'; value: string; pos: number }
  | { kind: 'end'; pos: number };

const OPERATORS = [
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '^',
  '(',
  ')',
  '[',
  ']',
  ',',
];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (num) {
      tokens.push({ kind: 'num', value: Number(num[0]), pos: i });
      i += num[0].length;
      continue;
    }
    if (c === '"' || c === "'" || c === '\u201c') {
      const close = c === '\u201c' ? '\u201d' : c;
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== close) {
        const next = text[j + 1];
        if (text[j] === '\\' && next !== undefined) {
          // `\\` and an escaped closing quote stand for one character; any other escape is the
          // string's own (a SEARCH term's `\"` or `\(`), kept for the function that reads it.
          value += next === '\\' || next === close ? next : `\\${next}`;
          j += 2;
          continue;
        }
        value += text[j];
        j++;
      }
      if (j >= text.length) throw new MathSyntaxError('a quoted string is not closed', i);
      tokens.push({ kind: 'str', value, pos: i });
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (word) {
      tokens.push({ kind: 'word', value: word[0], pos: i });
      i += word[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) throw new MathSyntaxError(`unexpected character '${c}'`, i);
    tokens.push({ kind: 'op', value: op, pos: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', pos: text.length });
  return tokens;
}

/**
 * Parses a CloudWatch metric math expression: numbers, ids, strings, + - * / ^, unary minus,
 * comparisons, AND/OR (&&/||), arrays and upper-case function calls.
 */
export function parseMath(text: string): Node {
  const tokens = tokenize(text);
  let p = 0;
  const peek = (): Token => tokens[p] ?? { kind: 'end', pos: text.length };
  const next = (): Token => tokens[p++] ?? { kind: 'end', pos: text.length };
  const isOp = (t: Token, v: string): boolean => t.kind === 'op' && t.value === v;
  const isWord = (t: Token, v: string): boolean => t.kind === 'word' && t.value === v;
  const expect = (v: string): void => {
    const t = next();
    if (!isOp(t, v)) throw new MathSyntaxError(`expected '${v}'`, t.pos);
  };

  const binaryLevel = (ops: string[], sub: () => Node, words: Record<string, BinaryOp> = {}): Node => {
    let left = sub();
    for (;;) {
      const t = peek();
      let op: BinaryOp | undefined;
      if (t.kind === 'op' && ops.includes(t.value))
        op = (t.value === '&&' ? 'AND' : t.value === '||' ? 'OR' : t.value) as BinaryOp;
      if (t.kind === 'word' && words[t.value]) op = words[t.value];
      if (!op) return left;
      next();
      left = { type: 'binary', op, left, right: sub() };
    }
  };

  const expr = (): Node => or();
  const or = (): Node => binaryLevel(['||'], and, { OR: 'OR' });
  const and = (): Node => binaryLevel(['&&'], comparison, { AND: 'AND' });
  const comparison = (): Node => {
    const left = additive();
    const t = peek();
    if (t.kind === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.value)) {
      next();
      return { type: 'binary', op: t.value as BinaryOp, left, right: additive() };
    }
    return left;
  };
  const additive = (): Node => binaryLevel(['+', '-'], multiplicative);
  const multiplicative = (): Node => binaryLevel(['*', '/'], unary);
  const unary = (): Node => {
    const t = peek();
    if (isOp(t, '-')) {
      next();
      return { type: 'unary', op: '-', arg: unary() };
    }
    if (isOp(t, '+')) {
      next();
      return unary();
    }
    if (isWord(t, 'NOT')) {
      throw new MathSyntaxError('NOT is not a metric math operator; compare with == 0 instead', t.pos);
    }
    return power();
  };
  const power = (): Node => {
    const base = primary();
    if (isOp(peek(), '^')) {
      next();
      return { type: 'binary', op: '^', left: base, right: unary() };
    }
    return base;
  };
  const primary = (): Node => {
    const t = next();
    if (t.kind === 'num') return { type: 'number', value: t.value };
    if (t.kind === 'str') return { type: 'string', value: t.value };
    if (isOp(t, '(')) {
      const inner = expr();
      expect(')');
      return inner;
    }
    if (isOp(t, '[')) {
      const items: Node[] = [expr()];
      while (isOp(peek(), ',')) {
        next();
        items.push(expr());
      }
      expect(']');
      return { type: 'array', items };
    }
    if (t.kind === 'word') {
      if (isOp(peek(), '(')) {
        if (!/^[A-Z][A-Z0-9_]*$/.test(t.value)) {
          throw new MathSyntaxError(`function names are upper case: '${t.value}'`, t.pos);
        }
        next();
        const args: Node[] = [];
        if (!isOp(peek(), ')')) {
          args.push(expr());
          while (isOp(peek(), ',')) {
            next();
            args.push(expr());
          }
        }
        expect(')');
        return { type: 'call', name: t.value, args };
      }
      if (/^[a-z]/.test(t.value)) return { type: 'id', name: t.value };
      return { type: 'keyword', name: t.value };
    }
    if (t.kind === 'end') throw new MathSyntaxError('the expression ends too early', t.pos);
    throw new MathSyntaxError(`unexpected '${t.value}'`, t.pos);
  };

  const tree = expr();
  const rest = peek();
  if (rest.kind !== 'end') {
    throw new MathSyntaxError(
      `unexpected '${rest.kind === 'num' ? rest.value : 'value' in rest ? rest.value : ''}'`,
      rest.pos,
    );
  }
  return tree;
}
