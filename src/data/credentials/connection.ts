import { type AppConfig, identityPoolRegion } from '../app-config-schema';
import type { StaticCredentials } from '../cloudwatch/client';
import {
  type CloudWatchError,
  isStaleCredentials,
  noCredentialsError,
  toCredentialsError,
  withCredentialOrigin,
} from '../cloudwatch/errors';
import { cognitoCredentials, userPoolProviderName } from './cognito';
import { type CredentialPlace, createCredentialStore, type SessionStorageLike } from './credential-store';
import {
  checkPastedCredentials,
  maskAccessKeyId,
  type PastedCredentials,
  type PastedInput,
} from './pasted-credentials';
import { refreshingCredentials } from './refreshing-credentials';
import {
  beginSignIn,
  completeSignIn,
  currentUser,
  signOut,
  type TokenFetch,
  type UserPoolClient,
} from './user-pool-sign-in';

/** Whether the app can sign requests now, and if not what the person must do, in words. */
export type ConnectionState =
  | { kind: 'ready'; summary: string }
  | { kind: 'needs-credentials'; summary: string }
  | { kind: 'needs-sign-in'; summary: string };

export interface ConnectionDeps {
  /** This tab's sessionStorage; never localStorage. */
  session?: SessionStorageLike;
  now?: () => number;
  /** Builds the Cognito provider; tests pass one that answers without the network. */
  cognito?: typeof cognitoCredentials;
  fetch?: TokenFetch;
  crypto?: Crypto;
  /** This site's origin and base path, for the sign-in callback URL. */
  siteUrl?: string;
}

/** Static keys that open nothing: a proxy on the operator's side (credentials.source "none") signs for real. */
export const PLACEHOLDER_CREDENTIALS: StaticCredentials = {
  accessKeyId: 'AKIDBELLWETHERPROXY0',
  secretAccessKey: 'signed-by-the-proxy-not-by-this-browser',
};

/** The connection of one deployment: where its credentials come from, and the actions the connect screen offers. */
export interface Connection {
  readonly config: AppConfig;
  state(): ConnectionState;
  /** The SDK's credentials provider: current credentials, refreshed ahead of expiry, or a NoCredentials error. */
  credentials(): Promise<StaticCredentials>;
  /**
   * CloudWatch refused the credentials as expired or unknown: forgets a Cognito set (the local clock may
   * still think it fresh) so the next call fetches a new one, and returns the error worded for this
   * source — retryable for Cognito, final for pasted keys. Other errors come back unchanged.
   */
  refused(error: CloudWatchError): CloudWatchError;
  /** Pasted credentials: checked, then kept in memory (or this tab's sessionStorage with `remember`). */
  paste(input: PastedInput, remember: boolean): PastedCredentials;
  /** Where pasted credentials are kept, for the screen to say so. */
  place(): CredentialPlace | undefined;
  /** Forgets pasted credentials or the signed-in user. */
  forget(): void;
  /** User pool sign-in: the URL of the managed login page to go to. */
  signInUrl(): Promise<string>;
  /** Finishes user pool sign-in on the callback URL. */
  completeSignIn(callback: URL): Promise<void>;
  subscribe(listener: () => void): () => void;
}

/** The path Cognito redirects back to after sign-in; registered as the app client's callback URL. */
const SIGN_IN_CALLBACK_PATH = 'connect/callback';

/** A Cognito set refused by CloudWatch is renewed at most this often; see `refused`. */
export const RENEW_AT_MOST_EVERY_MS = 60_000;

