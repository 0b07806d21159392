import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { partition } from '@aws-sdk/core/client';
import { describe, expect, test } from 'vitest';
import {
  buildContentSecurityPolicy,
  COMMERCIAL_REGIONS,
  LOOPBACK_SOURCES,
  readMetaPolicy,
  sitePolicy,
  writeMetaPolicy,
} from './deploy-csp';

const ROOT = join(import.meta.dirname, '..');
const indexHtml = readFileSync(join(ROOT, 'index.html'), 'utf8');
const DEV_PLACEHOLDERS = ['%VITE_CSP_DEV_STYLE_SRC%', '%VITE_CSP_DEV_CONNECT_SRC%'];

function envValue(file: string, key: string): string | undefined {
  const line = readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${key}=`));
  return line?.slice(key.length + 1).replace(/^"(.*)"$/, '$1');
}

describe('the Content-Security-Policy meta tag in index.html', () => {
  test('is the site policy once the dev server’s allowances (inline styles, loopback) resolve empty in builds', () => {
    const meta = readMetaPolicy(indexHtml);
    expect(meta).toBeDefined();
    let built = meta ?? '';
    for (const placeholder of DEV_PLACEHOLDERS) {
      expect(built.split(placeholder)).toHaveLength(2);
      built = built.replace(` ${placeholder}`, '');
    }
    expect(built).toBe(sitePolicy());
    expect(envValue('.env', 'VITE_CSP_DEV_STYLE_SRC')).toBe('');
    expect(envValue('.env.development', 'VITE_CSP_DEV_STYLE_SRC')).toBe("'unsafe-inline'");
    expect(envValue('.env', 'VITE_CSP_DEV_CONNECT_SRC')).toBe('');
    expect(envValue('.env.development', 'VITE_CSP_DEV_CONNECT_SRC')).toBe(LOOPBACK_SOURCES.join(' '));
  });

  test('a build allows nothing over plain http and no loopback', () => {
    expect(sitePolicy()).not.toMatch(/http:|127\.0\.0\.1|localhost/);
  });

  test('comes before every script and stylesheet, so it governs them', () => {
    const metaAt = indexHtml.indexOf('Content-Security-Policy');
    expect(metaAt).toBeGreaterThan(0);
    expect(indexHtml.indexOf('<script')).toBeGreaterThan(metaAt);
    expect(indexHtml.indexOf('<link')).toBeGreaterThan(metaAt);
    expect(indexHtml).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });

  test('allows no inline or evaluated script and no framing directive a meta tag would ignore', () => {
    const policy = sitePolicy();
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|frame-ancestors/);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("img-src 'self' data:");
    expect(policy).toContain("worker-src 'self'");
  });
});

test('every listed region is a commercial AWS region the SDK knows', () => {
  for (const region of COMMERCIAL_REGIONS) {
    const info = partition(region) as { name: string; description?: string };
    expect(info.name, region).toBe('aws');
    expect(info.description, `${region} is not a region the installed SDK knows`).toBeTruthy();
  }
});

describe('buildContentSecurityPolicy', () => {
  test('lists only the endpoints asked for, and frame-ancestors only for the HTTP header', () => {
    const csp = buildContentSecurityPolicy({
      monitoringRegions: ['eu-west-1'],
      cognitoRegions: ['eu-west-1'],
      extraConnect: ['https://cw-proxy.example.com'],
      forHeader: true,
    });
    expect(csp.split('; ').find((d) => d.startsWith('connect-src'))).toBe(
      "connect-src 'self' https://monitoring.eu-west-1.amazonaws.com https://cognito-identity.eu-west-1.amazonaws.com https://cw-proxy.example.com",
    );
    expect(csp.endsWith("frame-ancestors 'none'")).toBe(true);
  });

  test('writeMetaPolicy replaces the policy of a built page and refuses a page without the tag', () => {
    const html = '<head><meta http-equiv="Content-Security-Policy" content="default-src *" /></head>';
    expect(readMetaPolicy(writeMetaPolicy(html, "default-src 'none'"))).toBe("default-src 'none'");
    expect(() => writeMetaPolicy('<head></head>', 'x')).toThrow(
      'no <meta http-equiv="Content-Security-Policy">',
    );
  });
});
