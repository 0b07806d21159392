import { webcrypto } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { SessionStorageLike } from './credential-store';
import { beginSignIn, completeSignIn, currentUser, pkcePair, signOut } from './user-pool-sign-in';

const cryptoImpl = webcrypto as unknown as Crypto;
const CLIENT = {
  domain: 'https://bw.auth.eu-west-1.amazoncognito.com',
  clientId: '1example23456789abcdefghij',
  redirectUri: 'https://kpi.example.com/connect/callback',
};

function session(): SessionStorageLike {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      items.set(k, v);
    },
    removeItem: (k) => {
      items.delete(k);
    },
  };
}

test('pkcePair: the challenge is the base64url SHA-256 of the verifier (RFC 7636 appendix B)', async () => {
  const fixed = {
    ...cryptoImpl,
    getRandomValues: <T extends ArrayBufferView>(a: T): T => a,
    subtle: cryptoImpl.subtle,
  } as Crypto;
  const { verifier, challenge } = await pkcePair(fixed);
  const digest = new Uint8Array(
    await cryptoImpl.subtle.digest('SHA-256', new TextEncoder().encode(verifier)),
  );
  expect(challenge).toBe(Buffer.from(digest).toString('base64url'));
  expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
});

describe('user pool sign-in', () => {
  test('begins with an authorization code + PKCE request and finishes with an ID token kept in this tab', async () => {
    const storage = session();
    const url = new URL(await beginSignIn(CLIENT, storage, cryptoImpl));
    expect(url.origin + url.pathname).toBe('https://bw.auth.eu-west-1.amazoncognito.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT.clientId,
      redirect_uri: CLIENT.redirectUri,
      code_challenge_method: 'S256',
      scope: 'openid',
    });
    const state = url.searchParams.get('state') ?? '';
    let sent: URLSearchParams | undefined;
    const user = await completeSignIn(
      CLIENT,
      new URL(`${CLIENT.redirectUri}?code=abc&state=${state}`),
      storage,
      async (tokenUrl, init) => {
        expect(tokenUrl).toBe('https://bw.auth.eu-west-1.amazoncognito.com/oauth2/token');
        sent = new URLSearchParams(init.body);
        return Response.json({ id_token: 'id.jwt', expires_in: 3600 });
      },
      1_000,
    );
    expect(sent?.get('grant_type')).toBe('authorization_code');
    expect(sent?.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(user).toEqual({ idToken: 'id.jwt', expiresAt: 3_601_000 });
    expect(currentUser(storage, 2_000)).toEqual(user);
    expect(currentUser(storage, 3_601_000)).toBeUndefined();
    signOut(storage);
    expect(currentUser(storage, 2_000)).toBeUndefined();
  });

  test.each([
    ['?code=abc&state=forged', 'state mismatch'],
    [
      '?error=access_denied&error_description=User+cancelled',
      'Sign-in was refused (access_denied: User cancelled)',
    ],
  ])('refuses a callback %s', async (query, message) => {
    const storage = session();
    await beginSignIn(CLIENT, storage, cryptoImpl);
    await expect(
      completeSignIn(CLIENT, new URL(CLIENT.redirectUri + query), storage, async () => Response.json({}), 0),
    ).rejects.toThrow(message);
  });

  test('says what to check when the token endpoint refuses the code', async () => {
    const storage = session();
    const state = new URL(await beginSignIn(CLIENT, storage, cryptoImpl)).searchParams.get('state');
    await expect(
      completeSignIn(
        CLIENT,
        new URL(`${CLIENT.redirectUri}?code=x&state=${state}`),
        storage,
        async () => Response.json({ error: 'invalid_grant' }, { status: 400 }),
        0,
      ),
    ).rejects.toThrow('HTTP 400 invalid_grant');
  });
});
