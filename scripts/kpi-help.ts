/** The kpi command line's help: one text for the tool, one per command, and the exit codes. */

export const EXIT = {
  /** Done; for validate, no errors (warnings allowed). */
  ok: 0,
  /** The files have problems: an invalid dashboard or KPI, a file that cannot be read. */
  invalid: 1,
  /** The command line is wrong: an unknown command or option, a missing or malformed argument. */
  usage: 2,
  /** The tool itself failed; the message says what to report. */
  internal: 3,
} as const;

const EXIT_CODES = `Exit codes:
  0  done (validate: no errors; warnings do not fail)
  1  the files have problems: an invalid dashboard or KPI, a file that cannot be read
  2  the command line is wrong: unknown command or option, missing or malformed argument
  3  the tool itself failed (please report it)`;

const RUNNING = `Paths are read from where you typed the command. Only a command's artefact goes to stdout
(validate's and cost's reports; export-alarms' template with --out -); summaries, warnings and errors go
to stderr. npm prints its own banner on stdout, so to pipe stdout use \`npm run --silent kpi -- …\` or
\`npx tsx scripts/kpi.ts …\`.`;

export const COMMAND_HELP: Readonly<Record<string, string>> = {
  validate: `usage: npm run kpi -- validate <folder or file>...

Checks dashboard files (and index.yaml, config.json) with the app's own parsers and prints the same
file/line/field messages the app shows, then a summary. A folder is read as public/dashboards is: its
index.yaml, each file it lists, and any other .yaml file in it (warned about: the app does not offer it).

  npm run kpi -- validate public/dashboards
  npm run kpi -- validate public/dashboards/checkout.yaml public/config.json

The report goes to stdout. Exit 1 when there is any error, 0 otherwise.`,

  'export-alarms': `usage: npm run kpi -- export-alarms <dashboard.yaml> [--var name=value]... [--out file.json | --out -]

Writes a CloudFormation template of CloudWatch alarms for one dashboard's KPIs:
  threshold  one AWS::CloudWatch::Alarm per level (atRisk, breached): same M of N and missing data
  slo        each burn-rate rule as a long and a short alarm joined by an AWS::CloudWatch::CompositeAlarm
  anomaly    an anomaly-detection alarm (ANOMALY_DETECTION_BAND as ThresholdMetricId), on the KPI's bad side
A rule CloudWatch alarms cannot express (forecast) is named on stderr and left out.

Options:
  --var name=value  a dashboard variable's value (default: the variable's default, as in the app)
  --out file.json   where to write the template (default: <dashboard id>-alarms.json here)
  --out -           write the template to stdout, and nothing else

  npm run kpi -- export-alarms public/dashboards/checkout.yaml --var env=prod
  npm run --silent kpi -- export-alarms public/dashboards/checkout.yaml --out - > checkout-alarms.json

Exit 1 when the dashboard or a KPI is invalid (nothing is written), 2 for a bad --var.`,

  'config-schema': `usage: npm run kpi -- config-schema

Regenerates public/config.schema.json (the JSON Schema editors use for public/config.json) from the zod
schema the app validates config.json with.`,

  cost: `usage: npm run kpi -- cost <dashboard.yaml> [--mode direct|relay] [--screens N] [--refresh 60s] [--var name=value]...

Measures what one dashboard costs in CloudWatch API calls: an hour of refreshes through the app's own
planner and series cache against the simulated account, then GetMetricData calls and metrics on first
load and per refresh, and dollars a month.

Options:
  --mode direct     every screen calls CloudWatch itself (the default): the bill grows with the screens
  --mode relay      one relay (npm run relay) fetches for every screen, which read its snapshots
  --screens N       how many screens show it (default 1)
  --refresh 60s     the refresh interval (default: the dashboard's refresh)
  --var name=value  a dashboard variable's value

The report goes to stdout.`,
};

export const TOOL_HELP = `usage: npm run kpi -- <command> [arguments]

Bellwether's command line, over the same parsers and rules as the app.

Commands:
  validate <folder or file>...   check dashboard files, for CI
  export-alarms <dashboard.yaml> CloudWatch alarms from the KPIs, as a CloudFormation template
  config-schema                  regenerate public/config.schema.json
  cost <dashboard.yaml>          GetMetricData calls, metrics and dollars a month for one dashboard

Run \`npm run kpi -- <command> --help\` for a command's options.

${RUNNING}

${EXIT_CODES}`;

/** The help of one command, with how to run and the exit codes. */
export function commandHelp(command: string): string | undefined {
  const text = Object.hasOwn(COMMAND_HELP, command) ? COMMAND_HELP[command] : undefined;
  return text === undefined ? undefined : `${text}\n\n${EXIT_CODES}`;
}

/** One line to end a usage error with. */
export function seeHelp(command?: string): string {
  return command && Object.hasOwn(COMMAND_HELP, command)
    ? `run \`npm run kpi -- ${command} --help\` for its usage`
    : 'run `npm run kpi -- --help` for the commands';
}
