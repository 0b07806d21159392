/**
 * The Content-Security-Policy, built in one place for the meta tag in index.html, the CloudFront
 * response-headers policy and the deploy script, so they cannot disagree. It allows only the site itself
 * and the AWS endpoints the app calls: CloudWatch (monitoring.<region>) and Cognito (cognito-identity.<region>,
 * plus a user pool's sign-in domain when configured), and a custom endpoint when configured.
 */

/** Commercial AWS regions (partition "aws") as listed by the installed SDK's partition data. */
export const COMMERCIAL_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'me-west-1',
  'mx-central-1',
  'sa-east-1',
  'sa-west-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
] as const;

/**
 * Loopback origins only the dev server allows (`npm start`: .env.development's VITE_CSP_DEV_CONNECT_SRC), so
 * `npm run fake-cloudwatch` works while developing; a build never carries them, and a deployment whose
 * config.json names a loopback or custom endpoint gets that one origin from `npm run deploy`.
 */
export const LOOPBACK_SOURCES = ['http://127.0.0.1:*', 'http://localhost:*'] as const;

export interface CspOptions {
  /** Regions whose CloudWatch endpoint the app calls. */
  monitoringRegions: readonly string[];
  /** Regions whose Cognito Identity endpoint the app calls (the identity pool's region). */
  cognitoRegions: readonly string[];
  /** Extra connect-src origins: a custom endpoint, a user pool's sign-in domain, loopback for development. */
  extraConnect?: readonly string[];
  /** frame-ancestors cannot be delivered by a meta tag (browsers ignore it there); only in the HTTP header. */
  forHeader: boolean;
}

/** The origin of a URL as CSP writes a host source: scheme, host and port, no path. */
export function cspOrigin(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

/** Builds the policy text, directives in a fixed order so tests and diffs are stable. */
export function buildContentSecurityPolicy(options: CspOptions): string {
  const connect = [
    "'self'",
    ...options.monitoringRegions.map((r) => `https://monitoring.${r}.amazonaws.com`),
    ...options.cognitoRegions.map((r) => `https://cognito-identity.${r}.amazonaws.com`),
    ...(options.extraConnect ?? []),
  ];
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
    ...(options.forHeader ? ["frame-ancestors 'none'"] : []),
  ];
  return directives.join('; ');
}

/**
 * The policy of a build (the meta tag in index.html as committed, its dev-server placeholders empty):
 * every commercial region's CloudWatch and Cognito, nothing over plain http. `npm run deploy` replaces it
 * with the deployment's own, narrower policy.
 */
export function sitePolicy(): string {
  return buildContentSecurityPolicy({
    monitoringRegions: COMMERCIAL_REGIONS,
    cognitoRegions: COMMERCIAL_REGIONS,
    forHeader: false,
  });
}

const META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/;

/** The policy in an HTML document's CSP meta tag, or undefined when it has none. */
export function readMetaPolicy(html: string): string | undefined {
  return META.exec(html)?.[1]
    ?.replace(/&#39;|&apos;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Replaces the policy of the CSP meta tag (the deploy script writes the deployment's own into dist/index.html). */
export function writeMetaPolicy(html: string, policy: string): string {
  if (!META.test(html))
    throw new Error('index.html has no <meta http-equiv="Content-Security-Policy"> tag to update');
  return html.replace(META, `<meta http-equiv="Content-Security-Policy" content="${policy}" />`);
}
