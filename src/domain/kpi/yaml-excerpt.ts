/** Quoting the line a YAML mistake is on, and saying what usually causes it. */

const WIDTH = 100;

function lineText(text: string, lineStarts: readonly number[], line: number): string {
  const start = lineStarts[line - 1] ?? text.length;
  const next = lineStarts[line];
  const end = next === undefined ? text.length : next - 1;
  return text.slice(start, Math.min(end, start + 4 * WIDTH)).replace(/\r$/, '');
}

/**
 * The source line with a caret under the column, as compilers print it; a long line is cut to a window
 * around the column and tabs show as → so they are visible and the caret stays aligned.
 */
export function quoteSourceLine(
  text: string,
  lineStarts: readonly number[],
  line: number,
  column: number,
): string {
  const raw = lineText(text, lineStarts, line).replace(/\t/g, '→');
  const from = column > WIDTH - 20 ? column - (WIDTH - 20) : 0;
  const shown = `${from > 0 ? '…' : ''}${raw.slice(from, from + WIDTH)}${raw.length > from + WIDTH ? '…' : ''}`;
  const caretAt = Math.max(0, column - 1 - from + (from > 0 ? 1 : 0));
  const gutter = String(line);
  return `${gutter} | ${shown}\n${' '.repeat(gutter.length)} | ${' '.repeat(caretAt)}^`;
}

const INDENT_CODES = new Set([
  'BAD_INDENT',
  'MULTILINE_IMPLICIT_KEY',
  'BLOCK_AS_IMPLICIT_KEY',
  'UNEXPECTED_TOKEN',
]);

/** What most likely went wrong, in the words of someone editing YAML: indentation, tabs, a missing `-`. */
export function syntaxHint(
  code: string,
  message: string,
  text: string,
  lineStarts: readonly number[],
  line: number,
): string {
  const around = [line - 1, line, line + 1].map((n) => (n >= 1 ? lineText(text, lineStarts, n) : ''));
  if (code === 'TAB_AS_INDENT' || around.some((l) => /^ *\t/.test(l))) {
    return 'indent with spaces: YAML does not allow tabs';
  }
  if (/without - indicator/.test(message)) {
    return "this line is indented differently from the fields above it; if it starts a new list item, it needs '- ' in front";
  }
  if (/sequence may not be used as an implicit map key/.test(message)) {
    return "a list starts where a field was expected: look above for a list item that lost its '- ', or a line indented too far";
  }
  if (/same column/.test(message)) {
    return 'the items of one list (or one mapping) must start at the same column as each other';
  }
  if (code === 'MISSING_CHAR' && /quote/.test(message)) {
    return 'close the quote on this line, or remove it';
  }
  if (INDENT_CODES.has(code) || /map values|indent/i.test(message)) {
    return "check this line's indentation against the lines above: one mapping's fields start at the same column, a nested one further right; text with ': ' in it needs quotes";
  }
  return "usual causes: indentation that does not match the lines above, a tab instead of spaces, a list item without its '- ', or text with ': ' or '#' that needs quotes";
}
