/**
 * The Bellwether command line, over the same domain code as the app (`npm run kpi -- --help`):
 *   npm run kpi -- validate public/dashboards [more files or folders]   exit 1 on any error
 *   npm run kpi -- export-alarms public/dashboards/checkout.yaml [--var env=staging] [--out alarms.json | -]
 *   npm run kpi -- config-schema                                         writes public/config.schema.json
 *   npm run kpi -- cost public/dashboards/checkout.yaml [--mode direct|relay] [--screens N] [--refresh 60s] [--var env=prod]
 * Only a command's artefact goes to stdout; no input makes it print a stack trace (exit codes: kpi-help.ts).
 */
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { z } from 'zod';
import { appConfigSchema } from '../src/data/app-config-schema';
import { formatConfigError } from '../src/domain/kpi/config-error';
import { parseDashboard } from '../src/domain/kpi/parse-dashboard';
import type { Kpi } from '../src/domain/kpi/schema';
import { resolveVariables } from '../src/domain/kpi/variables';
import { parseDuration } from '../src/domain/time/duration';
import { exportAlarms } from './kpi-alarms';
import { type CostMode, costOf, describeCostReport } from './kpi-cost';
import { argPath, readProblem, readText } from './kpi-files';
import { COMMAND_HELP, commandHelp, EXIT, seeHelp, TOOL_HELP } from './kpi-help';
import { validatePaths } from './kpi-validate';

const ROOT = resolve(import.meta.dirname, '..');
export const CONFIG_SCHEMA_PATH = 'public/config.schema.json';

export interface CliResult {
  code: number;
  /** The command's artefact (a template, a report), for stdout. */
  out: string[];
  /** Everything else: summaries, warnings, errors, for stderr. */
  err: string[];
}

/** A wrong command line: the reason and where to read the usage, exit 2. */
class UsageError extends Error {}

const usage = (command: string, ...lines: string[]): CliResult => ({
  code: EXIT.usage,
  out: [],
  err: [...lines, seeHelp(command)],
});

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

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** Parses a command's options; an unknown option or a missing value is a usage error, not a throw. */
function options(
  args: readonly string[],
  spec: ParseArgsConfig['options'],
): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options: spec ?? {} });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

