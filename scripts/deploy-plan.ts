/**
 * What `npm run deploy` uploads and how browsers and CloudFront may cache each file: pure functions over
 * the list of built files, so the plan is tested without AWS.
 */
import { type AppConfig, identityPoolRegion } from '../src/data/app-config-schema';
import { buildContentSecurityPolicy, cspOrigin } from './deploy-csp';

export interface UploadEntry {
  /** Object key in the bucket, the same as the path under dist/. */
  key: string;
  contentType: string;
  cacheControl: string;
}

/** Hashed build output never changes under the same name: cache for a year, never revalidate. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The entry page, the deployment config and dashboards change without a rename: revalidate after a minute. */
export const SHORT_LIVED = 'public, max-age=60, must-revalidate';
/** Other unhashed static files (favicon, editor schemas). */
export const STATIC = 'public, max-age=3600';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  yaml: 'application/yaml; charset=utf-8',
  yml: 'application/yaml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  webmanifest: 'application/manifest+json',
};

/** Vite names build output `assets/<name>-<hash>.<ext>`; only those may be cached forever. */
export function isHashedAsset(key: string): boolean {
  return /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.map)?$/.test(key);
}

/** How long a file may be cached, by what it is. */
export function cacheControlFor(key: string): string {
  if (isHashedAsset(key)) return IMMUTABLE;
  if (key === 'index.html' || key === 'config.json' || key.startsWith('dashboards/')) return SHORT_LIVED;
  return STATIC;
}

/** The Content-Type S3 will serve a file with. */
export function contentTypeFor(key: string): string {
  const ext = key.split('.').pop()?.toLowerCase() ?? '';
  return TYPES[ext] ?? 'application/octet-stream';
}

/** On AWS the relay owns this prefix of the bucket: local snapshots (npm run relay -- --out dist/snapshots) stay local. */
const SNAPSHOT_PREFIX = 'snapshots/';

/**
 * The upload plan: hashed assets first, then other files, index.html last, so a visitor never loads a new
 * index.html that points at assets not uploaded yet. The demo's service worker is left out of real
 * deployments, and so is anything under snapshots/, which would overwrite the relay's.
 */
export function planUpload(keys: readonly string[], options: { demo: boolean }): UploadEntry[] {
  const rank = (key: string): number => (isHashedAsset(key) ? 0 : key === 'index.html' ? 2 : 1);
  return keys
    .filter((key) => options.demo || key !== 'mockServiceWorker.js')
    .filter((key) => !key.startsWith(SNAPSHOT_PREFIX))
    .filter((key) => !key.split('/').some((part) => part.startsWith('.')))
    .slice()
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((key) => ({ key, contentType: contentTypeFor(key), cacheControl: cacheControlFor(key) }));
}

/** CloudFront paths to invalidate: only what is not content-addressed (hashed assets need none). */
export function invalidationPaths(plan: readonly UploadEntry[]): string[] {
  const paths = new Set<string>(['/']);
  for (const entry of plan) {
    if (isHashedAsset(entry.key)) continue;
    paths.add(entry.key.startsWith('dashboards/') ? '/dashboards/*' : `/${entry.key}`);
  }
  return [...paths].sort();
}

/** The deployment's own CSP for the meta tag (header: with frame-ancestors), from its config.json. */
export function deploymentPolicy(config: AppConfig, forHeader: boolean): string {
  const creds = config.credentials;
  const cognito = creds.source === 'cognito-guest' || creds.source === 'cognito-user-pool';
  return buildContentSecurityPolicy({
    monitoringRegions: config.regions,
    cognitoRegions: cognito ? [identityPoolRegion(creds.identityPoolId)] : [],
    extraConnect: [
      ...(config.endpoint ? [cspOrigin(config.endpoint)] : []),
      ...(creds.source === 'cognito-user-pool' ? [cspOrigin(creds.domain)] : []),
    ],
    forHeader,
  });
}

/** The template parameters that make CloudFront send the same policy as the page. */
export function stackParameters(config: AppConfig): Record<string, string> {
  const creds = config.credentials;
  const extra = [
    ...(config.endpoint ? [cspOrigin(config.endpoint)] : []),
    ...(creds.source === 'cognito-user-pool' ? [cspOrigin(creds.domain)] : []),
  ];
  return { Regions: config.regions.join(','), ExtraConnectSources: extra.join(' ') };
}
