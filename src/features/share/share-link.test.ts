import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEMO_CREDENTIALS } from '../../data/source-config';
import { decodeView } from '../../url/view-state';
import { buildShareUrl, type ScreenView, viewParams } from './share-link';

const origin = 'https://bellwether.example.com';
const window = { start: Date.UTC(2026, 10, 27, 6), end: Date.UTC(2026, 10, 27, 12) };

/** The view as the route decodes it from the address, which is what the share button is given. */
function onScreen(route: ScreenView['route'], search: Record<string, string>): ScreenView {
  return route === 'dashboard'
    ? { route, state: decodeView('dashboard', search) }
    : { route, state: decodeView('drilldown', search) };
}

describe('share links', () => {
  test('carry the view and nothing else', () => {
    const url = buildShareUrl({
      origin,
      path: '/d/checkout/k/payment-success-rate',
      view: onScreen('drilldown', {
        range: 'now-6h',
        'var-env': 'staging',
        compare: '1w',
        by: 'PaymentProvider',
        utm_source: 'chat',
        fault: '5xx',
      }),
    });
    expect(url).toBe(
      'https://bellwether.example.com/d/checkout/k/payment-success-rate?range=now-6h&var-env=staging&compare=1w&by=PaymentProvider',
    );
  });

  test('freeze time turns a relative range into the window on screen', () => {
    const url = buildShareUrl({
      origin,
      path: '/d/checkout',
      view: onScreen('dashboard', { range: 'now-6h' }),
      freezeWindow: window,
    });
    expect(url).toBe(
      'https://bellwether.example.com/d/checkout?range=2026-11-27T06:00:00Z/2026-11-27T12:00:00Z',
    );
  });

  test('an absolute range stays as it is when frozen', () => {
    const range = '2026-11-20T00:00:00Z/2026-11-21T00:00:00Z';
    const view = onScreen('dashboard', { range });
    expect(buildShareUrl({ origin, path: '/d/checkout', view, freezeWindow: window })).toContain(range);
  });

  test('a path that is not a view, or a hash that is not a dashboard, is not carried', () => {
    const view = onScreen('dashboard', {});
    expect(buildShareUrl({ origin, path: '//evil.example.com/x', view, hash: 'd=abc<script>' })).toBe(
      `${origin}/`,
    );
    expect(buildShareUrl({ origin, path: '/shared', view, hash: 'd=abc_-9' })).toBe(
      `${origin}/shared#d=abc_-9`,
    );
  });

  test('no credential, token or secret from the address ever reaches a link', () => {
    const secrets = [
      DEMO_CREDENTIALS.accessKeyId,
      DEMO_CREDENTIALS.secretAccessKey,
      'AKIAIOSFODNN7EXAMPLE',
      'FwoGZXIvYXdzEJr//////////wEaDAbc',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...secrets),
        fc.constantFrom(
          'aws_secret_access_key',
          'X-Amz-Security-Token',
          'X-Amz-Credential',
          'token',
          'accessKeyId',
          'code',
          'id_token',
          'var-',
          'var-env',
          'q',
          'range',
          'by',
        ),
        (secret, key) => {
          const url = buildShareUrl({
            origin,
            path: '/d/checkout',
            view: onScreen('dashboard', { [key]: secret, range: 'now-1h' }),
          });
          expect(url).not.toContain(secret);
          expect(url).not.toContain(encodeURIComponent(secret));
        },
      ),
    );
  });

  test.each<[string, Record<string, string>, Record<string, string>]>([
    ['/d/checkout', { q: 'payment', sort: 'status', sortx: 'y' }, { q: 'payment', sort: 'status' }],
    ['/shared', { range: 'now-24h', compare: '1d' }, { range: 'now-1d' }],
    [
      '/d/checkout/k/orders',
      { range: 'now-1h', compare: '1d', q: 'pay', sort: 'title' },
      { range: 'now-1h', compare: '1d' },
    ],
    [
      '/shared/k/orders',
      { by: 'AvailabilityZone', token: DEMO_CREDENTIALS.secretAccessKey },
      { by: 'AvailabilityZone' },
    ],
  ])('a saved view at %s keeps what its route reads', (path, search, kept) => {
    expect(viewParams(path, search)).toEqual(kept);
  });
});
