import { describe, expect, test } from 'vitest';
import type { AppConfig } from '../src/data/app-config-schema';
import {
  cacheControlFor,
  contentTypeFor,
  deploymentPolicy,
  IMMUTABLE,
  invalidationPaths,
  isHashedAsset,
  planUpload,
  SHORT_LIVED,
  STATIC,
  stackParameters,
} from './deploy-plan';

const BUILT = [
  'index.html',
  'config.json',
  'favicon.svg',
  'mockServiceWorker.js',
  'dashboard.schema.json',
  'dashboards/index.yaml',
  'dashboards/checkout.yaml',
  'assets/index-BXk3d9aQ.js',
  'assets/index-BXk3d9aQ.js.map',
  'assets/index-C7fA0d1e.css',
  'assets/browser-Dq0_x1Zz.js',
  '.DS_Store',
  'snapshots/checkout/env=prod.json',
  'snapshots/index.json',
];

describe('cache headers', () => {
  test.each([
    ['assets/index-BXk3d9aQ.js', IMMUTABLE],
    ['assets/index-C7fA0d1e.css', IMMUTABLE],
    ['assets/index-BXk3d9aQ.js.map', IMMUTABLE],
    ['index.html', SHORT_LIVED],
    ['config.json', SHORT_LIVED],
    ['dashboards/checkout.yaml', SHORT_LIVED],
    ['dashboards/index.yaml', SHORT_LIVED],
    ['favicon.svg', STATIC],
    ['assets/logo.svg', STATIC],
  ])('%s → %s', (key, cache) => {
    expect(cacheControlFor(key)).toBe(cache);
  });

  test('immutable means a year and no revalidation; short-lived means revalidate within a minute', () => {
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
    expect(SHORT_LIVED).toMatch(/max-age=60, must-revalidate/);
    expect(isHashedAsset('assets/index.js')).toBe(false);
  });

  test.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/a-12345678.js', 'text/javascript; charset=utf-8'],
    ['dashboards/checkout.yaml', 'application/yaml; charset=utf-8'],
    ['favicon.svg', 'image/svg+xml'],
    ['strange.bin', 'application/octet-stream'],
  ])('%s is served as %s', (key, type) => {
    expect(contentTypeFor(key)).toBe(type);
  });
});

describe('planUpload', () => {
  test('uploads hashed assets first and index.html last; skips dot files, snapshots and, outside the demo, the service worker', () => {
    const plan = planUpload(BUILT, { demo: false });
    const keys = plan.map((e) => e.key);
    expect(keys.slice(0, 4).every(isHashedAsset)).toBe(true);
    expect(keys.at(-1)).toBe('index.html');
    expect(keys).not.toContain('mockServiceWorker.js');
    expect(keys).not.toContain('.DS_Store');
    // The relay's prefix: a local relay's snapshots must not overwrite the deployed relay's.
    expect(keys.filter((k) => k.startsWith('snapshots/'))).toEqual([]);
    expect(planUpload(BUILT, { demo: true }).map((e) => e.key)).toContain('mockServiceWorker.js');
  });

  test('invalidates only what is not content-addressed', () => {
    expect(invalidationPaths(planUpload(BUILT, { demo: false }))).toEqual([
      '/',
      '/config.json',
      '/dashboard.schema.json',
      '/dashboards/*',
      '/favicon.svg',
      '/index.html',
    ]);
  });
});

describe('deployment CSP and stack parameters', () => {
  const guest: AppConfig = {
    regions: ['eu-west-1', 'us-east-1'],
    credentials: {
      source: 'cognito-guest',
      identityPoolId: 'eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789',
    },
  };
  test('a guest wall connects to CloudWatch in its regions and Cognito in the pool region only', () => {
    const connect = deploymentPolicy(guest, false)
      .split('; ')
      .find((d) => d.startsWith('connect-src'));
    expect(connect).toBe(
      "connect-src 'self' https://monitoring.eu-west-1.amazonaws.com https://monitoring.us-east-1.amazonaws.com https://cognito-identity.eu-west-1.amazonaws.com",
    );
    expect(deploymentPolicy(guest, false)).not.toContain('frame-ancestors');
    expect(deploymentPolicy(guest, true)).toContain("frame-ancestors 'none'");
    expect(stackParameters(guest)).toEqual({ Regions: 'eu-west-1,us-east-1', ExtraConnectSources: '' });
  });

  test('a user pool adds its sign-in domain; a custom endpoint adds its origin', () => {
    const config: AppConfig = {
      regions: ['eu-west-1'],
      endpoint: 'https://cw-proxy.example.com/cloudwatch',
      credentials: {
        source: 'cognito-user-pool',
        identityPoolId: 'eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789',
        userPoolId: 'eu-west-1_AbC123',
        clientId: '1example23456789abcdefghij',
        domain: 'https://bw.auth.eu-west-1.amazoncognito.com',
      },
    };
    expect(deploymentPolicy(config, false)).toContain(
      'https://cw-proxy.example.com https://bw.auth.eu-west-1.amazoncognito.com;',
    );
    expect(stackParameters(config).ExtraConnectSources).toBe(
      'https://cw-proxy.example.com https://bw.auth.eu-west-1.amazoncognito.com',
    );
  });
});
