/**
 * `npm run kpi -- validate <dir or files>`: the app's own parsers over dashboard files (and config.json),
 * printing the same file/line/field messages the app shows, for CI pipelines.
 */
import { basename, join } from 'node:path';
import { parseAppConfig } from '../src/data/app-config';
import { type ConfigError, formatConfigError } from '../src/domain/kpi/config-error';
import { parseDashboard } from '../src/domain/kpi/parse-dashboard';
import { parseDashboardIndex } from '../src/domain/kpi/parse-dashboard-index';
import { kindOf, listFolder, readText } from './kpi-files';

export interface ValidationReport {
  lines: string[];
  errors: number;
  warnings: number;
  kpis: number;
  files: number;
}

/** A problem with a path itself (missing, a folder, unreadable), counted as an error. */
function pathError(report: ValidationReport, path: string, problem: string): void {
  report.lines.push(`error: ${path}: ${problem}`);
  report.errors += 1;
}

/**
 * Reads and checks one file. A parser that throws (it should not, but a hostile file may find a way) is
 * an error on that file, not a crash of the whole run.
 */
function checkFile(file: string, report: ValidationReport): string | undefined {
  const read = readText(file);
  if (!read.ok) {
    pathError(report, file, read.problem);
    return undefined;
  }
  try {
    fileLines(file, read.text, report);
  } catch (error) {
    pathError(
      report,
      basename(file),
      `could not be checked: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return read.text;
}

function fileLines(file: string, text: string, report: ValidationReport): void {
  const name = basename(file);
  const add = (kind: 'error' | 'warning', list: ConfigError[]): void => {
    for (const e of list) report.lines.push(`${kind}: ${formatConfigError(e)}`);
    if (kind === 'error') report.errors += list.length;
    else report.warnings += list.length;
  };
  report.files += 1;
  if (name === 'config.json') {
    const parsed = parseAppConfig(text, name);
    if (!parsed.ok) add('error', parsed.errors);
    return;
  }
  if (name === 'index.yaml' || name === 'index.yml') {
    const parsed = parseDashboardIndex(name, text);
    if (parsed.ok) add('warning', parsed.warnings);
    else add('error', parsed.errors);
    return;
  }
  const parsed = parseDashboard(name, text);
  if (!parsed.ok) {
    add('error', parsed.errors);
    return;
  }
  add('warning', parsed.warnings);
  for (const entry of parsed.dashboard.kpis) {
    if (entry.ok) report.kpis += 1;
    else add('error', entry.errors);
  }
}

function safeIndex(name: string, text: string): ReturnType<typeof parseDashboardIndex> | undefined {
  try {
    return parseDashboardIndex(name, text);
  } catch {
    return undefined; // already reported by checkFile
  }
}

/** Validates a folder of dashboards (index.yaml and what it lists, plus stray files) or single files. */
export function validatePaths(paths: readonly string[]): ValidationReport {
  const report: ValidationReport = { lines: [], errors: 0, warnings: 0, kpis: 0, files: 0 };
  for (const path of paths) {
    const kind = kindOf(path);
    if (typeof kind === 'object') {
      pathError(report, path, kind.problem);
      continue;
    }
    if (kind === 'file') {
      checkFile(path, report);
      continue;
    }
    const listing = listFolder(path);
    if (!listing.ok) {
      pathError(report, path, listing.problem);
      continue;
    }
    const yamlFiles = listing.names.filter((f) => /\.ya?ml$/.test(f));
    const indexName = yamlFiles.find((f) => f === 'index.yaml' || f === 'index.yml');
    let listed: string[] = [];
    if (indexName) {
      const text = checkFile(join(path, indexName), report);
      const index = text === undefined ? undefined : safeIndex(indexName, text);
      listed = index?.ok ? index.dashboards : [];
      for (const file of listed) {
        if (!yamlFiles.includes(file)) {
          report.lines.push(
            `error: ${indexName}: lists ${file}, which is not in ${path}; add the file or remove the entry`,
          );
          report.errors += 1;
        }
      }
    } else {
      report.lines.push(`warning: ${path}: no index.yaml, so the app will offer none of these dashboards`);
      report.warnings += 1;
    }
    for (const file of yamlFiles) {
      if (file === indexName) continue;
      if (indexName && !listed.includes(file)) {
        report.lines.push(`warning: ${file}: not listed in ${indexName}, so the app does not offer it`);
        report.warnings += 1;
      }
      checkFile(join(path, file), report);
    }
  }
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  report.lines.push(
    `${plural(report.files, 'file')} checked: ${plural(report.kpis, 'valid KPI')}, ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}`,
  );
  return report;
}
