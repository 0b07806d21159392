import { identityPoolRegion } from '../app-config-schema';
import type { StaticCredentials } from '../cloudwatch/client';

/** A Cognito login: the user pool's provider name and a function returning its current ID token. */
export interface CognitoLogin {
  providerName: string;
  idToken: () => Promise<string>;
}

export interface CognitoOptions {
  identityPoolId: string;
  /** Absent for guest (unauthenticated) access, as on a wall display. */
  login?: CognitoLogin;
  /** Cognito Identity endpoint override (tests, VPC endpoints); the regional one when absent. */
  endpoint?: string;
}

/** The provider name Cognito expects for ID tokens of a user pool, e.g. cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab12. */
export function userPoolProviderName(userPoolId: string): string {
  const region = userPoolId.split('_')[0] ?? '';
  return `cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

/** Keeps identity ids in memory: the SDK would otherwise fall back to IndexedDB or localStorage. */
function memoryCache(): {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
} {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

/**
 * Credentials from an Amazon Cognito identity pool (GetId, then GetCredentialsForIdentity) through
 * @aws-sdk/credential-providers, loaded by dynamic import so other deployments never download it (a
 * static import would add its other providers to the main bundle). The
 * result expires (one hour); wrap it in refreshingCredentials to renew it ahead of time.
 */
export function cognitoCredentials(options: CognitoOptions): () => Promise<StaticCredentials> {
  const region = identityPoolRegion(options.identityPoolId);
  const cache = memoryCache();
  return async () => {
    const { fromCognitoIdentityPool } = await import('@aws-sdk/credential-providers');
    const provider = fromCognitoIdentityPool({
      identityPoolId: options.identityPoolId,
      clientConfig: { region, ...(options.endpoint ? { endpoint: options.endpoint } : {}), maxAttempts: 2 },
      cache,
      ...(options.login ? { logins: { [options.login.providerName]: options.login.idToken } } : {}),
    });
    const identity = await provider();
    return {
      accessKeyId: identity.accessKeyId,
      secretAccessKey: identity.secretAccessKey,
      ...(identity.sessionToken ? { sessionToken: identity.sessionToken } : {}),
      ...(identity.expiration ? { expiration: identity.expiration } : {}),
    };
  };
}
