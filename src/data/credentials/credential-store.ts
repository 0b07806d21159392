import type { StaticCredentials } from '../cloudwatch/client';

/** The slice of the Web Storage API the store uses, so tests pass their own. */
export interface SessionStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Where pasted credentials live: this page's memory, or this tab's sessionStorage when the user asks. */
export type CredentialPlace = 'memory' | 'session';

export interface CredentialStore {
  get(): StaticCredentials | undefined;
  place(): CredentialPlace | undefined;
  /** Keeps credentials in memory; with `remember`, also in this tab's sessionStorage (gone when the tab closes). */
  set(credentials: StaticCredentials, options: { remember: boolean }): void;
  clear(): void;
}

export const SESSION_KEY = 'bellwether.credentials';

function readSession(storage: SessionStorageLike | undefined): StaticCredentials | undefined {
  let text: string | null = null;
  try {
    text = storage?.getItem(SESSION_KEY) ?? null;
  } catch {
    return undefined;
  }
  if (text === null) return undefined;
  try {
    const value = JSON.parse(text) as Partial<Record<keyof StaticCredentials, unknown>>;
    if (typeof value.accessKeyId !== 'string' || typeof value.secretAccessKey !== 'string') return undefined;
    return {
      accessKeyId: value.accessKeyId,
      secretAccessKey: value.secretAccessKey,
      ...(typeof value.sessionToken === 'string' ? { sessionToken: value.sessionToken } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * Holds pasted credentials. There is deliberately no localStorage option: credentials must not outlive
 * the tab or be shared with other tabs, and nothing here ever writes them to a URL or a log.
 */
export function createCredentialStore(session?: SessionStorageLike): CredentialStore {
  let current = readSession(session);
  let where: CredentialPlace | undefined = current ? 'session' : undefined;
  return {
    get: () => current,
    place: () => where,
    set(credentials, { remember }) {
      current = { ...credentials };
      where = remember && session ? 'session' : 'memory';
      try {
        if (where === 'session') session?.setItem(SESSION_KEY, JSON.stringify(current));
        else session?.removeItem(SESSION_KEY);
      } catch {
        where = 'memory';
      }
    },
    clear() {
      current = undefined;
      where = undefined;
      try {
        session?.removeItem(SESSION_KEY);
      } catch {
        // storage may be disabled; memory is already cleared
      }
    },
  };
}
