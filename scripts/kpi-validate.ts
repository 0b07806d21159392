/**
 * `npm run kpi -- validate <dir or files>`: the app's own parsers over dashboard files (and config.json),
 * printing the same file/line/field messages the app shows, for CI pipelines.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseAppConfig } from '../src/data/app-config';
import { type ConfigError, formatConfigError } from '../src/domain/kpi/config-error';
import { parseDashboard } from '../src/domain/kpi/parse-dashboard';
import { parseDashboardIndex } from '../src/domain/kpi/parse-dashboard-index';

export interface ValidationReport {
  lines: string[];
  errors: number;
  warnings: number;
  kpis: number;
  files: number;
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

/** Validates a folder of dashboards (index.yaml and what it lists, plus stray files) or single files. */
export function validatePaths(paths: readonly string[]): ValidationReport {
  const report: ValidationReport = { lines: [], errors: 0, warnings: 0, kpis: 0, files: 0 };
  for (const path of paths) {
    if (!existsSync(path)) {
      report.lines.push(`error: ${path}: no such file or folder`);
      report.errors += 1;
      continue;
    }
    if (!statSync(path).isDirectory()) {
      fileLines(path, readFileSync(path, 'utf8'), report);
      continue;
    }
    const yamlFiles = readdirSync(path)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
    const indexName = yamlFiles.find((f) => f === 'index.yaml' || f === 'index.yml');
    let listed: string[] = [];
    if (indexName) {
      const text = readFileSync(join(path, indexName), 'utf8');
      fileLines(join(path, indexName), text, report);
      const index = parseDashboardIndex(indexName, text);
      listed = index.ok ? index.dashboards : [];
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
      fileLines(join(path, file), readFileSync(join(path, file), 'utf8'), report);
    }
  }
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  report.lines.push(
    `${plural(report.files, 'file')} checked: ${plural(report.kpis, 'valid KPI')}, ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}`,
  );
  return report;
}
