/**
 * How `npm run deploy -- --stack …` ships the relay: the zip's name, the stack parameters that point the
 * function at it, and the steps in order. Pure, so the plan is tested (and printed by --dry-run) without AWS.
 */
import { createHash } from 'node:crypto';
import { strToU8, unzipSync, type Zippable, zipSync } from 'fflate';

/** The module Lambda loads (`index.handler` in the template). */
export const RELAY_ENTRY_FILE = 'index.mjs';
/** CloudFormation takes at most 4,096 bytes in a parameter value; Lambda 4 KB of environment in all. */
export const MAX_RELAY_CONFIG_BYTES = 3_500;
/** Every entry gets the same (local, as zip dates are) date so the same code makes the same zip, the same key and no stack change. */
const ZIP_DATE = new Date(1980, 0, 2);

/** A zip of the bundle's files (deflated), byte-for-byte the same for the same files. */
export function zipBundle(files: Readonly<Record<string, string | Uint8Array>>): Uint8Array {
  const entries: Zippable = {};
  for (const name of Object.keys(files).sort()) {
    const data = files[name] ?? '';
    entries[name] = [typeof data === 'string' ? strToU8(data) : data, { mtime: ZIP_DATE, level: 9 }];
  }
  return zipSync(entries);
}

/** The names of a zip's files (to check what Lambda will see). */
export function zipEntries(zip: Uint8Array): string[] {
  return Object.keys(unzipSync(zip)).sort();
}

/** Content-addressed: a new key exactly when the code changes, which is what makes CloudFormation update it. */
export function relayCodeKey(zip: Uint8Array): string {
  return `relay/bellwether-relay-${createHash('sha256').update(zip).digest('hex').slice(0, 16)}.zip`;
}

export interface StackParameter {
  ParameterKey: string;
  ParameterValue?: string;
  UsePreviousValue?: boolean;
}

/**
 * The parameters of the stack update: the relay's code and dashboards, the CSP's regions and extra
 * origins from config.json (so CloudFront sends the page's policy), every other parameter as it was.
 */
export function relayStackParameters(options: {
  existing: readonly string[];
  codeKey: string;
  relayConfig: string;
  site: Record<string, string>;
}): StackParameter[] {
  if (Buffer.byteLength(options.relayConfig) > MAX_RELAY_CONFIG_BYTES) {
    throw new Error(
      `the relay's dashboards take ${Buffer.byteLength(options.relayConfig)} bytes; at most ${MAX_RELAY_CONFIG_BYTES} fit a stack parameter`,
    );
  }
  const given: Record<string, string> = {
    ...options.site,
    RelayCodeKey: options.codeKey,
    RelayDashboards: options.relayConfig,
  };
  const keys = [...new Set([...options.existing, ...Object.keys(given)])].sort();
  return keys.map((key) =>
    key in given
      ? { ParameterKey: key, ParameterValue: given[key] }
      : { ParameterKey: key, UsePreviousValue: true },
  );
}

/** The relay config as one line of JSON (what the function reads from BELLWETHER_RELAY_DASHBOARDS). */
export function compactRelayConfig(text: string | undefined): string {
  if (text === undefined || text.trim() === '') return '';
  return JSON.stringify(JSON.parse(text));
}

/** What the deploy does, in order, for --dry-run and the log. */
export function relaySteps(options: {
  stack: string;
  codeBucket: string;
  codeKey: string;
  zipBytes: number;
  parameters: readonly StackParameter[];
}): string[] {
  const changed = options.parameters
    .filter((p) => p.ParameterValue !== undefined)
    .map(
      (p) =>
        `${p.ParameterKey}=${p.ParameterKey === 'RelayDashboards' ? `${(p.ParameterValue ?? '').length} bytes` : `'${p.ParameterValue}'`}`,
    );
  return [
    `bundle src/relay/lambda.ts → ${RELAY_ENTRY_FILE} (one ESM file, the AWS SDK included)`,
    `zip it: ${options.zipBytes} bytes`,
    `put s3://${options.codeBucket}/${options.codeKey}`,
    `update stack ${options.stack} with infra/bellwether-site.yaml: ${changed.join(' ')}; the rest as they are`,
    `wait for ${options.stack} to finish updating (the function, its schedule and roles)`,
  ];
}
