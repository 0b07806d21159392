/**
 * npx tsx scripts/deploy-screen-key.ts --screen lobby --dashboards checkout,platform [--stack bellwether]
 * npx tsx scripts/deploy-screen-key.ts --revoke <key> [--stack bellwether]
 *
 * A screen's key for the relay's snapshots (docs/aws.md, "Who may read snapshots"): prints a new random key
 * to give the screen, and the AWS CLI commands that put its SHA-256 and grant into the stack's
 * KeyValueStore, or delete it again. Touches nothing itself.
 */
import { createHash, randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** The shape the edge function accepts (infra/bellwether-site.yaml, SnapshotAccess). */
export const SCREEN_KEY = /^[A-Za-z0-9_-]{32,128}$/;
/** Dashboard ids, as the dashboard schema has them. */
const DASHBOARD_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** CloudFront KeyValueStore: a value is at most 1 KB. */
const MAX_VALUE_BYTES = 1024;

/** 32 random bytes, base64url: 43 characters. */
export function newScreenKey(): string {
  return randomBytes(32).toString('base64url');
}

/** What the store is keyed by: the key's SHA-256 in hex, never the key itself. */
export function screenKeyHash(key: string): string {
  if (!SCREEN_KEY.test(key)) throw new Error('a screen key is 32 to 128 characters of A-Z a-z 0-9 _ -');
  return createHash('sha256').update(key).digest('hex');
}

/** The entry's value: which screen, and the dashboards it may read. */
export function screenGrant(screen: string, dashboards: readonly string[]): string {
  const bad = dashboards.filter((id) => !DASHBOARD_ID.test(id));
  if (dashboards.length === 0 || bad.length > 0) {
    throw new Error(
      `dashboard ids are lower-case letters, digits and -, such as checkout${bad.length ? `; not: ${bad.join(', ')}` : ''}`,
    );
  }
  const value = JSON.stringify({ screen, dashboards: [...new Set(dashboards)] });
  if (Buffer.byteLength(value) > MAX_VALUE_BYTES)
    throw new Error('a grant is at most 1 KB: list fewer dashboards');
  return value;
}

/** The address that gives a screen its key as a cookie (the edge function's /_screen/enrol), then opens `next`. */
export function enrolmentPath(key: string, next: string): string {
  return `/_screen/enrol?key=${encodeURIComponent(key)}&next=${encodeURIComponent(next)}`;
}

const quote = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`;

/** The shell commands that add (or, with no grant, delete) a screen's entry. */
export function screenKeyCommands(stack: string, hash: string, grant?: string): string[] {
  const kvs = `KVS=$(aws cloudformation describe-stacks --stack-name ${quote(stack)} --query "Stacks[0].Outputs[?OutputKey=='ScreenKeysArn'].OutputValue" --output text)`;
  const etag =
    'ETAG=$(aws cloudfront-keyvaluestore describe-key-value-store --kvs-arn "$KVS" --query ETag --output text)';
  const change =
    grant === undefined
      ? `aws cloudfront-keyvaluestore delete-key --kvs-arn "$KVS" --if-match "$ETAG" --key ${hash}`
      : `aws cloudfront-keyvaluestore put-key --kvs-arn "$KVS" --if-match "$ETAG" --key ${hash} --value ${quote(grant)}`;
  return [kvs, etag, change];
}

function main(): void {
  const { values } = parseArgs({
    options: {
      screen: { type: 'string' },
      dashboards: { type: 'string' },
      revoke: { type: 'string' },
      stack: { type: 'string', default: 'bellwether' },
    },
  });
  try {
    if (values.revoke) {
      console.log(screenKeyCommands(values.stack, screenKeyHash(values.revoke)).join('\n'));
      return;
    }
    if (!values.screen || !values.dashboards)
      throw new Error('give --screen <name> and --dashboards a,b (or --revoke <key>)');
    const key = newScreenKey();
    const grant = screenGrant(
      values.screen,
      values.dashboards.split(',').map((d) => d.trim()),
    );
    console.error(
      `Screen key for ${values.screen} (give it to the screen; it is not stored anywhere): ${key}`,
    );
    const first = values.dashboards.split(',')[0]?.trim() ?? '';
    console.error(
      `Once the entry is in, open on the screen: https://<SiteUrl>${enrolmentPath(key, `/wall/${first}`)}`,
    );
    console.log(screenKeyCommands(values.stack, screenKeyHash(key), grant).join('\n'));
  } catch (error) {
    console.error(`deploy-screen-key: ${(error as Error).message}`);
    process.exit(2);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
