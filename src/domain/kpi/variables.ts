import type { KpiQuery, MetricStat } from './query-schema';
import type { Variable } from './schema';

/** `${name}` where name is a declared variable; the same name rule as the `variables` keys in the schema. */
const REFERENCE = /\$\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g;
/** `${` not followed by a well-formed name and `}`: `${ service }`, `${1x}`, an unclosed `${service`. */
const MALFORMED = /\$\{(?![a-zA-Z_][a-zA-Z0-9_]*\})[^}\n]{0,40}\}?/g;

/** Variable values by variable name, as chosen for one view of a dashboard. */
export type VariableValues = Readonly<Record<string, string>>;

/** Reads only own keys, so a variable called `constructor` never picks up Object.prototype. */
function ownValue(record: Readonly<Record<string, string>>, name: string): string | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/** Names referenced as `${name}` in a text, in order of first appearance. */
export function findVariableNames(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(REFERENCE), (match) => match[1] ?? ''))];
}

/** Attempts at a reference that will never be replaced, so the file can say how to write them. */
export function findMalformedReferences(text: string): string[] {
  return Array.from(text.matchAll(MALFORMED), (match) => match[0]);
}

/** Replaces `${name}` with its value; unknown names are left as written so the mistake stays visible. */
export function substituteText(text: string, values: VariableValues): string {
  return text.replace(REFERENCE, (whole, name: string) => ownValue(values, name) ?? whole);
}

/** Dimension values are the only part of a metric that variables reach; names and namespaces stay fixed. */
export function substituteMetricStat(metric: MetricStat, values: VariableValues): MetricStat {
  const dimensions = Object.fromEntries(
    Object.entries(metric.dimensions).map(([name, value]) => [name, substituteText(value, values)]),
  );
  return { ...metric, dimensions };
}

/** The query to send for one choice of variables: dimension values, math expressions and SQL. */
export function substituteQuery(query: KpiQuery, values: VariableValues): KpiQuery {
  switch (query.kind) {
    case 'metric':
      return { ...query, metric: substituteMetricStat(query.metric, values) };
    case 'math': {
      const metrics = Object.fromEntries(
        Object.entries(query.metrics).map(([id, metric]) => [id, substituteMetricStat(metric, values)]),
      );
      return { ...query, expression: substituteText(query.expression, values), metrics };
    }
    case 'insights':
      return { ...query, sql: substituteText(query.sql, values) };
  }
}

function metricTexts(metric: MetricStat): string[] {
  return Object.values(metric.dimensions);
}

/** Every variable a query depends on, so query keys and "missing variable" checks can use them. */
export function findVariableReferences(query: KpiQuery): string[] {
  const texts =
    query.kind === 'metric'
      ? metricTexts(query.metric)
      : query.kind === 'math'
        ? [query.expression, ...Object.values(query.metrics).flatMap(metricTexts)]
        : [query.sql];
  return [...new Set(texts.flatMap(findVariableNames))];
}

const VARIABLE_FIELD_PATTERNS: ReadonlyArray<ReadonlyArray<string>> = [
  ['query', 'metric', 'dimensions', '*'],
  ['query', 'math', 'expression'],
  ['query', 'math', 'metrics', '*', 'dimensions', '*'],
  ['query', 'insights', 'sql'],
  ['slo', 'good', 'dimensions', '*'],
  ['slo', 'total', 'dimensions', '*'],
  ['alarms', '*'],
];

/** Where in a KPI (as written in YAML) `${name}` is replaced: a reference anywhere else stays literal. */
export function acceptsVariables(pathInKpi: ReadonlyArray<PropertyKey>): boolean {
  return VARIABLE_FIELD_PATTERNS.some(
    (pattern) =>
      pattern.length === pathInKpi.length &&
      pattern.every((part, i) => part === '*' || part === String(pathInKpi[i])),
  );
}

/** A chosen value that was not used, with the reason to show next to the variable picker. */
export interface DroppedVariable {
  name: string;
  value: string;
  reason: string;
}

export interface ResolvedVariables {
  /** A value for every declared variable. */
  values: Record<string, string>;
  dropped: DroppedVariable[];
}

/**
 * Settles each declared variable on a value: the chosen one if the dashboard allows it, else its default
 * (or first value). Choices usually come from the URL, so anything not declared is dropped, never sent.
 */
export function resolveVariables(
  dashboard: { variables: Readonly<Record<string, Variable>> },
  chosen: Readonly<Record<string, string>>,
): ResolvedVariables {
  const values = new Map<string, string>();
  const dropped: DroppedVariable[] = [];
  for (const [name, variable] of Object.entries(dashboard.variables)) {
    const fallback = variable.default ?? variable.values[0] ?? '';
    const wanted = ownValue(chosen, name);
    if (wanted === undefined || variable.values.includes(wanted)) {
      values.set(name, wanted ?? fallback);
    } else {
      values.set(name, fallback);
      dropped.push({
        name,
        value: wanted,
        reason: `'${wanted}' is not one of ${variable.values.join(', ')}; showing '${fallback}' instead`,
      });
    }
  }
  for (const [name, value] of Object.entries(chosen)) {
    if (!Object.hasOwn(dashboard.variables, name)) {
      dropped.push({ name, value, reason: `this dashboard has no variable '${name}'` });
    }
  }
  return { values: Object.fromEntries(values), dropped };
}
