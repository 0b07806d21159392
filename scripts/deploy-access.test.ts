/**
 * Who may read relay snapshots: the template's own CloudFront Function, run here on CloudFront's event
 * shape against an in-memory key value store that behaves as CloudFront's documents (get() rejects for a
 * missing key). Nothing here reaches AWS.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import {
  enrolmentPath,
  newScreenKey,
  screenGrant,
  screenKeyCommands,
  screenKeyHash,
} from './deploy-screen-key';

type Header = { value: string };
interface ViewerRequest {
  method: string;
  uri: string;
  querystring: Record<string, Header>;
  headers: Record<string, Header>;
  cookies: Record<string, Header>;
}
interface GeneratedResponse {
  statusCode: number;
  headers: Record<string, Header>;
  cookies?: Record<string, { value: string; attributes?: string }>;
}
type Handler = (event: { request: ViewerRequest }) => Promise<ViewerRequest | GeneratedResponse>;

const template = parse(
  readFileSync(join(import.meta.dirname, '..', 'infra', 'bellwether-site.yaml'), 'utf8'),
) as {
  Resources: { SnapshotAccess: { Properties: { FunctionCode: string } } };
};
const CODE = template.Resources.SnapshotAccess.Properties.FunctionCode;

/** The function's code with CloudFront's two modules given to it: its `cloudfront` and Node's `crypto`. */
function load(store: Map<string, string>): Handler {
  const imports = /^import (\w+) from '([\w]+)';$/gm;
  const names = [...CODE.matchAll(imports)].map((m) => [m[1], m[2]] as const);
  expect(names).toEqual([
    ['cf', 'cloudfront'],
    ['crypto', 'crypto'],
  ]);
  const cf = {
    kvs: () => ({
      async get(key: string, options?: { format?: string }): Promise<unknown> {
        const value = store.get(key);
        if (value === undefined) throw new Error(`KeyNotFound: ${key}`);
        return options?.format === 'json' ? JSON.parse(value) : value;
      },
      async exists(key: string): Promise<boolean> {
        return store.has(key);
      },
    }),
  };
  const body = `${CODE.replace(imports, '')}\nreturn handler;`;
  return new Function('cf', 'crypto', body)(cf, { createHash }) as Handler;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const LOBBY = 'lobbyKey_0123456789abcdefghijklmnopqrstuv';
const OPS = 'opsRoomKey-ZYXWVUTSRQPONMLKJIHGFEDCBA98765';

function storeOf(): Map<string, string> {
  return new Map([
    [sha256(LOBBY), JSON.stringify({ screen: 'lobby', dashboards: ['checkout'] })],
    [sha256(OPS), JSON.stringify({ screen: 'ops', dashboards: ['checkout', 'platform'] })],
  ]);
}

function request(
  uri: string,
  key?: { header?: string; cookie?: string },
  query: Record<string, string> = {},
): { request: ViewerRequest } {
  return {
    request: {
      method: 'GET',
      uri,
      querystring: Object.fromEntries(Object.entries(query).map(([name, value]) => [name, { value }])),
      headers: key?.header ? { 'x-bellwether-screen-key': { value: key.header } } : {},
      cookies: key?.cookie ? { 'bellwether-screen-key': { value: key.cookie } } : {},
    },
  };
}

async function status(handler: Handler, event: { request: ViewerRequest }): Promise<number> {
  const out = await handler(event);
  return 'statusCode' in out ? out.statusCode : 200;
}

describe('snapshot access at the edge', () => {
  test.each([
    ['the lobby screen reads its dashboard', '/snapshots/checkout/env=prod.json', { header: LOBBY }, 200],
    ['… by cookie too', '/snapshots/checkout/env=prod.json', { cookie: LOBBY }, 200],
    ['… but not another dashboard', '/snapshots/platform/env=prod.json', { header: LOBBY }, 403],
    ['the ops screen reads both', '/snapshots/platform/env=prod.json', { header: OPS }, 200],
    ['no key', '/snapshots/checkout/env=prod.json', {}, 401],
    [
      'a key of the wrong shape is not looked up',
      '/snapshots/checkout/env=prod.json',
      { header: 'short' },
      401,
    ],
    ['an unknown key', '/snapshots/checkout/env=prod.json', { header: LOBBY.replace('l', 'L') }, 403],
    ['a dashboard id that is not one', '/snapshots/..%2Fcheckout/env=prod.json', { header: OPS }, 404],
    ['the folder itself', '/snapshots/checkout', { header: OPS }, 404],
    [
      'a dot segment out of a granted dashboard',
      '/snapshots/checkout/../platform/default.json',
      { header: LOBBY },
      404,
    ],
    ['… encoded', '/snapshots/checkout/%2E%2E/platform/default.json', { header: LOBBY }, 404],
    ['a deeper path', '/snapshots/checkout/x/env=prod.json', { header: OPS }, 404],
    [
      'a value with an encoded slash stays one file',
      '/snapshots/checkout/env=a%252Fb.json',
      { header: LOBBY },
      200,
    ],
    ['an encoded slash is the same path', '/snapshots%2Fplatform%2Fenv=prod.json', { header: LOBBY }, 403],
    ['upper case is no way round', '/SNAPSHOTS/platform/env=prod.json', { header: LOBBY }, 403],
    ['doubled slashes neither', '//snapshots//platform/env=prod.json', {}, 401],
    ['malformed escapes are refused', '/snapshots/%E0%A4%A/x.json', { header: OPS }, 400],
    ['the site itself needs no key', '/index.html', {}, 200],
    ['nor its dashboards', '/dashboards/checkout.yaml', {}, 200],
    ['nor a page of the app', '/wall/checkout', {}, 200],
  ])('%s: %s → %i', async (_name, uri, key, expected) => {
    expect(await status(load(storeOf()), request(uri, key))).toBe(expected);
  });

  test('revoking a screen is deleting its entry: the next request is refused', async () => {
    const store = storeOf();
    const handler = load(store);
    const event = (): { request: ViewerRequest } =>
      request('/snapshots/checkout/env=prod.json', { header: LOBBY });
    expect(await status(handler, event())).toBe(200);
    store.delete(sha256(LOBBY));
    expect(await status(handler, event())).toBe(403);
    expect(await status(handler, request('/snapshots/checkout/env=prod.json', { header: OPS }))).toBe(200);
  });

  test('the store holds only hashes: the key itself opens nothing when stored as is', async () => {
    const store = new Map([[LOBBY, JSON.stringify({ dashboards: ['checkout'] })]]);
    expect(await status(load(store), request('/snapshots/checkout/env=prod.json', { header: LOBBY }))).toBe(
      403,
    );
  });

  test('refusals are never cached; a 401 names the scheme; the key is not passed on to S3', async () => {
    const handler = load(storeOf());
    const refused = (await handler(request('/snapshots/checkout/x.json'))) as GeneratedResponse;
    expect(refused.headers['cache-control']?.value).toBe('no-store');
    expect(refused.headers['www-authenticate']?.value).toMatch(/^Bearer /);
    const forbidden = (await handler(
      request('/snapshots/platform/x.json', { header: LOBBY }),
    )) as GeneratedResponse;
    expect(forbidden.headers['cache-control']?.value).toBe('no-store');
    const passed = (await handler(request('/snapshots/checkout/x.json', { header: LOBBY }))) as ViewerRequest;
    expect(passed.uri).toBe('/snapshots/checkout/x.json');
    expect(passed.headers['x-bellwether-screen-key']).toBeUndefined();
  });

  test('a refusal says why, so a screen tells a revoked key from a snapshot not written yet (S3: 404)', async () => {
    const handler = load(storeOf());
    const reason = async (event: { request: ViewerRequest }): Promise<string | undefined> =>
      ((await handler(event)) as GeneratedResponse).headers['x-bellwether-refused']?.value;
    expect(await reason(request('/snapshots/checkout/x.json'))).toBe('no-screen-key');
    expect(await reason(request('/snapshots/checkout/x.json', { header: 'x'.repeat(40) }))).toBe(
      'unknown-screen-key',
    );
    expect(await reason(request('/snapshots/platform/x.json', { header: LOBBY }))).toBe(
      'dashboard-not-granted',
    );
    expect(await reason(request('/snapshots/checkout', { header: LOBBY }))).toBe('not-a-snapshot');
  });

  test.each([
    ['/', '/index.html'],
    ['/d/checkout/k/payment-success-rate', '/index.html'],
    ['/connect/callback', '/index.html'],
    ['/wall', '/index.html'],
    ['/assets/index-BXk3d9aQ.js', '/assets/index-BXk3d9aQ.js'],
    ['/config.json', '/config.json'],
    ['/dashboards/index.yaml', '/dashboards/index.yaml'],
  ])('client-side routes are the app page (no custom error pages): %s → %s', async (uri, served) => {
    const out = (await load(storeOf())(request(uri))) as ViewerRequest;
    expect(out.uri).toBe(served);
  });

  test('enrolling a screen sets its key as a cookie only snapshot requests carry, and leaves the address', async () => {
    const handler = load(storeOf());
    const out = (await handler(
      request('/_screen/enrol', {}, { key: LOBBY, next: '%2Fwall%2Fcheckout%3Ftheme%3Ddark' }),
    )) as GeneratedResponse;
    expect(out.statusCode).toBe(302);
    expect(out.headers.location?.value).toBe('/wall/checkout?theme=dark');
    expect(out.headers['cache-control']?.value).toBe('no-store');
    expect(out.cookies?.['bellwether-screen-key']).toEqual({
      value: LOBBY,
      attributes: 'Path=/snapshots; Max-Age=31536000; Secure; HttpOnly; SameSite=Strict',
    });
    // …and that cookie opens the screen's dashboards, as the header does.
    const cookie = out.cookies?.['bellwether-screen-key']?.value ?? '';
    expect(await status(handler, request('/snapshots/checkout/env=prod.json', { cookie }))).toBe(200);
  });

  test.each([
    ['no key', {}, 401],
    ['a key of the wrong shape', { key: 'short' }, 401],
    ['a key not in the store (a typo, or revoked)', { key: 'x'.repeat(40) }, 403],
  ])('enrolment with %s sets no cookie', async (_name, query, expected) => {
    const out = (await load(storeOf())(request('/_screen/enrol', {}, query))) as GeneratedResponse;
    expect(out.statusCode).toBe(expected);
    expect(out.cookies).toBeUndefined();
  });

  test.each([
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['%E0%A4%A', '/'],
    ['/d/checkout', '/d/checkout'],
  ])('enrolment sends nowhere but this site: next=%s → %s', async (next, location) => {
    const out = (await load(storeOf())(
      request('/_screen/enrol', {}, { key: LOBBY, next }),
    )) as GeneratedResponse;
    expect(out.headers.location?.value).toBe(location);
  });

  test('a grant that is not a list of dashboards opens nothing', async () => {
    const store = new Map([[sha256(LOBBY), JSON.stringify({ dashboards: 'checkout' })]]);
    expect(await status(load(store), request('/snapshots/checkout/x.json', { header: LOBBY }))).toBe(403);
  });

  test('a key and grant made by scripts/deploy-screen-key.ts open exactly what they say', async () => {
    const key = newScreenKey();
    const store = new Map([[screenKeyHash(key), screenGrant('hall', ['platform'])]]);
    const handler = load(store);
    expect(await status(handler, request('/snapshots/platform/default.json', { header: key }))).toBe(200);
    expect(await status(handler, request('/snapshots/checkout/env=prod.json', { header: key }))).toBe(403);
    expect(newScreenKey()).not.toBe(key);
    // Its enrolment address, parsed as CloudFront gives it to the function (values still encoded).
    const url = new URL(`https://bw.example${enrolmentPath(key, '/wall/platform')}`);
    const raw = Object.fromEntries(
      url.search
        .slice(1)
        .split('&')
        .map((kv) => kv.split('=') as [string, string]),
    );
    const out = (await handler(request(url.pathname, {}, raw))) as GeneratedResponse;
    expect(out.headers.location?.value).toBe('/wall/platform');
    expect(out.cookies?.['bellwether-screen-key']?.value).toBe(key);
  });

  test('the script refuses what the edge would never match, and prints the CLI that changes the store', () => {
    expect(() => screenKeyHash('short')).toThrow(/32 to 128/);
    expect(() => screenGrant('hall', ['Checkout'])).toThrow(/not: Checkout/);
    expect(() => screenGrant('hall', [])).toThrow(/dashboard ids/);
    expect(screenGrant('hall', ['checkout', 'checkout'])).toBe('{"screen":"hall","dashboards":["checkout"]}');
    const hash = screenKeyHash(LOBBY);
    expect(hash).toBe(sha256(LOBBY));
    const [, , put] = screenKeyCommands('bw', hash, screenGrant("lobby's", ['checkout']));
    expect(put).toBe(
      `aws cloudfront-keyvaluestore put-key --kvs-arn "$KVS" --if-match "$ETAG" --key ${hash} --value '{"screen":"lobby'\\''s","dashboards":["checkout"]}'`,
    );
    expect(screenKeyCommands('bw', hash)[2]).toBe(
      `aws cloudfront-keyvaluestore delete-key --kvs-arn "$KVS" --if-match "$ETAG" --key ${hash}`,
    );
  });

  test('the code fits CloudFront Functions: under 10 KB, runtime 2.0', () => {
    expect(Buffer.byteLength(CODE)).toBeLessThan(10_240);
  });
});
