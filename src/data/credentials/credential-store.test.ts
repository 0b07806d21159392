import { describe, expect, test } from 'vitest';
import { createCredentialStore, SESSION_KEY, type SessionStorageLike } from './credential-store';

function fakeSession(
  initial: Record<string, string> = {},
): SessionStorageLike & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      items.set(k, v);
    },
    removeItem: (k) => {
      items.delete(k);
    },
  };
}

const CREDS = { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' };

describe('createCredentialStore', () => {
  test('keeps credentials in memory only unless asked to remember', () => {
    const session = fakeSession();
    const store = createCredentialStore(session);
    store.set(CREDS, { remember: false });
    expect(store.get()).toEqual(CREDS);
    expect(store.place()).toBe('memory');
    expect(session.items.size).toBe(0);
  });

  test('remember keeps them in this tab’s sessionStorage, where a reload finds them', () => {
    const session = fakeSession();
    createCredentialStore(session).set(CREDS, { remember: true });
    expect(JSON.parse(session.items.get(SESSION_KEY) ?? '{}')).toEqual(CREDS);
    const reloaded = createCredentialStore(session);
    expect(reloaded.get()).toEqual(CREDS);
    expect(reloaded.place()).toBe('session');
  });

  test('choosing memory later removes the copy in sessionStorage; clear removes everything', () => {
    const session = fakeSession();
    const store = createCredentialStore(session);
    store.set(CREDS, { remember: true });
    store.set(CREDS, { remember: false });
    expect(session.items.has(SESSION_KEY)).toBe(false);
    store.set(CREDS, { remember: true });
    store.clear();
    expect(store.get()).toBeUndefined();
    expect(session.items.has(SESSION_KEY)).toBe(false);
  });

  test('ignores a damaged sessionStorage entry and falls back to memory when storage throws', () => {
    expect(createCredentialStore(fakeSession({ [SESSION_KEY]: '{not json' })).get()).toBeUndefined();
    const broken: SessionStorageLike = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    const store = createCredentialStore(broken);
    store.set(CREDS, { remember: true });
    expect(store.place()).toBe('memory');
    expect(store.get()).toEqual(CREDS);
  });
});

test('no code that handles credentials touches localStorage', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const src = join(import.meta.dirname, '../..');
  const places = [
    'data/credentials',
    'features/connect',
    'data/source-config.ts',
    'data/app-config.ts',
    'app/bootstrap.tsx',
  ];
  const offenders: string[] = [];
  const check = (path: string): void => {
    if (!/\.tsx?$/.test(path) || path.endsWith('.test.ts')) return;
    const code = readFileSync(path, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    if (/\blocalStorage\b/.test(code)) offenders.push(path);
  };
  for (const place of places) {
    const path = join(src, place);
    if (/\.tsx?$/.test(place)) check(path);
    else
      for (const entry of readdirSync(path, { recursive: true, encoding: 'utf8' })) check(join(path, entry));
  }
  expect(offenders).toEqual([]);
});
