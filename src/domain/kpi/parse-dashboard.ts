import type { ConfigError } from './config-error';
import { clipText, DASHBOARD_LIMITS } from './limits';
import { checkDuplicateIds, checkOutcomes, checkVariables } from './parse-cross-checks';
import { asRecord, namesOf } from './parse-raw';
import type { KpiEntry, ParsedDashboard } from './parse-result';
import { byPosition, validatePart } from './parse-validate';
import { readYaml, type YamlSource } from './parse-yaml';
import { dashboardShellSchema, kpiSchema } from './schema';

function validateKpi(rawKpi: unknown, index: number, source: YamlSource): KpiEntry {
  const result = validatePart(kpiSchema, rawKpi, source, ['kpis', index]);
  return result.ok
    ? { ok: true, index, kpi: result.data }
    : { ok: false, index, ...namesOf(rawKpi), errors: result.errors };
}

function emptyFileError(source: YamlSource): ConfigError {
  return {
    file: source.file,
    line: 1,
    column: 1,
    path: '',
    message: 'the file is empty; a dashboard needs at least id, title, region and kpis',
  };
}

/**
 * Reads one dashboard file. The dashboard's own fields must all be valid for it to load; each KPI is then
 * checked on its own, so a mistake in one KPI shows as one error tile and the rest still chart.
 */
export function parseDashboard(fileName: string, text: string): ParsedDashboard {
  try {
    return readDashboard(fileName, text);
  } catch (cause) {
    // Nothing is known to throw here; should something still, it is this file's error, not the page's.
    const reason = cause instanceof Error ? clipText(cause.message, 200) : 'unknown reason';
    return {
      ok: false,
      file: fileName,
      errors: [
        { file: fileName, line: 1, column: 1, path: '', message: `the file could not be read: ${reason}` },
      ],
    };
  }
}

function tooManyKpis(count: number, source: YamlSource): ConfigError {
  return source.errorAt(
    ['kpis'],
    `the dashboard lists ${count.toLocaleString('en')} KPIs; one dashboard holds at most ${DASHBOARD_LIMITS.kpis} — split it into several files`,
  );
}

function readDashboard(fileName: string, text: string): ParsedDashboard {
  const read = readYaml(fileName, text);
  if (!read.ok) return { ok: false, file: fileName, ...namesOf(read.value), errors: read.errors };
  const { source } = read;
  const raw = source.value;
  const names = namesOf(raw);
  if (raw === null || raw === undefined)
    return { ok: false, file: fileName, errors: [emptyFileError(source)] };

  const shell = validatePart(dashboardShellSchema, raw, source);
  const rawKpisField = asRecord(raw)?.kpis;
  const rawKpis: unknown[] = Array.isArray(rawKpisField) ? rawKpisField : [];
  if (rawKpis.length > DASHBOARD_LIMITS.kpis) {
    return { ok: false, file: fileName, ...names, errors: [tooManyKpis(rawKpis.length, source)] };
  }
  let entries = checkDuplicateIds(
    rawKpis,
    rawKpis.map((rawKpi, i) => validateKpi(rawKpi, i, source)),
    source,
  );

  if (!shell.ok) {
    const kpiErrors = entries.flatMap((entry) => (entry.ok ? [] : entry.errors));
    return { ok: false, file: fileName, ...names, errors: [...shell.errors, ...kpiErrors].sort(byPosition) };
  }

  const { kpis: _rawKpis, outcomes: declaredOutcomes, ...fields } = shell.data;
  const variables = checkVariables(rawKpis, entries, Object.keys(fields.variables), source);
  entries = variables.entries;
  const outcomes = checkOutcomes(declaredOutcomes, rawKpis, source);
  return {
    ok: true,
    file: fileName,
    dashboard: { ...fields, kpis: entries, outcomes: outcomes.outcomes },
    warnings: [...read.warnings, ...variables.warnings, ...outcomes.warnings].sort(byPosition),
  };
}
