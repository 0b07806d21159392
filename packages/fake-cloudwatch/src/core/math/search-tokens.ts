/*
 * The tokens of SEARCH's partial matches, as the User Guide page "CloudWatch search expression syntax"
 * describes them (sections Tokenization, Partial matches and Non-alphanumeric characters). Linear scans.
 */

/** A token of a name or a term, with the delimiter-separated piece of the text it came from. */
interface Token {
  text: string;
  lower: string;
  piece: number;
}

/** A partial-match term: its tokens (`strict` when its piece holds several) and its whole lower-case token. */
export interface PartialTerm {
  kind: 'partial';
  tokens: (Token & { strict: boolean })[];
  whole: string;
}

const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;

function charKind(code: number): number {
  if (code >= 65 && code <= 90) return UPPER;
  if (code >= 97 && code <= 122) return LOWER;
  if (code >= 48 && code <= 57) return DIGIT;
  return 0;
}

/**
 * The page's tokenization: tokens start at camel-case capitals, numbers are tokens of their own, and
 * non-alphanumeric characters delimit (a run of capitals is one token, so SDBFailure is SDB, Failure).
 */
function split(text: string): Token[] {
  const out: Token[] = [];
  let start = -1;
  let piece = 0;
  let delimited = false;
  const flush = (end: number): void => {
    if (start < 0) return;
    const t = text.slice(start, end);
    out.push({ text: t, lower: t.toLowerCase(), piece });
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const kind = charKind(text.charCodeAt(i));
    if (kind === 0) {
      flush(i);
      delimited = true;
      continue;
    }
    if (start >= 0) {
      const before = charKind(text.charCodeAt(i - 1));
      const after = i + 1 < text.length ? charKind(text.charCodeAt(i + 1)) : 0;
      if (
        (before === DIGIT) !== (kind === DIGIT) ||
        (before === LOWER && kind === UPPER) ||
        (before === UPPER && kind === UPPER && after === LOWER)
      ) {
        flush(i);
      }
    }
    if (start < 0) {
      if (delimited && out.length > 0) piece++;
      delimited = false;
      start = i;
    }
  }
  flush(text.length);
  return out;
}

/** The tokens CloudWatch generates from a name, as the page's table lists them: the whole, then each part. */
export function searchTokens(name: string): string[] {
  const tokens = split(name);
  const whole = tokens.map((t) => t.lower).join('');
  return tokens.length > 1 ? [whole, ...tokens.map((t) => t.lower)] : tokens.map((t) => t.lower);
}

export function partialTerm(text: string): PartialTerm {
  const tokens = split(text);
  if (tokens.length === 0) {
    throw new Error(`the term '${text}' has no letter or digit to search for`);
  }
  const size = new Map<number, number>();
  for (const t of tokens) size.set(t.piece, (size.get(t.piece) ?? 0) + 1);
  return {
    kind: 'partial',
    tokens: tokens.map((t) => ({ ...t, strict: (size.get(t.piece) ?? 0) > 1 })),
    whole: tokens.map((t) => t.lower).join(''),
  };
}

/**
 * A partial match: the term's whole token is the name's, or its tokens appear consecutively in the name.
 * A token alone in its piece matches case-insensitively ("count", "COUNT"); tokens a piece splits into
 * by capitals or digits form a composite, matched case-sensitively ("CustomCount", "Count1", not "count1").
 */
export function partialMatch(term: PartialTerm, name: string): boolean {
  const tokens = split(name);
  if (tokens.map((t) => t.lower).join('') === term.whole) return true;
  const m = term.tokens.length;
  for (let i = 0; i + m <= tokens.length; i++) {
    let j = 0;
    for (; j < m; j++) {
      const want = term.tokens[j];
      const have = tokens[i + j];
      if (!want || !have || (want.strict ? want.text !== have.text : want.lower !== have.lower)) break;
    }
    if (j === m) return true;
  }
  return false;
}
