import { z } from 'zod';

/** The AWS region name form CloudWatch endpoints use, e.g. eu-west-1. */
const regionSchema = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'not an AWS region name such as eu-west-1');

/** Cognito identity pool ids are `<region>:<uuid>`. */
const identityPoolIdSchema = z
  .string()
  .regex(
    /^[a-z]{2}(-[a-z]+)+-\d:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    'an identity pool id looks like eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789 (Cognito console → Identity pools)',
  );

const userPoolIdSchema = z
  .string()
  .regex(
    /^[a-z]{2}(-[a-z]+)+-\d_[0-9A-Za-z]+$/,
    'a user pool id looks like eu-west-1_AbCdEf123 (Cognito console → User pools)',
  );

/** An endpoint is an absolute http(s) URL without credentials, query or fragment: it ends up in CSP and logs. */
const endpointSchema = z
  .string()
  .max(2048)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') &&
        url.username === '' &&
        url.password === '' &&
        url.search === '' &&
        url.hash === ''
      );
    } catch {
      return false;
    }
  }, 'an endpoint is an http:// or https:// URL with no user name, password, query or fragment, such as https://cloudwatch-proxy.example.com');

/** The ways a deployment obtains AWS credentials, named as operators write them in config.json. */
export const credentialSources = ['demo', 'cognito-guest', 'cognito-user-pool', 'pasted', 'none'] as const;
export type CredentialSourceKind = (typeof credentialSources)[number];

const demoCredentialsSchema = z.strictObject({ source: z.literal('demo') });

const cognitoGuestSchema = z.strictObject({
  source: z.literal('cognito-guest'),
  identityPoolId: identityPoolIdSchema,
});

const cognitoUserPoolSchema = z.strictObject({
  source: z.literal('cognito-user-pool'),
  identityPoolId: identityPoolIdSchema,
  userPoolId: userPoolIdSchema,
  clientId: z
    .string()
    .regex(/^[0-9a-z]{20,128}$/, 'an app client id is lower-case letters and digits (Cognito → App clients)'),
  /** The user pool's managed login domain, e.g. https://bellwether.auth.eu-west-1.amazoncognito.com. */
  domain: endpointSchema,
});

const pastedCredentialsSchema = z.strictObject({
  source: z.literal('pasted'),
  /** Offer "remember in this tab" (sessionStorage); never localStorage. */
  allowSessionStorage: z.boolean().default(true),
});

const noCredentialsSchema = z.strictObject({
  source: z.literal('none'),
});

export const credentialsSchemas = {
  demo: demoCredentialsSchema,
  'cognito-guest': cognitoGuestSchema,
  'cognito-user-pool': cognitoUserPoolSchema,
  pasted: pastedCredentialsSchema,
  none: noCredentialsSchema,
} as const satisfies Record<CredentialSourceKind, z.ZodType>;

const credentialsConfigSchema = z.discriminatedUnion('source', [
  demoCredentialsSchema,
  cognitoGuestSchema,
  cognitoUserPoolSchema,
  pastedCredentialsSchema,
  noCredentialsSchema,
]);

/**
 * The wire protocol the app speaks to CloudWatch: AWS JSON 1.0 (`json`), the query protocol (`query`),
 * or `auto` (the default): JSON, switching to query for the session when the endpoint's CORS preflight
 * refuses the JSON protocol's headers (src/data/cloudwatch/wire-protocol.ts, docs/aws.md).
 */
export const protocolSettings = ['auto', 'json', 'query'] as const;
export type ProtocolSetting = (typeof protocolSettings)[number];

/**
 * Where the numbers come from: `direct`, each browser calls CloudWatch with the deployment's credentials
 * (the default), or `snapshot`, each browser reads the relay's snapshots from the site
 * (src/data/snapshot/, `npm run relay`) and calls no AWS API.
 */
const dataSources = ['direct', 'snapshot'] as const;

const snapshotsSchema = z.strictObject({
  /** The site path the relay's snapshots are served under, relative to the app (default snapshots/). */
  path: z
    .string()
    .regex(/^([a-z0-9][a-z0-9._-]*\/)+$/, 'a path under the site such as snapshots/, ending in /')
    .default('snapshots/'),
  /**
   * A view the relay does not publish (another range, a drill-down, other variable values): `direct`
   * fetches it from CloudWatch with the deployment's credentials; `none` (the default) says on screen that
   * it needs a direct connection.
   */
  fallback: z.enum(['direct', 'none']).default('none'),
});

const appConfigFields = {
  $schema: z.string().optional(),
  /** Regions the dashboards read from; the first is the default for "check connection". */
  regions: z.array(regionSchema).min(1).max(40).default(['us-east-1']),
  /** A CloudWatch-compatible endpoint or a proxy on the operator's side, used for every region. */
  endpoint: endpointSchema.optional(),
  /** Absent means auto; kept optional so a config without it reads back exactly as written. */
  protocol: z.enum(protocolSettings).optional(),
  /** Absent means direct. */
  source: z.enum(dataSources).optional(),
  snapshots: snapshotsSchema.optional(),
  /**
   * USD per 1,000 metrics GetMetricData is asked for, to price what the screens cost: $0.01 in us-east-1
   * and most regions (Amazon CloudWatch pricing, "API requests"); set your regions' price when it differs.
   */
  pricePer1000Metrics: z.number().positive().max(10).optional(),
};

/** The top level with `credentials` left open, checked first so its own errors stay precise. */
export const appConfigShellSchema = z.strictObject({ ...appConfigFields, credentials: z.unknown() });

/** The whole of public/config.json, for the editor JSON Schema and the types. */
export const appConfigSchema = z
  .strictObject({ ...appConfigFields, credentials: credentialsConfigSchema })
  .meta({ title: 'Bellwether deployment config', description: 'Which CloudWatch a deployment reads.' });

export type AppConfig = z.infer<typeof appConfigSchema>;

/** The config of a site with no config.json: the simulated account, as `npm start` shows it. */
export const DEMO_APP_CONFIG: AppConfig = { regions: ['us-east-1'], credentials: { source: 'demo' } };

/** The region of a Cognito identity pool, which is the prefix of its id. */
export function identityPoolRegion(identityPoolId: string): string {
  return identityPoolId.split(':')[0] ?? identityPoolId;
}
