import type { ConfigError } from '../domain/kpi/config-error';
import { asRecord } from '../domain/kpi/parse-raw';
import { validatePart } from '../domain/kpi/parse-validate';
import { readYaml } from '../domain/kpi/parse-yaml';
import {
  type AppConfig,
  appConfigShellSchema,
  type CredentialSourceKind,
  credentialSources,
  credentialsSchemas,
  DEMO_APP_CONFIG,
} from './app-config-schema';
import type { FetchFn } from './dashboards/load-dashboards';

const APP_CONFIG_FILE = 'config.json';

/** The deployment config, or every reason it is unusable, each pinned to its line and field. */
export type ParsedAppConfig =
  | {
      ok: true;
      config: AppConfig /** True when the site has no config.json and runs the demo. */;
      missing: boolean;
    }
  | { ok: false; errors: ConfigError[] };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Plain http is only acceptable to this machine: anything else would carry signed requests in clear text. */
export function isLoopbackUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  } catch {
    return false;
  }
}

function crossCheck(
  config: AppConfig,
  at: (path: (string | number)[], message: string) => ConfigError,
): ConfigError[] {
  const errors: ConfigError[] = [];
  const source = config.credentials.source;
  if (source === 'demo' && config.endpoint !== undefined) {
    errors.push(
      at(
        ['endpoint'],
        'the demo answers inside the browser and ignores endpoint; remove endpoint, or choose credentials.source pasted, cognito-guest, cognito-user-pool or none to use it',
      ),
    );
  }
  // A wall on the relay's snapshots alone calls no CloudWatch, so it needs neither credentials nor a proxy.
  const snapshotsOnly = config.source === 'snapshot' && config.snapshots?.fallback !== 'direct';
  if (source === 'none' && config.endpoint === undefined && !snapshotsOnly) {
    errors.push(
      at(
        ['credentials', 'source'],
        "'none' sends unsigned-for-AWS requests to a proxy that signs them; add endpoint with the proxy's URL",
      ),
    );
  }
  if (config.snapshots !== undefined && config.source !== 'snapshot') {
    errors.push(
      at(['snapshots'], 'snapshots is read only with "source": "snapshot"; add it, or remove snapshots'),
    );
  }
  if (config.endpoint?.startsWith('http://') && !isLoopbackUrl(config.endpoint)) {
    errors.push(
      at(
        ['endpoint'],
        `'${config.endpoint}' uses plain http to another machine, which would expose signed requests; use https:// (http is allowed only for 127.0.0.1 and localhost)`,
      ),
    );
  }
  return errors;
}

/**
 * Reads config.json with the same care as dashboards: JSON read as YAML (a subset) so every error names
 * its line and field, unknown keys get "did you mean", and the credentials block is checked by its source.
 */
export function parseAppConfig(text: string, file = APP_CONFIG_FILE): ParsedAppConfig {
  const read = readYaml(file, text);
  if (!read.ok) return { ok: false, errors: read.errors };
  const { source } = read;
  if (source.value === null || source.value === undefined) {
    const message = `the file is empty; write at least {"credentials": {"source": "demo"}}`;
    return { ok: false, errors: [{ file, line: 1, column: 1, path: '', message }] };
  }
  const shell = validatePart(appConfigShellSchema, source.value, source);
  const rawCredentials = asRecord(source.value)?.credentials;
  const credentials = validateCredentials(rawCredentials, source);
  const errors = [...(shell.ok ? [] : shell.errors), ...(credentials.ok ? [] : credentials.errors)];
  if (!shell.ok || !credentials.ok) return { ok: false, errors };
  const { credentials: _raw, ...fields } = shell.data;
  const config: AppConfig = { ...fields, credentials: credentials.data };
  const crossErrors = crossCheck(config, (path, message) => source.errorAt(path, message));
  if (crossErrors.length > 0) return { ok: false, errors: crossErrors };
  return { ok: true, config, missing: false };
}

function validateCredentials(
  raw: unknown,
  source: Parameters<typeof validatePart>[2],
): { ok: true; data: AppConfig['credentials'] } | { ok: false; errors: ConfigError[] } {
  const kind = asRecord(raw)?.source;
  if (raw === undefined) {
    return {
      ok: false,
      errors: [
        source.errorAt(
          ['credentials'],
          `is required: say where AWS credentials come from, with source one of ${credentialSources.join(', ')}`,
        ),
      ],
    };
  }
  if (typeof kind !== 'string' || !(credentialSources as readonly string[]).includes(kind)) {
    const shown = typeof kind === 'string' ? `'${kind}'` : 'nothing';
    return {
      ok: false,
      errors: [
        source.errorAt(
          asRecord(raw) ? ['credentials', 'source'] : ['credentials'],
          `credentials.source is ${shown}; use one of ${credentialSources.join(', ')}`,
        ),
      ],
    };
  }
  const schema = credentialsSchemas[kind as CredentialSourceKind];
  const result = validatePart(schema, raw, source, ['credentials']);
  return result.ok ? { ok: true, data: result.data as AppConfig['credentials'] } : result;
}

/**
 * Fetches the deployment's config.json. A site without one runs the demo, so `npm ci && npm start` and
 * static hosts that answer a missing file with index.html both keep showing the simulated account.
 */
export async function loadAppConfig(
  baseUrl: string,
  fetchFn: FetchFn,
  signal?: AbortSignal,
): Promise<ParsedAppConfig> {
  const url = `${baseUrl}${APP_CONFIG_FILE}`;
  let response: Response;
  try {
    response = await fetchFn(url, { ...(signal ? { signal } : {}), cache: 'no-cache' });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const message = `could not fetch ${url} (${reason}); check the network connection and reload`;
    return { ok: false, errors: [{ file: APP_CONFIG_FILE, path: '', message }] };
  }
  if (response.status === 404) return { ok: true, config: DEMO_APP_CONFIG, missing: true };
  if (!response.ok) {
    const message = `the server answered HTTP ${response.status} for ${url}; reload, and if it persists check the web server`;
    return { ok: false, errors: [{ file: APP_CONFIG_FILE, path: '', message }] };
  }
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('text/html') || /^\s*<(!doctype|html)/i.test(text)) {
    return { ok: true, config: DEMO_APP_CONFIG, missing: true };
  }
  return parseAppConfig(text);
}
