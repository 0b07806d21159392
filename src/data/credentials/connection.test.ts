import { describe, expect, test } from 'vitest';
import type { AppConfig } from '../app-config-schema';
import { CloudWatchError, toCloudWatchError, toCredentialsError } from '../cloudwatch/errors';
import { createConnection, PLACEHOLDER_CREDENTIALS, RENEW_AT_MOST_EVERY_MS } from './connection';
import type { SessionStorageLike } from './credential-store';

const POOL = 'eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function session(): SessionStorageLike {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

function config(credentials: AppConfig['credentials'], endpoint?: string): AppConfig {
  return { regions: ['eu-west-1'], credentials, ...(endpoint ? { endpoint } : {}) };
}

/** CloudWatch refusing a request's credentials as expired, as the SDK reports it. */
const expired = toCloudWatchError(
  Object.assign(new Error('The security token included in the request is expired'), {
    name: 'ExpiredToken',
    $metadata: { httpStatusCode: 403 },
  }),
  { operation: 'GetMetricData', region: 'eu-west-1', endpoint: 'https://monitoring.eu-west-1.amazonaws.com' },
);

describe('createConnection', () => {
  test('demo and proxy connections sign with placeholder keys and are ready at once', async () => {
    for (const c of [config({ source: 'demo' }), config({ source: 'none' }, 'https://proxy.example.com')]) {
      const connection = createConnection(c);
      expect(connection.state().kind).toBe('ready');
      expect(await connection.credentials()).toEqual(PLACEHOLDER_CREDENTIALS);
    }
  });

  test('a screen on the relay alone says it holds no AWS credential and calls no AWS API', () => {
    const relayed = createConnection({ ...config({ source: 'none' }), source: 'snapshot' });
    expect(relayed.state()).toEqual({
      kind: 'ready',
      summary:
        "The relay's snapshots, read from this site: this screen holds no AWS credential and calls no AWS API",
    });
  });

  test('pasted: not connected until credentials are pasted, then ready and masked', async () => {
    const connection = createConnection(
      config({ source: 'pasted', allowSessionStorage: true }, 'http://127.0.0.1:4566'),
      { session: session() },
    );
    expect(connection.state()).toMatchObject({ kind: 'needs-credentials' });
    await expect(connection.credentials()).rejects.toMatchObject({
      code: 'NoCredentials',
      message: expect.stringContaining('Connection page'),
    });
    let notified = 0;
    connection.subscribe(() => notified++);
    const result = connection.paste(
      { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET, sessionToken: 'tok' },
      true,
    );
    expect(result.ok).toBe(true);
    expect(notified).toBe(1);
    expect(connection.place()).toBe('session');
    expect(connection.state().summary).toBe(
      'Pasted temporary credentials ASIA…MPLE, kept in this tab until it closes through http://127.0.0.1:4566',
    );
    expect(connection.state().summary).not.toContain(SECRET);
    expect(await connection.credentials()).toMatchObject({
      accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
      sessionToken: 'tok',
    });
    connection.forget();
    expect(connection.state().kind).toBe('needs-credentials');
  });

  test('pasted with allowSessionStorage false never remembers in the tab', () => {
    const connection = createConnection(config({ source: 'pasted', allowSessionStorage: false }), {
      session: session(),
    });
    connection.paste({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET }, true);
    expect(connection.place()).toBe('memory');
    expect(connection.state().summary).toContain('long-term access keys');
  });

  test('cognito guest: credentials from the pool, refreshed ahead of expiry', async () => {
    let now = 0;
    let calls = 0;
    const connection = createConnection(config({ source: 'cognito-guest', identityPoolId: POOL }), {
      now: () => now,
      cognito: (options) => async () => {
        expect(options).toEqual({ identityPoolId: POOL });
        calls += 1;
        return {
          accessKeyId: `ASIA${calls}`,
          secretAccessKey: 's',
          sessionToken: 't',
          expiration: new Date(now + 3_600_000),
        };
      },
    });
    expect(connection.state().summary).toContain(`Guest access through Cognito identity pool ${POOL}`);
    await connection.credentials();
    now = 56 * 60_000;
    expect((await connection.credentials()).accessKeyId).toBe('ASIA2');
  });

  test('cognito guest refused: the error says to enable guest access', async () => {
    const connection = createConnection(config({ source: 'cognito-guest', identityPoolId: POOL }), {
      cognito: () => async () => {
        throw Object.assign(new Error('Unauthenticated access is not supported for this identity pool.'), {
          name: 'NotAuthorizedException',
          $metadata: { httpStatusCode: 400 },
        });
      },
    });
    const error = await connection.credentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudWatchError);
    expect(error).toMatchObject({
      code: 'AccessDenied',
      message: expect.stringContaining('enable "guest access"'),
    });
  });

  test('refused: a stale Cognito set is forgotten, a failed sign-in and other sources are left as they are', async () => {
    let calls = 0;
    const connection = createConnection(config({ source: 'cognito-guest', identityPoolId: POOL }), {
      cognito: () => async () => ({ accessKeyId: `ASIA${++calls}`, secretAccessKey: 's' }),
    });
    const signInRefused = toCredentialsError(
      Object.assign(new Error('Token expired'), { name: 'NotAuthorizedException' }),
      POOL,
      true,
    );
    await connection.credentials();
    expect(connection.refused(signInRefused)).toBe(signInRefused);
    expect((await connection.credentials()).accessKeyId).toBe('ASIA1');
    expect(connection.refused(expired)).toMatchObject({ code: 'ExpiredToken', retryable: true });
    expect((await connection.credentials()).accessKeyId).toBe('ASIA2');

    for (const c of [config({ source: 'demo' }), config({ source: 'none' }, 'https://proxy.example.com')]) {
      expect(createConnection(c).refused(expired)).toBe(expired);
    }
  });

  test('refused again within a minute of renewing: no further call to Cognito, and final until the next refresh', async () => {
    let calls = 0;
    let clock = 1_000_000;
    const connection = createConnection(config({ source: 'cognito-guest', identityPoolId: POOL }), {
      now: () => clock,
      cognito: () => async () => ({ accessKeyId: `ASIA${++calls}`, secretAccessKey: 's' }),
    });
    await connection.credentials();
    expect(connection.refused(expired)).toMatchObject({ retryable: true });
    await connection.credentials();
    expect(calls).toBe(2);
    // Refused again straight away: the set is fresh, so renewing cannot help and the attempt is final.
    clock += 5_000;
    expect(connection.refused(expired)).toMatchObject({
      retryable: false,
      message: expect.stringContaining("check this machine's clock and any proxy in between"),
    });
    await connection.credentials();
    expect(calls).toBe(2);
    // A minute on, a refusal renews once more.
    clock += RENEW_AT_MOST_EVERY_MS;
    expect(connection.refused(expired)).toMatchObject({ retryable: true });
    await connection.credentials();
    expect(calls).toBe(3);
  });

  test('cognito user pool: needs sign-in, then logs in with the ID token of this tab', async () => {
    const storage = session();
    const connection = createConnection(
      config({
        source: 'cognito-user-pool',
        identityPoolId: POOL,
        userPoolId: 'eu-west-1_AbC123',
        clientId: '1example23456789abcdefghij',
        domain: 'https://bw.auth.eu-west-1.amazoncognito.com',
      }),
      {
        session: storage,
        now: () => 1000,
        siteUrl: 'https://kpi.example.com/',
        fetch: async () => Response.json({ id_token: 'id.jwt', expires_in: 3600 }),
        cognito: (options) => async () => ({
          accessKeyId: `ASIA-${await options.login?.idToken()}`,
          secretAccessKey: 's',
        }),
      },
    );
    expect(connection.state().kind).toBe('needs-sign-in');
    await expect(connection.credentials()).rejects.toMatchObject({
      message: expect.stringContaining('sign in'),
    });
    const url = new URL(await connection.signInUrl());
    expect(url.searchParams.get('redirect_uri')).toBe('https://kpi.example.com/connect/callback');
    await connection.completeSignIn(
      new URL(`https://kpi.example.com/connect/callback?code=c&state=${url.searchParams.get('state')}`),
    );
    expect(connection.state()).toMatchObject({
      kind: 'ready',
      summary: expect.stringContaining('Signed in through user pool eu-west-1_AbC123'),
    });
    expect((await connection.credentials()).accessKeyId).toBe('ASIA-id.jwt');
  });
});
