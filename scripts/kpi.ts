/**
 * The Bellwether command line, over the same domain code as the app:
 *   npm run kpi -- validate public/dashboards [more files or folders]   exit 1 on any error
 *   npm run kpi -- export-alarms public/dashboards/checkout.yaml [--var env=staging] [--out alarms.json]
 *   npm run kpi -- config-schema                                         writes public/config.schema.json
 *   npm run kpi -- cost public/dashboards/checkout.yaml [--screens N] [--refresh 60s] [--var env=prod]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { appConfigSchema } from '../src/data/app-config-schema';
import { formatConfigError } from '../src/domain/kpi/config-error';
import { parseDashboard } from '../src/domain/kpi/parse-dashboard';
import type { Kpi } from '../src/domain/kpi/schema';
import { resolveVariables } from '../src/domain/kpi/variables';
import { parseDuration } from '../src/domain/time/duration';
import { exportAlarms } from './kpi-alarms';
import { costOf, describeCostReport } from './kpi-cost';
import { validatePaths } from './kpi-validate';

const ROOT = resolve(import.meta.dirname, '..');
export const CONFIG_SCHEMA_PATH = 'public/config.schema.json';

const USAGE = `usage:
  npm run kpi -- validate <folder or file>...
  npm run kpi -- export-alarms <dashboard.yaml> [--var name=value]... [--out file.json]
  npm run kpi -- config-schema
  npm run kpi -- cost <dashboard.yaml> [--screens N] [--refresh 60s] [--var name=value]...`;

/** JSON Schema of public/config.json for editors, generated from the zod schema the app validates with. */
export function buildConfigJsonSchema(): Record<string, unknown> {
  const json = z.toJSONSchema(appConfigSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return {
    ...json,
    title: 'Bellwether deployment config',
    description:
      'Which CloudWatch this deployment reads and where its credentials come from. Reference: docs/aws.md',
  };
}

/** Runs one command; returns the exit code and what to print, so tests can call it without a process. */
export function run(argv: readonly string[]): { code: number; out: string[]; err: string[] } {
  const [command, ...rest] = argv;
  if (command === 'validate') {
    if (rest.length === 0) return { code: 2, out: [], err: [USAGE] };
    const report = validatePaths(rest);
    return { code: report.errors > 0 ? 1 : 0, out: report.lines, err: [] };
  }
  if (command === 'export-alarms') {
    const { values, positionals } = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: { var: { type: 'string', multiple: true }, out: { type: 'string' } },
    });
    const file = positionals[0];
    if (!file || positionals.length > 1) return { code: 2, out: [], err: [USAGE] };
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      return {
        code: 1,
        out: [],
        err: [`${file}: ${error instanceof Error ? error.message : String(error)}`],
      };
    }
    const parsed = parseDashboard(basename(file), text);
    if (!parsed.ok)
      return { code: 1, out: [], err: parsed.errors.map((e) => `error: ${formatConfigError(e)}`) };
    const { dashboard } = parsed;
    const invalid = dashboard.kpis.flatMap((k) => (k.ok ? [] : k.errors));
    if (invalid.length > 0) {
      return {
        code: 1,
        out: [],
        err: [
          'fix these KPIs before exporting alarms:',
          ...invalid.map((e) => `error: ${formatConfigError(e)}`),
        ],
      };
    }
    const chosen = Object.fromEntries(
      (values.var ?? []).map((pair) => pair.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    const resolved = resolveVariables(dashboard, chosen);
    if (resolved.dropped.length > 0) {
      return {
        code: 2,
        out: [],
        err: resolved.dropped.map((d) => `--var ${d.name}=${d.value}: ${d.reason}`),
      };
    }
    const kpis = dashboard.kpis.flatMap((k): Kpi[] => (k.ok ? [k.kpi] : []));
    const { skipped, ...template } = exportAlarms(kpis, {
      dashboardId: dashboard.id,
      dashboardTitle: dashboard.title,
      region: dashboard.region,
      variables: resolved.values,
    });
    const json = `${JSON.stringify(template, null, 2)}\n`;
    const count = Object.keys(template.Resources).length;
    const err = [
      ...skipped.map((s) => `warning: ${s}`),
      `${count} alarms for ${dashboard.id} in ${dashboard.region}`,
    ];
    if (values.out) {
      writeFileSync(values.out, json);
      return { code: 0, out: [], err: [...err, `written to ${values.out}`] };
    }
    return { code: 0, out: [json.trimEnd()], err };
  }
  if (command === 'config-schema') {
    writeFileSync(resolve(ROOT, CONFIG_SCHEMA_PATH), `${JSON.stringify(buildConfigJsonSchema(), null, 2)}\n`);
    return { code: 0, out: [`written ${CONFIG_SCHEMA_PATH}`], err: [] };
  }
  return { code: 2, out: [], err: [command ? `unknown command '${command}'` : 'no command given', USAGE] };
}

/** `cost` measures by running refreshes, so it is asynchronous; every other command is `run`. */
export async function runAsync(
  argv: readonly string[],
): Promise<{ code: number; out: string[]; err: string[] }> {
  const [command, ...rest] = argv;
  if (command !== 'cost') return run(argv);
  let parsedArgs: ReturnType<typeof parseCostArgs>;
  try {
    parsedArgs = parseCostArgs(rest);
  } catch (error) {
    return { code: 2, out: [], err: [error instanceof Error ? error.message : String(error), USAGE] };
  }
  const { file, screens, refresh, vars } = parsedArgs;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      code: 1,
      out: [],
      err: [`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const parsed = parseDashboard(basename(file), text);
  if (!parsed.ok) return { code: 1, out: [], err: parsed.errors.map(formatConfigError) };
  const dashboard = parsed.dashboard;
  const refreshSeconds = refresh ?? dashboard.refresh;
  const variables = resolveVariables(dashboard, vars).values;
  const report = await costOf(dashboard, { variables, refreshSeconds, screens });
  return { code: 0, out: describeCostReport(dashboard, report, { refreshSeconds, screens }), err: [] };
}

function parseCostArgs(args: readonly string[]): {
  file: string;
  screens: number;
  refresh?: number;
  vars: Record<string, string>;
} {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      screens: { type: 'string' },
      refresh: { type: 'string' },
      var: { type: 'string', multiple: true },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new Error('cost takes one dashboard file');
  const screens = values.screens === undefined ? 1 : Number(values.screens);
  if (!Number.isInteger(screens) || screens < 1 || screens > 100_000) {
    throw new Error(`--screens '${values.screens}' is not a number of screens (1 to 100000)`);
  }
  const refresh = values.refresh === undefined ? undefined : parseDuration(values.refresh);
  if (values.refresh !== undefined && (refresh === undefined || refresh < 10)) {
    throw new Error(`--refresh '${values.refresh}' is not an interval of 10 s or more, such as 60s or 5m`);
  }
  const vars: Record<string, string> = {};
  for (const pair of values.var ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`--var '${pair}' is not name=value`);
    vars[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { file, screens, ...(refresh === undefined ? {} : { refresh }), vars };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runAsync(process.argv.slice(2));
  for (const line of result.out) console.log(line);
  for (const line of result.err) console.error(line);
  process.exitCode = result.code;
}
