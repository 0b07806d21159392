import {
  Composer,
  type CST,
  type Document,
  LineCounter,
  type Pair,
  Parser,
  visit,
  type YAMLError,
  YAMLParseError,
} from 'yaml';
import type { ConfigError, IssuePath } from './config-error';
import { formatPath } from './config-error';
import { clipText, DASHBOARD_LIMITS } from './limits';
import { checkLexicalNesting, checkYamlLimits, type LimitBreach } from './parse-guard';
import { locatePath } from './parse-locate';
import { quoteSourceLine, syntaxHint } from './yaml-excerpt';

/** A YAML file read into plain data, still able to say on which line each part of it was written. */
export interface YamlSource {
  file: string;
  /** The plain data (objects, arrays, strings, numbers) to validate. */
  value: unknown;
  /** 1-based line and column of the node a validation path points at. */
  position(path: IssuePath): { line: number; column: number };
  /** A ConfigError at the node a path points at. */
  errorAt(path: IssuePath, message: string): ConfigError;
}

export type ReadYamlResult =
  | { ok: true; source: YamlSource; warnings: ConfigError[] }
  | { ok: false; errors: ConfigError[]; value: unknown };

function keyAtOffset(doc: Document, offset: number): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Pair(_, pair: Pair<unknown, unknown>) {
      const key = pair.key as { range?: [number, number, number]; value?: unknown } | null;
      if (key?.range?.[0] === offset) {
        found = String(key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function describeYamlError(doc: Document, error: YAMLError): string {
  if (error.code === 'DUPLICATE_KEY') {
    const key = keyAtOffset(doc, error.pos[0]);
    const name = key === undefined ? 'this key' : `'${clipText(key)}'`;
    return `${name} appears twice in the same mapping; keep one of them`;
  }
  if (error.code === 'MULTIPLE_DOCS') {
    return 'the file holds more than one YAML document (a --- line); keep one dashboard per file';
  }
  const kind = error.name === 'YAMLWarning' ? 'YAML warning' : 'YAML syntax error';
  return `${kind}: ${clipText(error.message, 200)}`;
}

/** UTF-8 length without encoding a copy: the limit is checked before any other work on the text. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function tooLarge(file: string, text: string): ConfigError | undefined {
  const limit = DASHBOARD_LIMITS.fileBytes;
  // Every UTF-16 unit is at least one byte, so a text longer than the limit is over it without counting.
  const bytes = text.length > limit ? undefined : utf8Bytes(text);
  if (bytes !== undefined && bytes <= limit) return undefined;
  const size = bytes === undefined ? `more than ${limit / 1024} KB` : `${Math.ceil(bytes / 1024)} KB`;
  let line = 1;
  for (let i = 0; i < limit && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return {
    file,
    line,
    column: 1,
    path: '',
    message: `the file is ${size}; a dashboard file is at most ${limit / 1024} KB (the limit is reached on this line) — split it into several dashboards`,
  };
}

/** The position of an offset, moved past blank lines to the next written one, so the quote shows text. */
function firstWrittenLine(
  text: string,
  lineCounter: LineCounter,
  offset: number,
): { line: number; column: number } {
  let at = offset;
  while (at < text.length && /\s/.test(text.charAt(at))) at++;
  if (at >= text.length) at = offset;
  const { line, col } = lineCounter.linePos(at);
  return { line: Math.max(1, line), column: Math.max(1, col) };
}

/** Composes the first document of the parsed tokens, as yaml's parseDocument does, reporting any second one. */
function compose(tokens: readonly CST.Token[], length: number): Document.Parsed {
  const composer = new Composer({ merge: true, uniqueKeys: true, logLevel: 'error' });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (doc === undefined) doc = next;
    else {
      const at: [number, number] = [next.range[0], next.range[1]];
      doc.errors.push(new YAMLParseError(at, 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  // compose(…, true) always ends with a document, an empty one for an empty text.
  return doc as Document.Parsed;
}

/**
 * Reads YAML with positions kept. The file's size and shape are checked against DASHBOARD_LIMITS before
 * the document is built; a syntax error is reported once, at its line, with the line quoted and a hint
 * (the errors after the first in a broken file are almost always echoes of it); duplicate keys too.
 */
export function readYaml(file: string, text: string): ReadYamlResult {
  const large = tooLarge(file, text);
  if (large) return { ok: false, errors: [large], value: undefined };

  const lineCounter = new LineCounter();
  const where = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const lexical = new LineCounter();
  const nested = checkLexicalNesting(text, lexical.addNewLine);
  if (nested) {
    const { line, col } = lexical.linePos(nested.offset);
    const excerpt = quoteSourceLine(text, lexical.lineStarts, line, col);
    return {
      ok: false,
      errors: [{ file, line, column: col, path: '', message: nested.message, excerpt }],
      value: undefined,
    };
  }
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const refuse = (breach: LimitBreach): ReadYamlResult => {
    const at = where(breach.offset);
    const excerpt = quoteSourceLine(text, lineCounter.lineStarts, at.line, at.column);
    return {
      ok: false,
      errors: [{ file, ...at, path: '', message: breach.message, excerpt }],
      value: undefined,
    };
  };
  const limits = checkYamlLimits(tokens);
  if (limits.breach) return refuse(limits.breach);
  const doc = compose(tokens, text.length);
  if (limits.collectionKey && doc.errors.length === 0) return refuse(limits.collectionKey);
  const toError = (error: YAMLError): ConfigError => ({
    file,
    ...where(error.pos[0]),
    path: '',
    message: describeYamlError(doc, error),
  });

  let value: unknown;
  try {
    // Keys that are collections make toJS stringify them level by level: with one, the value is not read.
    if (!limits.collectionKey) value = doc.toJS({ maxAliasCount: DASHBOARD_LIMITS.aliasExpansion });
  } catch (cause) {
    const reason = cause instanceof Error ? clipText(cause.message, 200) : 'unknown reason';
    return {
      ok: false,
      errors: [{ file, line: 1, column: 1, path: '', message: `the YAML could not be read: ${reason}` }],
      value: undefined,
    };
  }
  if (doc.errors.length > 0) {
    const first = doc.errors.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
    const error = { ...toError(first), ...firstWrittenLine(text, lineCounter, first.pos[0]) };
    const line = error.line;
    const excerpt = quoteSourceLine(text, lineCounter.lineStarts, line, error.column);
    const hint =
      first.code === 'DUPLICATE_KEY' || first.code === 'MULTIPLE_DOCS'
        ? undefined
        : syntaxHint(first.code, first.message, text, lineCounter.lineStarts, line);
    const rest = doc.errors.length - 1;
    const echoes =
      rest > 0 ? ` (${rest} more ${rest === 1 ? 'problem follows' : 'problems follow'} from it)` : '';
    const message = `${error.message}${hint ? ` — ${hint}` : ''}${echoes}`;
    return { ok: false, errors: [{ ...error, message, excerpt }], value };
  }

  const position = (path: IssuePath): { line: number; column: number } => where(locatePath(doc, path));
  const source: YamlSource = {
    file,
    value,
    position,
    errorAt: (path, message) => ({ file, ...position(path), path: formatPath(path), message }),
  };
  return { ok: true, source, warnings: doc.warnings.map(toError) };
}
