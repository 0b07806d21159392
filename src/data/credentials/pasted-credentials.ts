import type { StaticCredentials } from '../cloudwatch/client';

/** What an engineer typed or pasted into the connection form. */
export interface PastedInput {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export type PastedCredentials =
  | {
      ok: true;
      credentials: StaticCredentials /** Long-term keys: usable, but the screen says why not to. */;
      warnings: string[];
    }
  | { ok: false; errors: string[] };

const ACCESS_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{16}$/;
const SECRET = /^[A-Za-z0-9/+=]{40}$/;

/** Known names for the three values, as `aws configure export-credentials` and the SSO portal print them. */
const NAMES: Record<string, keyof PastedInput> = {
  AWS_ACCESS_KEY_ID: 'accessKeyId',
  AWS_SECRET_ACCESS_KEY: 'secretAccessKey',
  AWS_SESSION_TOKEN: 'sessionToken',
  aws_access_key_id: 'accessKeyId',
  aws_secret_access_key: 'secretAccessKey',
  aws_session_token: 'sessionToken',
};

/**
 * Reads a pasted block of `export AWS_ACCESS_KEY_ID=…` (bash), `set …` (cmd), `$Env:…="…"` (PowerShell)
 * or `aws_access_key_id = …` (credentials file) lines, so an engineer can paste what the CLI or the
 * SSO portal gives them instead of copying three fields one by one.
 */
export function parseCredentialBlock(text: string): Partial<PastedInput> {
  const out: Partial<PastedInput> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+|set\s+|\$Env:)?([A-Za-z_]+)\s*=\s*["']?([^"'\s]+)["']?\s*$/.exec(line);
    const field = match?.[1] === undefined ? undefined : NAMES[match[1]];
    if (field && match?.[2]) out[field] = match[2];
  }
  return out;
}

/**
 * Checks pasted keys before anything is signed with them. Temporary credentials (ASIA… with a session
 * token) are what the form is for; long-term keys (AKIA…, no token) work but earn a warning, because a
 * leaked browser tab would then leak a key that never expires.
 */
export function checkPastedCredentials(input: PastedInput): PastedCredentials {
  const accessKeyId = input.accessKeyId.trim();
  const secretAccessKey = input.secretAccessKey.trim();
  const sessionToken = input.sessionToken?.trim() ?? '';
  const errors: string[] = [];
  if (!ACCESS_KEY_ID.test(accessKeyId)) {
    errors.push(
      accessKeyId === ''
        ? 'Access key id is empty: paste the AWS_ACCESS_KEY_ID value (it starts with ASIA for temporary credentials)'
        : `Access key id is not in the form AWS uses (20 capital letters and digits starting with ASIA or AKIA); got ${accessKeyId.length} characters`,
    );
  }
  if (!SECRET.test(secretAccessKey)) {
    errors.push(
      secretAccessKey === ''
        ? 'Secret access key is empty: paste the AWS_SECRET_ACCESS_KEY value'
        : `Secret access key should be 40 characters of letters, digits, / + and =; got ${secretAccessKey.length} characters`,
    );
  }
  if (accessKeyId.startsWith('ASIA') && sessionToken === '') {
    errors.push(
      'Session token is missing: keys starting with ASIA are temporary and only work with their AWS_SESSION_TOKEN',
    );
  }
  if (errors.length > 0) return { ok: false, errors };

  const warnings: string[] = [];
  if (sessionToken === '') {
    warnings.push(
      'These are long-term access keys (no session token). They never expire, so anyone who reads this tab could use them until they are deleted. Prefer temporary credentials: `aws sts get-session-token`, `aws configure export-credentials` or the IAM Identity Center portal.',
    );
  }
  return {
    ok: true,
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken === '' ? {} : { sessionToken }) },
    warnings,
  };
}

/** The access key id with all but its kind and last four characters hidden, for the screen; never the secret. */
export function maskAccessKeyId(accessKeyId: string): string {
  if (accessKeyId.length < 8) return '••••';
  return `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}
