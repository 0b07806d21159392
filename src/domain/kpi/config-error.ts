/** A problem in a dashboard file, pinned to where the operator has to look. */
export interface ConfigError {
  /** The file name as listed in index.yaml, e.g. "checkout.yaml". */
  file: string;
  /** 1-based line of the offending node; absent when the problem is the file as a whole (e.g. HTTP 404). */
  line?: number;
  /** 1-based column of the offending node. */
  column?: number;
  /** Where in the document, written like `kpis[2].query.metric.stat`; empty for the whole file. */
  path: string;
  /** What is wrong and, where we can tell, what to write instead. */
  message: string;
  /** For a syntax error or a broken limit: the source line quoted, with a caret under the column. */
  excerpt?: string;
}

/** A path as zod and the YAML locator see it: object keys and array indexes. */
export type IssuePath = ReadonlyArray<PropertyKey>;

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Writes a path the way an operator reads YAML: `kpis[2].query.metric.dimensions["Service Name"]`. */
export function formatPath(path: IssuePath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else {
      const key = String(segment);
      if (key.length > 80) text += `[${JSON.stringify(`${key.slice(0, 79)}…`)}]`;
      else if (PLAIN_KEY.test(key)) text += text === '' ? key : `.${key}`;
      else text += `[${JSON.stringify(key)}]`;
    }
  }
  return text;
}

/**
 * One sentence for logs, banners and error tiles: `checkout.yaml line 14, kpis[2].query.metric.stat: …`,
 * followed by the quoted source line and its caret when the error has them.
 */
export function formatConfigError(error: ConfigError): string {
  const where = error.line === undefined ? error.file : `${error.file} line ${error.line}`;
  const text = error.path === '' ? `${where}: ${error.message}` : `${where}, ${error.path}: ${error.message}`;
  return error.excerpt === undefined ? text : `${text}\n${error.excerpt}`;
}
