import { describe, expect, test } from 'vitest';
import { formatConfigError } from '../domain/kpi/config-error';
import { isLoopbackUrl, loadAppConfig, parseAppConfig } from './app-config';
import { DEMO_APP_CONFIG } from './app-config-schema';

const POOL = 'eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789';

function errorsOf(text: string): string[] {
  const parsed = parseAppConfig(text);
  if (parsed.ok) throw new Error('expected errors');
  return parsed.errors.map(formatConfigError);
}

describe('parseAppConfig accepts every credential source', () => {
  test.each([
    ['{"credentials": {"source": "demo"}}', { source: 'demo' }],
    [
      `{"credentials": {"source": "cognito-guest", "identityPoolId": "${POOL}"}}`,
      { source: 'cognito-guest' },
    ],
    [
      `{"credentials": {"source": "cognito-user-pool", "identityPoolId": "${POOL}", "userPoolId": "eu-west-1_AbC123",
        "clientId": "1example23456789abcdefghij", "domain": "https://bw.auth.eu-west-1.amazoncognito.com"}}`,
      { source: 'cognito-user-pool', userPoolId: 'eu-west-1_AbC123' },
    ],
    ['{"credentials": {"source": "pasted"}}', { source: 'pasted', allowSessionStorage: true }],
    ['{"endpoint": "https://cw-proxy.example.com", "credentials": {"source": "none"}}', { source: 'none' }],
  ])('%s', (text, credentials) => {
    const parsed = parseAppConfig(text);
    expect(parsed.ok && parsed.config.credentials).toMatchObject(credentials);
    expect(parsed.ok && parsed.config.regions).toEqual(['us-east-1']);
  });

  test('keeps regions and a loopback endpoint', () => {
    const parsed = parseAppConfig(
      '{"regions": ["eu-west-1", "us-east-1"], "endpoint": "http://127.0.0.1:4566", "credentials": {"source": "pasted"}}',
    );
    expect(parsed.ok && parsed.config).toMatchObject({
      regions: ['eu-west-1', 'us-east-1'],
      endpoint: 'http://127.0.0.1:4566',
    });
  });
});

describe('parseAppConfig reads the wire protocol', () => {
  test.each([
    ['{"credentials": {"source": "pasted"}}', undefined],
    ['{"protocol": "auto", "credentials": {"source": "pasted"}}', 'auto'],
    ['{"protocol": "json", "credentials": {"source": "pasted"}}', 'json'],
    ['{"protocol": "query", "credentials": {"source": "pasted"}}', 'query'],
  ])('%s → %s (absent means auto)', (text, protocol) => {
    const parsed = parseAppConfig(text);
    expect(parsed.ok && parsed.config.protocol).toBe(protocol);
  });
});

describe('parseAppConfig names the line, the field and the fix', () => {
  test.each([
    [
      '{"credentials": {"source": "cognito"}}',
      "config.json line 1, credentials.source: credentials.source is 'cognito'; use one of demo, cognito-guest",
    ],
    ['{"regions": []}', 'credentials: is required'],
    [
      '{\n  "credentials": {"source": "demo"},\n  "region": ["eu-west-1"]\n}',
      "config.json line 3, region: unknown field 'region' (did you mean 'regions'?)",
    ],
    [
      '{"credentials": {"source": "cognito-guest", "identityPoolId": "abc"}}',
      'credentials.identityPoolId: an identity pool id looks like',
    ],
    [
      '{"credentials": {"source": "cognito-guest", "identityPoolId": "abc"}}',
      'Cognito console → Identity pools',
    ],
    [
      '{"credentials": {"source": "pasted", "allowLocalStorage": true}}',
      "credentials.allowLocalStorage: unknown field 'allowLocalStorage'",
    ],
    ['{"regions": ["Ireland"], "credentials": {"source": "demo"}}', 'regions[0]: not an AWS region name'],
    [
      '{"endpoint": "https://x.example.com", "credentials": {"source": "demo"}}',
      'the demo answers inside the browser',
    ],
    ['{"credentials": {"source": "none"}}', "add endpoint with the proxy's URL"],
    ['{"endpoint": "http://cw.example.com", "credentials": {"source": "pasted"}}', 'use https://'],
    [
      '{"endpoint": "https://user:pw@cw.example.com", "credentials": {"source": "pasted"}}',
      'no user name, password',
    ],
    [
      '{"credentials": {"source": "demo"}, "credentials": {"source": "pasted"}}',
      "'credentials' appears twice",
    ],
    [
      '{"protocol": "xml", "credentials": {"source": "pasted"}}',
      "config.json line 1, protocol: 'xml' is not one of auto, json, query",
    ],
    ['{"credentials": ', 'YAML syntax error'],
    ['', 'the file is empty'],
  ])('%s', (text, expected) => {
    expect(errorsOf(text).join('\n')).toContain(expected);
  });
});

describe('isLoopbackUrl', () => {
  test.each([
    ['http://127.0.0.1:4566', true],
    ['http://localhost:8080/', true],
    ['http://[::1]:9000', true],
    ['http://127.1.2.3', true],
    ['http://192.168.1.10', false],
    ['https://monitoring.eu-west-1.amazonaws.com', false],
    ['not a url', false],
  ])('%s → %s', (url, loopback) => {
    expect(isLoopbackUrl(url)).toBe(loopback);
  });
});

describe('loadAppConfig', () => {
  const respond =
    (body: string, init: ResponseInit = {}) =>
    async (): Promise<Response> =>
      new Response(body, init);

  test('runs the demo when the site has no config.json', async () => {
    expect(await loadAppConfig('/', respond('', { status: 404 }))).toEqual({
      ok: true,
      config: DEMO_APP_CONFIG,
      missing: true,
    });
    const html = respond('<!doctype html><html></html>', { headers: { 'content-type': 'text/html' } });
    expect(await loadAppConfig('/', html)).toMatchObject({ ok: true, missing: true });
  });

  test('reports a server error and a failed fetch with the URL', async () => {
    const failed = await loadAppConfig('/app/', respond('', { status: 500 }));
    expect(failed.ok === false && failed.errors[0]?.message).toContain('HTTP 500 for /app/config.json');
    const offline = await loadAppConfig('/', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(offline.ok === false && offline.errors[0]?.message).toContain('could not fetch /config.json');
  });

  test('parses the served file', async () => {
    const loaded = await loadAppConfig('/', respond('{"credentials": {"source": "pasted"}}'));
    expect(loaded).toMatchObject({ ok: true, missing: false, config: { credentials: { source: 'pasted' } } });
  });
});
