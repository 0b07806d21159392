import type { ConfigError } from './config-error';
import type { ParsedDashboardIndex } from './parse-result';
import { validatePart } from './parse-validate';
import { readYaml } from './parse-yaml';
import { dashboardIndexSchema } from './schema';

/** Reads dashboards/index.yaml, the list of dashboard files the app offers, in the order listed. */
export function parseDashboardIndex(fileName: string, text: string): ParsedDashboardIndex {
  const read = readYaml(fileName, text);
  if (!read.ok) return { ok: false, file: fileName, errors: read.errors };
  const { source } = read;
  if (source.value === null || source.value === undefined) {
    const message = 'the file is empty; list dashboard files under dashboards:, such as - checkout.yaml';
    return { ok: false, file: fileName, errors: [{ file: fileName, line: 1, column: 1, path: '', message }] };
  }
  const result = validatePart(dashboardIndexSchema, source.value, source);
  if (!result.ok) return { ok: false, file: fileName, errors: result.errors };

  const warnings: ConfigError[] = [...read.warnings];
  const dashboards: string[] = [];
  result.data.dashboards.forEach((name, i) => {
    if (!dashboards.includes(name)) dashboards.push(name);
    else
      warnings.push(
        source.errorAt(['dashboards', i], `'${name}' is listed twice; the second entry is ignored`),
      );
  });
  return { ok: true, file: fileName, dashboards, warnings };
}
