import type { ConfigError } from './config-error';
import { closestMatch } from './config-error-suggest';
import { asRecord, namesOf, textField, walkTexts } from './parse-raw';
import type { KpiEntry } from './parse-result';
import { byPosition } from './parse-validate';
import type { YamlSource } from './parse-yaml';
import type { Outcome } from './schema';
import { acceptsVariables, findMalformedReferences, findVariableNames } from './variables';

/** Adds errors found across KPIs to an entry; a valid KPI with any becomes an error tile. */
function addErrors(entry: KpiEntry, rawKpi: unknown, errors: ConfigError[]): KpiEntry {
  if (errors.length === 0) return entry;
  if (entry.ok) {
    return { ok: false, index: entry.index, ...namesOf(rawKpi), errors: [...errors].sort(byPosition) };
  }
  return { ...entry, errors: [...entry.errors, ...errors].sort(byPosition) };
}

function suggestion(name: string, candidates: readonly string[]): string {
  const guess = closestMatch(name, candidates);
  return guess === undefined ? '' : ` (did you mean '${guess}'?)`;
}

/** Later KPIs that reuse an id are in error; the first keeps it, so links and outcomes stay stable. */
export function checkDuplicateIds(
  rawKpis: readonly unknown[],
  entries: KpiEntry[],
  source: YamlSource,
): KpiEntry[] {
  const firstIndex = new Map<string, number>();
  return entries.map((entry, i) => {
    const id = textField(rawKpis[i], 'id');
    if (id === undefined) return entry;
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, i);
      return entry;
    }
    const { line } = source.position(['kpis', first]);
    const message = `'${id}' is already the id of kpis[${first}] (line ${line}); give each KPI its own id`;
    return addErrors(entry, rawKpis[i], [source.errorAt(['kpis', i, 'id'], message)]);
  });
}

function malformedMessage(bad: string): string {
  const name = bad.replace(/^\$\{|\}$/g, '').trim();
  const fix = /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)
    ? `\${${name}}`
    : `\${name}, with a name of letters, digits and _`;
  return `'${bad}' is not a variable reference; write it as ${fix}`;
}

const SUBSTITUTED_FIELDS = 'dimension values, math expressions and Metrics Insights SQL';

function variableErrors(
  rawKpi: unknown,
  at: ReadonlyArray<PropertyKey>,
  declared: readonly string[],
  source: YamlSource,
  used: Set<string>,
): ConfigError[] {
  const errors: ConfigError[] = [];
  const record = asRecord(rawKpi);
  for (const part of ['query', 'slo'] as const) {
    walkTexts(record?.[part], [part], (text, pathInKpi) => {
      const path = [...at, ...pathInKpi];
      for (const bad of findMalformedReferences(text)) {
        errors.push(source.errorAt(path, malformedMessage(bad)));
      }
      const names = findVariableNames(text);
      if (names.length === 0) return;
      if (!acceptsVariables(pathInKpi)) {
        const message = `variables are only replaced in ${SUBSTITUTED_FIELDS}; here '\${${names[0]}}' would be sent as written`;
        errors.push(source.errorAt(path, message));
        return;
      }
      for (const name of names) {
        used.add(name);
        if (declared.includes(name)) continue;
        const known =
          declared.length === 0
            ? 'the dashboard declares no variables; add it under variables:'
            : `declare it under variables: (declared: ${declared.join(', ')})${suggestion(name, declared)}`;
        errors.push(source.errorAt(path, `'\${${name}}' is not a variable of this dashboard; ${known}`));
      }
    });
  }
  return errors;
}

/**
 * Puts a KPI in error when its query uses a variable the dashboard does not declare (or writes one where
 * it is never replaced), and warns about declared variables that no KPI uses.
 */
export function checkVariables(
  rawKpis: readonly unknown[],
  entries: KpiEntry[],
  declared: readonly string[],
  source: YamlSource,
): { entries: KpiEntry[]; warnings: ConfigError[] } {
  const used = new Set<string>();
  const checked = entries.map((entry, i) =>
    addErrors(entry, rawKpis[i], variableErrors(rawKpis[i], ['kpis', i], declared, source, used)),
  );
  const warnings = declared
    .filter((name) => !used.has(name))
    .map((name) =>
      source.errorAt(
        ['variables', name],
        `the variable '${name}' is declared but no KPI uses it; use \${${name}} in a query or remove it`,
      ),
    );
  return { entries: checked, warnings };
}

/**
 * Keeps only KPI ids that name a KPI in this file (valid or not); the rest are typos reported as warnings,
 * so an outcome is never silently judged on fewer KPIs than the operator meant.
 */
export function checkOutcomes(
  outcomes: readonly Outcome[],
  rawKpis: readonly unknown[],
  source: YamlSource,
): { outcomes: Outcome[]; warnings: ConfigError[] } {
  const ids = rawKpis.map((kpi) => textField(kpi, 'id')).filter((id) => id !== undefined);
  const warnings: ConfigError[] = [];
  const checked = outcomes.map((outcome, o) => {
    const kpis = outcome.kpis.filter((id, k) => {
      if (ids.includes(id)) return true;
      const path = ['outcomes', o, 'kpis', k];
      const message = `no KPI in this file has the id '${id}'${suggestion(id, ids)}; it is left out of '${outcome.title}'`;
      warnings.push(source.errorAt(path, message));
      return false;
    });
    return { ...outcome, kpis };
  });
  return { outcomes: checked, warnings };
}