const text = (value: Values[string]): string | undefined => (typeof value === 'string' ? value : undefined);
const texts = (value: Values[string]): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** `--var name=value` pairs, each checked. */
function variablePairs(pairs: readonly string[] | undefined): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var '${pair}' is not name=value`);
    vars[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return vars;
}

/**
 * The app's parser over one file's text. It reports problems as errors; should a hostile file still make it
 * throw (a stack overflow on deep nesting), that is a problem with the file, said as one, not a crash.
 */
function parseFile(file: string, text: string): ReturnType<typeof parseDashboard> | CliResult {
  try {
    return parseDashboard(basename(file), text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      code: EXIT.invalid,
      out: [],
      err: [`error: ${file}: could not be read as a dashboard: ${message}`],
    };
  }
}

const wantsHelp = (args: readonly string[]): boolean => args.includes('--help') || args.includes('-h');

function exportAlarmsCommand(rest: readonly string[]): CliResult {
  const { values, positionals } = options(rest, {
    var: { type: 'string', multiple: true },
    out: { type: 'string' },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('export-alarms takes one dashboard file');
  if (positionals.length > 1) {
    throw new UsageError(`export-alarms takes one dashboard file, not ${positionals.length}`);
  }
  const chosen = variablePairs(texts(values.var));
  const read = readText(file);
  if (!read.ok) return { code: EXIT.invalid, out: [], err: [`error: ${file}: ${read.problem}`] };
  const parsed = parseFile(file, read.text);
  if ('code' in parsed) return parsed;
  if (!parsed.ok) {
    return { code: EXIT.invalid, out: [], err: parsed.errors.map((e) => `error: ${formatConfigError(e)}`) };
  }
  const { dashboard } = parsed;
  const invalid = dashboard.kpis.flatMap((k) => (k.ok ? [] : k.errors));
  if (invalid.length > 0) {
    return {
      code: EXIT.invalid,
      out: [],
      err: [
        'fix these KPIs before exporting alarms:',
        ...invalid.map((e) => `error: ${formatConfigError(e)}`),
      ],
    };
  }
  const resolved = resolveVariables(dashboard, chosen);
  if (resolved.dropped.length > 0) {
    return usage('export-alarms', ...resolved.dropped.map((d) => `--var ${d.name}=${d.value}: ${d.reason}`));
  }
  const kpis = dashboard.kpis.flatMap((k): Kpi[] => (k.ok ? [k.kpi] : []));
  const { skipped, ...template } = exportAlarms(kpis, {
    dashboardId: dashboard.id,
    dashboardTitle: dashboard.title,
    region: dashboard.region,
    variables: resolved.values,
  });
  const json = `${JSON.stringify(template, null, 2)}\n`;
  const count = Object.values(template.Resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm').length;
  const composites = Object.keys(template.Resources).length - count;
  const err = [
    ...skipped.map((s) => `not exported: ${s}`),
    `${count} alarms${composites > 0 ? ` and ${composites} composite alarms` : ''} for ${dashboard.id} in ${dashboard.region}`,
  ];
  const out = text(values.out) ?? `${dashboard.id}-alarms.json`;
  if (out === '-') return { code: EXIT.ok, out: [json.trimEnd()], err };
  try {
    writeFileSync(argPath(out), json);
  } catch (error) {
    return {
      code: EXIT.invalid,
      out: [],
      err: [...err, `error: ${out}: cannot be written: ${readProblem(error)}`],
    };
  }
  return { code: EXIT.ok, out: [], err: [...err, `written to ${out}`] };
}

function dispatch(argv: readonly string[]): CliResult {
  const [command, ...rest] = argv;
  if (command === undefined) return { code: EXIT.usage, out: [], err: ['no command given', TOOL_HELP] };
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { code: EXIT.ok, out: [TOOL_HELP], err: [] };
    const help = commandHelp(topic);
    return help ? { code: EXIT.ok, out: [help], err: [] } : usage('', `no command '${topic}'`);
  }
  if (!Object.hasOwn(COMMAND_HELP, command)) {
    return usage(
      '',
      command.startsWith('-') ? `unknown option '${command}'` : `unknown command '${command}'`,
    );
  }
  if (wantsHelp(rest)) return { code: EXIT.ok, out: [commandHelp(command) ?? TOOL_HELP], err: [] };
  if (command === 'validate') {
    const { positionals } = options(rest, {});
    if (positionals.length === 0) throw new UsageError('validate takes one or more folders or files');
    const report = validatePaths(positionals);
    return { code: report.errors > 0 ? EXIT.invalid : EXIT.ok, out: report.lines, err: [] };
  }
  if (command === 'export-alarms') return exportAlarmsCommand(rest);
  if (command === 'config-schema') {
    const { positionals } = options(rest, {});
    if (positionals.length > 0) throw new UsageError('config-schema takes no arguments');
    writeFileSync(resolve(ROOT, CONFIG_SCHEMA_PATH), `${JSON.stringify(buildConfigJsonSchema(), null, 2)}\n`);
    return { code: EXIT.ok, out: [], err: [`written ${CONFIG_SCHEMA_PATH}`] };
  }
  throw new Error(`command '${command}' has no synchronous form`);
}

/** A result for any failure: a usage error with its reason, anything else as the tool's own, never a stack. */
function failed(command: string | undefined, error: unknown): CliResult {
  if (error instanceof UsageError) return usage(command ?? '', error.message);
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: EXIT.internal,
    out: [],
    err: [
      `internal error in kpi ${command ?? ''}: ${message}`.replace(/ {2,}/g, ' '),
      'please report it with the command you ran',
    ],
  };
}

/** Runs one command; returns the exit code and what to print, so tests can call it without a process. */
export function run(argv: readonly string[]): CliResult {
  try {
    return dispatch(argv);
  } catch (error) {
    return failed(argv[0], error);
  }
}

/** `cost` measures by running refreshes, so it is asynchronous; every other command is `run`. */
export async function runAsync(argv: readonly string[]): Promise<CliResult> {
  const [command, ...rest] = argv;
  if (command !== 'cost' || wantsHelp(rest)) return run(argv);
  try {
    const { file, screens, refresh, vars, mode } = parseCostArgs(rest);
    const read = readText(file);
    if (!read.ok) return { code: EXIT.invalid, out: [], err: [`error: ${file}: ${read.problem}`] };
    const parsed = parseFile(file, read.text);
    if ('code' in parsed) return parsed;
    if (!parsed.ok) {
      return { code: EXIT.invalid, out: [], err: parsed.errors.map((e) => `error: ${formatConfigError(e)}`) };
    }
    const dashboard = parsed.dashboard;
    const refreshSeconds = refresh ?? dashboard.refresh;
    const variables = resolveVariables(dashboard, vars).values;
    const report = await costOf(dashboard, { variables, refreshSeconds, screens, mode, text: read.text });
    return {
      code: EXIT.ok,
      out: describeCostReport(dashboard, report, { refreshSeconds, screens }),
      err: [],
    };
  } catch (error) {
    return failed(command, error);
  }
}

function parseCostArgs(args: readonly string[]): {
  file: string;
  screens: number;
  refresh?: number;
  vars: Record<string, string>;
  mode: CostMode;
} {
  const { values, positionals } = options(args, {
    mode: { type: 'string' },
    screens: { type: 'string' },
    refresh: { type: 'string' },
    var: { type: 'string', multiple: true },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('cost takes one dashboard file');
  const screensText = text(values.screens);
  const screens = screensText === undefined ? 1 : Number(screensText);
  if (!Number.isInteger(screens) || screens < 1 || screens > 100_000) {
    throw new UsageError(`--screens '${screensText}' is not a number of screens (1 to 100000)`);
  }
  const refreshText = text(values.refresh);
  const refresh = refreshText === undefined ? undefined : parseDuration(refreshText);
  if (refreshText !== undefined && (refresh === undefined || refresh < 10)) {
    throw new UsageError(`--refresh '${refreshText}' is not an interval of 10 s or more, such as 60s or 5m`);
  }
  const vars = variablePairs(texts(values.var));
  const mode = text(values.mode) ?? 'direct';
  if (mode !== 'direct' && mode !== 'relay') {
    throw new UsageError(
      `--mode '${mode}' is not direct (each screen calls CloudWatch) or relay (one relay for all)`,
    );
  }
  return { file, screens, ...(refresh === undefined ? {} : { refresh }), vars, mode };
}

/** Writes lines to a stream; a reader that went away (`| head`) ends the run quietly. */
function write(stream: NodeJS.WriteStream, lines: string[]): void {
  if (lines.length > 0) stream.write(`${lines.join('\n')}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const result = await runAsync(process.argv.slice(2)).catch((error: unknown) =>
    failed(process.argv[2], error),
  );
  write(process.stdout, result.out);
  write(process.stderr, result.err);
  process.exitCode = result.code;
}
