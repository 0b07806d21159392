import type { SessionStorageLike } from './credential-store';

/** A Cognito user pool app client with managed login (hosted UI). */
export interface UserPoolClient {
  /** e.g. https://bellwether.auth.eu-west-1.amazoncognito.com */
  domain: string;
  clientId: string;
  /** Where Cognito sends the user back: this site's /connect/callback, registered as a callback URL. */
  redirectUri: string;
}

export interface SignedInUser {
  idToken: string;
  /** Epoch ms. */
  expiresAt: number;
}

const PENDING_KEY = 'bellwether.sign-in';
const TOKEN_KEY = 'bellwether.id-token';

function base64Url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A PKCE verifier and its S256 challenge (RFC 7636). */
export async function pkcePair(
  cryptoImpl: Crypto = crypto,
): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64Url(cryptoImpl.getRandomValues(new Uint8Array(32)));
  const digest = await cryptoImpl.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}

/**
 * Starts managed-login sign-in with the authorization code flow and PKCE: remembers the verifier and a
 * random state in this tab's sessionStorage and returns the URL to send the browser to.
 */
export async function beginSignIn(
  client: UserPoolClient,
  storage: SessionStorageLike,
  cryptoImpl: Crypto = crypto,
): Promise<string> {
  const { verifier, challenge } = await pkcePair(cryptoImpl);
  const state = base64Url(cryptoImpl.getRandomValues(new Uint8Array(16)));
  storage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
  const url = new URL('/oauth2/authorize', client.domain);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: 'openid',
    state,
    code_challenge_method: 'S256',
    code_challenge: challenge,
  }).toString();
  return url.toString();
}

/** The slice of fetch the token exchange needs. */
export type TokenFetch = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<Response>;

/**
 * Finishes sign-in on the callback page: checks the state, exchanges the one-time code for an ID token at
 * the user pool's token endpoint, and keeps the token in this tab only. Throws an Error that says what to do.
 */
export async function completeSignIn(
  client: UserPoolClient,
  callback: URL,
  storage: SessionStorageLike,
  fetchFn: TokenFetch,
  now: number,
): Promise<SignedInUser> {
  const denied = callback.searchParams.get('error');
  if (denied) {
    throw new Error(
      `Sign-in was refused (${denied}${callback.searchParams.get('error_description') ? `: ${callback.searchParams.get('error_description')}` : ''}); try again or ask an administrator to check the app client`,
    );
  }
  const pendingText = storage.getItem(PENDING_KEY);
  storage.removeItem(PENDING_KEY);
  const pending = pendingText
    ? (JSON.parse(pendingText) as { verifier?: string; state?: string })
    : undefined;
  const code = callback.searchParams.get('code');
  if (!pending?.verifier || !code || callback.searchParams.get('state') !== pending.state) {
    throw new Error(
      'This sign-in link is not the one this tab started (state mismatch or no code); start sign-in again',
    );
  }
  const response = await fetchFn(new URL('/oauth2/token', client.domain).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: client.clientId,
      code,
      redirect_uri: client.redirectUri,
      code_verifier: pending.verifier,
    }).toString(),
  });
  const body = (await response.json().catch(() => ({}))) as {
    id_token?: unknown;
    expires_in?: unknown;
    error?: unknown;
  };
  if (!response.ok || typeof body.id_token !== 'string') {
    throw new Error(
      `The user pool did not issue a token (HTTP ${response.status}${typeof body.error === 'string' ? ` ${body.error}` : ''}); start sign-in again, and check the app client allows the authorization code grant`,
    );
  }
  const lifetime = typeof body.expires_in === 'number' ? body.expires_in : 3600;
  const user = { idToken: body.id_token, expiresAt: now + lifetime * 1000 };
  storage.setItem(TOKEN_KEY, JSON.stringify(user));
  return user;
}

/** The signed-in user of this tab, while their ID token is still valid. */
export function currentUser(storage: SessionStorageLike, now: number): SignedInUser | undefined {
  try {
    const user = JSON.parse(storage.getItem(TOKEN_KEY) ?? 'null') as Partial<SignedInUser> | null;
    if (typeof user?.idToken !== 'string' || typeof user.expiresAt !== 'number' || user.expiresAt <= now)
      return undefined;
    return { idToken: user.idToken, expiresAt: user.expiresAt };
  } catch {
    return undefined;
  }
}

/** Forgets the signed-in user of this tab. */
export function signOut(storage: SessionStorageLike): void {
  storage.removeItem(TOKEN_KEY);
  storage.removeItem(PENDING_KEY);
}
