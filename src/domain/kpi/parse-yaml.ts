import { type Document, LineCounter, type Pair, parseDocument, visit, type YAMLError } from 'yaml';
import type { ConfigError, IssuePath } from './config-error';
import { formatPath } from './config-error';
import { locatePath } from './parse-locate';

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

const YAML_HINTS: Partial<Record<string, string>> = {
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs',
  BAD_INDENT: 'check the indentation of this line against the lines above it',
};

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
    const name = key === undefined ? 'this key' : `'${key}'`;
    return `${name} appears twice in the same mapping; keep one of them`;
  }
  if (error.code === 'MULTIPLE_DOCS') {
    return 'the file holds more than one YAML document (a --- line); keep one dashboard per file';
  }
  const hint = YAML_HINTS[error.code];
  const kind = error.name === 'YAMLWarning' ? 'YAML warning' : 'YAML syntax error';
  const text = `${kind}: ${error.message}`;
  return hint === undefined ? text : `${text} (${hint})`;
}

/** Reads YAML with positions kept, turning syntax errors and duplicate keys into ConfigErrors. */
export function readYaml(file: string, text: string): ReadYamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, merge: true, uniqueKeys: true });
  const where = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const yamlErrors = (list: readonly YAMLError[]): ConfigError[] =>
    list.map((error) => ({ file, ...where(error.pos[0]), path: '', message: describeYamlError(doc, error) }));

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const errors = [{ file, path: '', message: `the YAML could not be read: ${reason}` }];
    return { ok: false, errors: [...yamlErrors(doc.errors), ...errors], value: undefined };
  }
  if (doc.errors.length > 0) return { ok: false, errors: yamlErrors(doc.errors), value };

  const position = (path: IssuePath): { line: number; column: number } => where(locatePath(doc, path));
  const source: YamlSource = {
    file,
    value,
    position,
    errorAt: (path, message) => ({ file, ...position(path), path: formatPath(path), message }),
  };
  return { ok: true, source, warnings: yamlErrors(doc.warnings) };
}
