import { describe, expect, test } from 'vitest';
import { DEMO_CREDENTIALS } from '../../../data/source-config';
import {
  deleteView,
  type KeyValueStore,
  loadSavedViews,
  renameView,
  SAVED_VIEWS_KEY,
  saveView,
} from './saved-views-store';

function memoryStore(initial?: string): KeyValueStore & { text(): string } {
  const map = new Map<string, string>(initial === undefined ? [] : [[SAVED_VIEWS_KEY, initial]]);
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    text: () => map.get(SAVED_VIEWS_KEY) ?? '',
  };
}

describe('saved views', () => {
  test('save, list by name, rename and delete', () => {
    const store = memoryStore();
    const a = saveView(store, {
      name: 'Payments incident',
      path: '/d/checkout/k/payment-success-rate',
      search: { range: 'now-3h', by: 'PaymentProvider' },
      now: 1,
      id: 'a',
    });
    expect(a.ok).toBe(true);
    saveView(store, {
      name: 'All of checkout',
      path: '/d/checkout',
      search: { 'var-env': 'staging', sort: 'status' },
      now: 2,
      id: 'b',
    });
    expect(loadSavedViews(store).map((v) => v.name)).toEqual(['All of checkout', 'Payments incident']);
    expect(renameView(store, 'a', 'all of CHECKOUT')).toEqual({
      ok: false,
      error: 'There is already a view called “all of CHECKOUT”.',
    });
    expect(renameView(store, 'a', 'Adyen outage').ok).toBe(true);
    expect(loadSavedViews(store).map((v) => [v.name, v.search])).toEqual([
      ['Adyen outage', { range: 'now-3h', by: 'PaymentProvider' }],
      ['All of checkout', { 'var-env': 'staging', sort: 'status' }],
    ]);
    expect(deleteView(store, 'b').map((v) => v.id)).toEqual(['a']);
  });

  test.each([
    ['', 'Give the view a name.'],
    ['x'.repeat(81), 'Keep the name to 80 characters.'],
  ])('refuses the name %j', (name, error) => {
    expect(saveView(memoryStore(), { name, path: '/d/checkout', search: {}, now: 1, id: 'a' })).toEqual({
      ok: false,
      error,
    });
  });

  test('only view paths are saved', () => {
    expect(
      saveView(memoryStore(), { name: 'x', path: 'https://evil.example.com', search: {}, now: 1, id: 'a' })
        .ok,
    ).toBe(false);
  });

  test('no credential or token is ever stored', () => {
    const store = memoryStore();
    saveView(store, {
      name: 'with secrets in the address',
      path: '/d/checkout',
      search: {
        aws_secret_access_key: DEMO_CREDENTIALS.secretAccessKey,
        accessKeyId: DEMO_CREDENTIALS.accessKeyId,
        'X-Amz-Security-Token': 'FwoGZXIvYXdzEJr',
        range: 'now-1h',
      },
      now: 1,
      id: 'a',
    });
    expect(store.text()).toContain('now-1h');
    for (const secret of [
      DEMO_CREDENTIALS.secretAccessKey,
      DEMO_CREDENTIALS.accessKeyId,
      'FwoGZXIvYXdzEJr',
    ]) {
      expect(store.text()).not.toContain(secret);
    }
  });

  test.each([
    ['not JSON', '{'],
    ['not a list', '{"a":1}'],
    [
      'a hand-edited entry pointing elsewhere',
      JSON.stringify([{ id: 'x', name: 'x', path: 'javascript:alert(1)', search: {}, savedAt: 1 }]),
    ],
  ])('%s loads as no views', (_, text) => {
    expect(loadSavedViews(memoryStore(text))).toEqual([]);
  });
});
