import type { CatalogMetric } from '../scenario/types';

/** A parsed SEARCH() expression: an optional schema and terms that must all match. */
export interface SearchSpec {
  schema?: { namespace: string; dimensions: string[] };
  exact: { key: string; value: string }[];
  partial: string[];
}

const unquote = (s: string): string => s.trim().replace(/^"(.*)"$/, '$1');

/**
 * Parses the subset of the search expression syntax the fake supports:
 * `{Namespace,Dim1,Dim2} MetricName="X" Dim1="v" word`.
 */
export function parseSearch(text: string): SearchSpec {
  let rest = text.trim();
  const spec: SearchSpec = { exact: [], partial: [] };
  const schema = /^\{([^}]*)\}/.exec(rest);
  if (schema) {
    const parts = (schema[1] ?? '').split(',').map(unquote).filter(Boolean);
    const [namespace, ...dimensions] = parts;
    if (!namespace)
      throw new Error('a search schema names its namespace first, as in {AWS/Lambda,FunctionName}');
    spec.schema = { namespace, dimensions };
    rest = rest.slice(schema[0].length);
  }
  const term = /\s*(?:([A-Za-z0-9_./:-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s"]+)|("(?:[^"\\]|\\.)*"|[^\s"=]+))/y;
  while (rest.trim() !== '') {
    term.lastIndex = 0;
    const m = term.exec(rest);
    if (!m) throw new Error(`cannot read the search term at '${rest.trim()}'`);
    if (m[1] !== undefined && m[2] !== undefined) spec.exact.push({ key: m[1], value: unquote(m[2]) });
    else if (m[3] !== undefined) spec.partial.push(unquote(m[3]).toLowerCase());
    rest = rest.slice(m[0].length);
  }
  return spec;
}

/** True when a metric matches every part of the search. */
export function matchesSearch(metric: CatalogMetric, spec: SearchSpec): boolean {
  const { id } = metric;
  if (spec.schema) {
    if (id.namespace !== spec.schema.namespace) return false;
    const dims = Object.keys(id.dimensions).sort();
    const want = [...spec.schema.dimensions].sort();
    if (dims.length !== want.length || dims.some((d, i) => d !== want[i])) return false;
  }
  for (const { key, value } of spec.exact) {
    if (key === 'MetricName') {
      if (id.name !== value) return false;
    } else if (key === 'Namespace') {
      if (id.namespace !== value) return false;
    } else if (id.dimensions[key] !== value) return false;
  }
  const haystack = [id.namespace, id.name, ...Object.entries(id.dimensions).flat()].join(' ').toLowerCase();
  return spec.partial.every((word) => haystack.includes(word));
}

/** The label of a search result: its dimension values, plus the metric name when several names matched. */
export function searchLabel(metric: CatalogMetric, withName: boolean): string {
  const values = Object.keys(metric.id.dimensions)
    .sort()
    .map((k) => metric.id.dimensions[k]);
  return [...values, ...(withName ? [metric.id.name] : [])].join(' ') || metric.id.name;
}
