/** A syntax problem in a Metrics Insights query; the account answers it as a ValidationError. */
export class InsightsSyntaxError extends Error {}

/**
 * A lexeme of a query: an unquoted word (letters, numbers and underscores), a number, a double-quoted
 * name, a single-quoted label value, or punctuation; `at` is its 0-based position.
 */
export type Lexeme =
  | { kind: 'word' | 'number' | 'name' | 'value'; text: string; at: number }
  | { kind: 'punct'; text: '(' | ')' | ',' | '=' | '!='; at: number };

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** "letters, numbers, and underscore (_)": what a name may hold without double quotes. */
function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
  );
}

const isDigits = (text: string): boolean => {
  for (const c of text) if (c < '0' || c > '9') return false;
  return true;
};

/** Characters that end an unquoted run; any other character inside one means the name needs quotes. */
const ENDS_RUN = new Set(['(', ')', ',', '=', '!', '"', "'"]);

/**
 * Reads a query in one pass (User Guide, "Metrics Insights query components and syntax", What needs
 * quotation marks or escape characters?): label values in single quotes, names with other characters
 * than letters, numbers and underscore in double quotes, a quotation mark inside either escaped with a
 * backslash.
 */
export function tokenize(sql: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql.charAt(i);
    const at = i;
    if (isSpace(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= sql.length) {
          throw new InsightsSyntaxError(
            `the ${c === '"' ? 'double' : 'single'} quote at position ${at + 1} is not closed`,
          );
        }
        const d = sql.charAt(i++);
        if (d === c) break;
        if (d === '\\' && (sql.charAt(i) === '"' || sql.charAt(i) === "'")) text += sql.charAt(i++);
        else text += d;
      }
      out.push({ kind: c === '"' ? 'name' : 'value', text, at });
    } else if (c === '(' || c === ')' || c === ',' || c === '=') {
      out.push({ kind: 'punct', text: c, at });
      i++;
    } else if (c === '!' && sql.charAt(i + 1) === '=') {
      out.push({ kind: 'punct', text: '!=', at });
      i += 2;
    } else if (isWordChar(c)) {
      while (i < sql.length && isWordChar(sql.charAt(i))) i++;
      if (i < sql.length && !isSpace(sql.charAt(i)) && !ENDS_RUN.has(sql.charAt(i))) {
        while (i < sql.length && !isSpace(sql.charAt(i)) && !ENDS_RUN.has(sql.charAt(i))) i++;
        const run = sql.slice(at, i);
        throw new InsightsSyntaxError(
          `${run} at position ${at + 1} has characters other than letters, numbers and underscores, so it goes in double quotes: "${run}"`,
        );
      }
      const text = sql.slice(at, i);
      out.push({ kind: isDigits(text) ? 'number' : 'word', text, at });
    } else {
      throw new InsightsSyntaxError(`unexpected '${c}' at position ${at + 1}`);
    }
  }
  return out;
}