/** Builds the connection a deployment's config describes. */
export function createConnection(config: AppConfig, deps: ConnectionDeps = {}): Connection {
  const now = deps.now ?? Date.now;
  let lastRenewal: number | undefined;
  const session = deps.session;
  const store = createCredentialStore(session);
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of listeners) listener();
  };
  const creds = config.credentials;
  const makeCognito = deps.cognito ?? cognitoCredentials;
  const endpointNote = config.endpoint ? ` through ${config.endpoint}` : '';

  const userPool: UserPoolClient | undefined =
    creds.source === 'cognito-user-pool'
      ? {
          domain: creds.domain,
          clientId: creds.clientId,
          redirectUri: `${deps.siteUrl ?? ''}${SIGN_IN_CALLBACK_PATH}`,
        }
      : undefined;

  const cognito =
    creds.source === 'cognito-guest' || creds.source === 'cognito-user-pool'
      ? refreshingCredentials(
          async () => {
            try {
              const login =
                creds.source === 'cognito-user-pool'
                  ? {
                      providerName: userPoolProviderName(creds.userPoolId),
                      idToken: async (): Promise<string> => {
                        const user = session ? currentUser(session, now()) : undefined;
                        if (!user)
                          throw noCredentialsError(
                            'sign in with your user pool account on the Connection page',
                          );
                        return user.idToken;
                      },
                    }
                  : undefined;
              return await makeCognito({
                identityPoolId: creds.identityPoolId,
                ...(login ? { login } : {}),
              })();
            } catch (error) {
              throw toCredentialsError(error, creds.identityPoolId, creds.source === 'cognito-user-pool');
            }
          },
          { now },
        )
      : undefined;

  const state = (): ConnectionState => {
    switch (creds.source) {
      case 'demo':
        return { kind: 'ready', summary: 'Simulated account (demo data): nothing leaves this browser' };
      case 'none':
        return {
          kind: 'ready',
          summary:
            config.endpoint === undefined && config.source === 'snapshot'
              ? "The relay's snapshots, read from this site: this screen holds no AWS credential and calls no AWS API"
              : `CloudWatch through the proxy at ${config.endpoint ?? '?'}, which signs requests itself`,
        };
      case 'cognito-guest':
        return {
          kind: 'ready',
          summary: `Guest access through Cognito identity pool ${creds.identityPoolId} (${identityPoolRegion(creds.identityPoolId)})${endpointNote}`,
        };
      case 'cognito-user-pool': {
        const user = session ? currentUser(session, now()) : undefined;
        return user
          ? { kind: 'ready', summary: `Signed in through user pool ${creds.userPoolId}${endpointNote}` }
          : {
              kind: 'needs-sign-in',
              summary: `Sign in with your ${creds.userPoolId} account to read CloudWatch`,
            };
      }
      case 'pasted': {
        const current = store.get();
        if (!current)
          return { kind: 'needs-credentials', summary: 'Paste temporary AWS credentials to read CloudWatch' };
        const kind = current.sessionToken ? 'temporary credentials' : 'long-term access keys';
        const where =
          store.place() === 'session' ? 'kept in this tab until it closes' : 'kept in memory until reload';
        return {
          kind: 'ready',
          summary: `Pasted ${kind} ${maskAccessKeyId(current.accessKeyId)}, ${where}${endpointNote}`,
        };
      }
    }
  };

  return {
    config,
    state,
    async credentials(): Promise<StaticCredentials> {
      switch (creds.source) {
        case 'demo':
        case 'none':
          return PLACEHOLDER_CREDENTIALS;
        case 'pasted': {
          const current = store.get();
          if (!current) throw noCredentialsError('paste temporary credentials on the Connection page');
          return current;
        }
        case 'cognito-guest':
        case 'cognito-user-pool':
          if (!cognito) throw noCredentialsError('no Cognito identity pool configured');
          return cognito.get();
      }
    },
    refused(error) {
      if (!isStaleCredentials(error)) return error;
      switch (creds.source) {
        case 'cognito-guest':
        case 'cognito-user-pool': {
          // Renewing is worth it once; a set renewed within the last minute and refused again is not
          // stale, so the refusal is final until the next refresh instead of a call to Cognito per attempt.
          const at = now();
          const renewedJustNow = lastRenewal !== undefined && at - lastRenewal < RENEW_AT_MOST_EVERY_MS;
          if (!renewedJustNow) {
            lastRenewal = at;
            cognito?.invalidate();
          }
          return withCredentialOrigin(error, 'cognito', renewedJustNow);
        }
        case 'pasted':
          return withCredentialOrigin(error, 'pasted');
        default:
          return error;
      }
    },
    paste(input, remember) {
      const checked = checkPastedCredentials(input);
      if (checked.ok) {
        store.set(checked.credentials, {
          remember: remember && creds.source === 'pasted' && creds.allowSessionStorage,
        });
        notify();
      }
      return checked;
    },
    place: () => store.place(),
    forget() {
      store.clear();
      if (session) signOut(session);
      cognito?.invalidate();
      notify();
    },
    async signInUrl() {
      if (!userPool || !session) throw new Error('This deployment does not use user pool sign-in');
      return beginSignIn(userPool, session, deps.crypto);
    },
    async completeSignIn(callback) {
      if (!userPool || !session) throw new Error('This deployment does not use user pool sign-in');
      const fetchFn: TokenFetch = deps.fetch ?? ((url, init) => fetch(url, init));
      await completeSignIn(userPool, callback, session, fetchFn, now());
      cognito?.invalidate();
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
