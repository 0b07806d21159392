/**
 * The hosting template and the IAM policy, checked statically (nothing here can reach AWS): resources and
 * their security settings, the CSP CloudFront sends (evaluated from the template's own intrinsics and
 * compared with the app's), the relay (function, schedule, roles) and how CloudFront serves its snapshots,
 * and that no policy anywhere under infra/ grants more than each part needs. What the snapshot access
 * function lets through is tested by running it: deploy-access.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { buildContentSecurityPolicy } from './deploy-csp';

const ROOT = join(import.meta.dirname, '..');
const INFRA = join(ROOT, 'infra');
type Node = unknown;
type Template = {
  Parameters: Record<string, { Default?: string }>;
  Conditions: Record<string, Node>;
  Resources: Record<string, { Type: string; Condition?: string; Properties: Record<string, Node> }>;
};

const template = parse(readFileSync(join(INFRA, 'bellwether-site.yaml'), 'utf8')) as Template;
const policyFile = JSON.parse(readFileSync(join(INFRA, 'iam/bellwether-read-only.json'), 'utf8')) as {
  Statement: Array<{ Effect: string; Action: string[]; Resource: string }>;
};
const READ_ONLY_ACTIONS = ['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics', 'cloudwatch:DescribeAlarms'];

function resource(name: string): { Type: string; Condition?: string; Properties: Record<string, Node> } {
  const found = template.Resources[name];
  if (!found) throw new Error(`no resource ${name}`);
  return found;
}

/**
 * Evaluates the intrinsics the template uses (Ref, Fn::GetAtt, Fn::Join, Fn::If, Fn::Equals, Fn::Not) for
 * given parameters; an attribute is given as `Resource.Attribute`.
 */
function evaluate(node: Node, params: Record<string, string | string[]>): Node {
  if (Array.isArray(node)) return node.map((n) => evaluate(n, params));
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, Node>);
  const [key, arg] = entries[0] ?? [];
  if (entries.length === 1 && key === 'Ref') return params[String(arg)] ?? `<${String(arg)}>`;
  if (entries.length === 1 && key === 'Fn::GetAtt') {
    const name = (arg as string[]).join('.');
    return params[name] ?? `<${name}>`;
  }
  if (entries.length === 1 && key === 'Fn::Join') {
    const [sep, list] = arg as [string, Node];
    return (evaluate(list, params) as string[]).join(sep);
  }
  if (entries.length === 1 && key === 'Fn::Equals') {
    const [a, b] = evaluate(arg, params) as [Node, Node];
    return a === b;
  }
  if (entries.length === 1 && key === 'Fn::Not') return !(evaluate((arg as Node[])[0], params) as boolean);
  if (entries.length === 1 && key === 'Fn::If') {
    const [condition, yes, no] = arg as [string, Node, Node];
    return evaluate(evaluate(template.Conditions[condition], params) ? yes : no, params);
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, evaluate(v, params)]));
}

function cspFor(params: Record<string, string | string[]>): string {
  const props = resource('SecurityHeaders').Properties as {
    ResponseHeadersPolicyConfig: {
      SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: Node } };
    };
  };
  return evaluate(
    props.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy,
    {
      ExtraConnectSources: '',
      ...params,
    },
  ) as string;
}

describe('hosting template', () => {
  test('has the resources of a private site behind CloudFront and a read-only identity pool', () => {
    const types = Object.fromEntries(Object.entries(template.Resources).map(([name, r]) => [name, r.Type]));
    expect(types).toEqual({
      SiteBucket: 'AWS::S3::Bucket',
      SiteBucketPolicy: 'AWS::S3::BucketPolicy',
      OriginAccessControl: 'AWS::CloudFront::OriginAccessControl',
      SecurityHeaders: 'AWS::CloudFront::ResponseHeadersPolicy',
      Distribution: 'AWS::CloudFront::Distribution',
      IdentityPool: 'AWS::Cognito::IdentityPool',
      GuestRole: 'AWS::IAM::Role',
      SignedInRole: 'AWS::IAM::Role',
      IdentityPoolRoles: 'AWS::Cognito::IdentityPoolRoleAttachment',
      SnapshotCachePolicy: 'AWS::CloudFront::CachePolicy',
      ScreenKeys: 'AWS::CloudFront::KeyValueStore',
      SnapshotAccess: 'AWS::CloudFront::Function',
      RelayCodeBucket: 'AWS::S3::Bucket',
      RelayCodeBucketPolicy: 'AWS::S3::BucketPolicy',
      RelayLogGroup: 'AWS::Logs::LogGroup',
      RelayFunctionRole: 'AWS::IAM::Role',
      RelayFunction: 'AWS::Lambda::Function',
      RelayInvokeConfig: 'AWS::Lambda::EventInvokeConfig',
      RelaySchedulerRole: 'AWS::IAM::Role',
      RelaySchedule: 'AWS::Scheduler::Schedule',
    });
  });

  test.each(['SiteBucket', 'RelayCodeBucket'])(
    '%s is private: every public access block on, ACLs disabled, no website hosting',
    (bucket) => {
      const props = resource(bucket).Properties;
      expect(props.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(props.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
      expect(props.WebsiteConfiguration).toBeUndefined();
    },
  );

  test('only this distribution may read the bucket, through origin access control, over TLS', () => {
    const doc = resource('SiteBucketPolicy').Properties.PolicyDocument as {
      Statement: Array<{
        Effect: string;
        Principal: Node;
        Action: Node;
        Resource: Node;
        Condition: Record<string, Record<string, Node>>;
      }>;
    };
    const [allow, listing, deny] = doc.Statement;
    // A missing object is a 404 (not S3's 403), and only for this distribution.
    expect(listing).toMatchObject({
      Effect: 'Allow',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: 's3:ListBucket',
      Resource: { 'Fn::GetAtt': ['SiteBucket', 'Arn'] },
    });
    expect(listing?.Condition).toEqual(allow?.Condition);
    expect(allow).toMatchObject({
      Effect: 'Allow',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: 's3:GetObject',
    });
    const sourceArn = evaluate(allow?.Condition.StringEquals?.['AWS:SourceArn'], {
      'AWS::AccountId': '123456789012',
      Distribution: 'E2EXAMPLE',
    });
    expect(sourceArn).toBe('arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE');
    expect(deny).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    const oac = resource('OriginAccessControl').Properties.OriginAccessControlConfig;
    expect(oac).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const config = resource('Distribution').Properties.DistributionConfig as {
      Origins: Array<Record<string, Node>>;
      DefaultCacheBehavior: Record<string, Node>;
    };
    expect(config.Origins[0]?.OriginAccessControlId).toEqual({ 'Fn::GetAtt': ['OriginAccessControl', 'Id'] });
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      ResponseHeadersPolicyId: { Ref: 'SecurityHeaders' },
    });
  });

  test('security headers: HSTS for two years, nosniff, no Referer at all, no framing', () => {
    const headers = (
      resource('SecurityHeaders').Properties.ResponseHeadersPolicyConfig as {
        SecurityHeadersConfig: Record<string, Node>;
      }
    ).SecurityHeadersConfig;
    expect(headers.StrictTransportSecurity).toMatchObject({
      Override: true,
      AccessControlMaxAgeSec: 63_072_000,
      IncludeSubdomains: true,
    });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    // Not even same-origin: the site's own access logs would get the page's path and query.
    expect(headers.ReferrerPolicy).toEqual({ Override: true, ReferrerPolicy: 'no-referrer' });
    expect(headers.FrameOptions).toEqual({ Override: true, FrameOption: 'DENY' });
  });

  test.each([
    [{ Regions: ['us-east-1'], 'AWS::Region': 'us-east-1' }, []],
    [{ Regions: ['eu-west-1', 'us-east-1', 'ap-southeast-2'], 'AWS::Region': 'eu-west-1' }, []],
    [
      {
        Regions: ['eu-west-1'],
        'AWS::Region': 'eu-west-1',
        ExtraConnectSources: 'https://bw.auth.eu-west-1.amazoncognito.com',
      },
      ['https://bw.auth.eu-west-1.amazoncognito.com'],
    ],
  ])('CloudFront sends the same CSP the app builds, with frame-ancestors: %j', (params, extra) => {
    const csp = cspFor(params);
    expect(csp).toBe(
      buildContentSecurityPolicy({
        monitoringRegions: params.Regions,
        cognitoRegions: [params['AWS::Region']],
        extraConnect: extra,
        forHeader: true,
      }),
    );
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  test('guests may use the identity pool only where configured, and each role is tied to this pool', () => {
    expect(
      evaluate(resource('IdentityPool').Properties.AllowUnauthenticatedIdentities, { GuestAccess: 'true' }),
    ).toBe(true);
    expect(
      evaluate(resource('IdentityPool').Properties.AllowUnauthenticatedIdentities, { GuestAccess: 'false' }),
    ).toBe(false);
    expect(resource('IdentityPool').Properties.AllowClassicFlow).toBe(false);
    for (const [role, amr] of [
      ['GuestRole', 'unauthenticated'],
      ['SignedInRole', 'authenticated'],
    ] as const) {
      const trust = (
        resource(role).Properties.AssumeRolePolicyDocument as { Statement: Array<Record<string, Node>> }
      ).Statement;
      expect(trust).toEqual([
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: 'IdentityPool' } },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
          },
        },
      ]);
      const policies = resource(role).Properties.Policies as Array<{ PolicyDocument: { Statement: Node[] } }>;
      expect(policies.map((p) => p.PolicyDocument.Statement)).toEqual([policyFile.Statement]);
    }
    expect(resource('IdentityPoolRoles').Properties.Roles).toEqual({
      unauthenticated: { 'Fn::GetAtt': ['GuestRole', 'Arn'] },
      authenticated: { 'Fn::GetAtt': ['SignedInRole', 'Arn'] },
    });
  });
});

describe('snapshots and the relay', () => {
  type Behavior = Record<string, Node> & { FunctionAssociations?: Array<Record<string, Node>> };
  const config = resource('Distribution').Properties.DistributionConfig as {
    DefaultCacheBehavior: Behavior;
    CacheBehaviors: Behavior[];
  };
  const ACCESS = [
    {
      EventType: 'viewer-request',
      FunctionARN: { 'Fn::GetAtt': ['SnapshotAccess', 'FunctionMetadata.FunctionARN'] },
    },
  ];

  test('snapshots/* is served from the site bucket over HTTPS, read-only, with the site headers', () => {
    expect(config.CacheBehaviors).toHaveLength(1);
    expect(config.CacheBehaviors[0]).toEqual({
      PathPattern: 'snapshots/*',
      TargetOriginId: 'site-bucket',
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: ['GET', 'HEAD'],
      CachedMethods: ['GET', 'HEAD'],
      Compress: true,
      CachePolicyId: { Ref: 'SnapshotCachePolicy' },
      ResponseHeadersPolicyId: { Ref: 'SecurityHeaders' },
      FunctionAssociations: ACCESS,
    });
  });

  test('superseded snapshot versions expire after a day (the bucket is versioned)', () => {
    expect(resource('SiteBucket').Properties.LifecycleConfiguration).toEqual({
      Rules: [
        {
          Id: 'expire-superseded-snapshots',
          Status: 'Enabled',
          Prefix: 'snapshots/',
          NoncurrentVersionExpiration: { NoncurrentDays: 1 },
        },
      ],
    });
  });

  test('every request, snapshot or not, meets the access function (an encoded slash is no way round)', () => {
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual(ACCESS);
    // No custom error pages: they would serve index.html, with a 200, for a snapshot not written yet.
    expect((config as Record<string, unknown>).CustomErrorResponses).toBeUndefined();
    const fn = resource('SnapshotAccess').Properties;
    expect(fn.AutoPublish).toBe(true);
    expect(fn.FunctionConfig).toMatchObject({
      Runtime: 'cloudfront-js-2.0',
      KeyValueStoreAssociations: [{ KeyValueStoreARN: { 'Fn::GetAtt': ['ScreenKeys', 'Arn'] } }],
    });
  });

  test('CloudFront keeps a snapshot 15 s at most, one copy for every screen', () => {
    const policy = resource('SnapshotCachePolicy').Properties.CachePolicyConfig as {
      MinTTL: number;
      DefaultTTL: number;
      MaxTTL: number;
      ParametersInCacheKeyAndForwardedToOrigin: Record<string, Node>;
    };
    expect(policy.MaxTTL).toBeLessThanOrEqual(15);
    expect(policy.DefaultTTL).toBeLessThanOrEqual(policy.MaxTTL);
    expect(policy.MinTTL).toBe(0);
    // The screen's key is checked before the cache; it must never split the cache or reach S3.
    expect(policy.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({
      CookiesConfig: { CookieBehavior: 'none' },
      HeadersConfig: { HeaderBehavior: 'none' },
      QueryStringsConfig: { QueryStringBehavior: 'none' },
    });
  });

  test('npm run deploy can send the template as a TemplateBody (CloudFormation takes 51,200 bytes)', () => {
    expect(readFileSync(join(INFRA, 'bellwether-site.yaml')).length).toBeLessThan(51_200);
  });

  test('the relay exists only once its code is uploaded; the code bucket is not an origin', () => {
    expect(evaluate(template.Conditions.HasRelay, { RelayCodeKey: '' })).toBe(false);
    expect(
      evaluate(template.Conditions.HasRelay, { RelayCodeKey: 'relay/bellwether-relay-0a1b2c.zip' }),
    ).toBe(true);
    for (const name of [
      'RelayLogGroup',
      'RelayFunctionRole',
      'RelayFunction',
      'RelayInvokeConfig',
      'RelaySchedulerRole',
      'RelaySchedule',
    ]) {
      expect(resource(name).Condition, name).toBe('HasRelay');
    }
    const origins = (resource('Distribution').Properties.DistributionConfig as { Origins: Node[] }).Origins;
    expect(JSON.stringify(origins)).not.toContain('RelayCodeBucket');
  });

  test('a Node.js function that stops before the next minute and is never retried on top of it', () => {
    const fn = resource('RelayFunction').Properties as Record<string, Node> & {
      Environment: { Variables: Record<string, Node> };
    };
    expect(fn).toMatchObject({
      Runtime: { Ref: 'RelayRuntime' },
      Handler: 'index.handler',
      Role: { 'Fn::GetAtt': ['RelayFunctionRole', 'Arn'] },
      Code: { S3Bucket: { Ref: 'RelayCodeBucket' }, S3Key: { Ref: 'RelayCodeKey' } },
    });
    expect(fn.Timeout as number).toBeLessThan(60);
    // Lambda blocks creating functions on a deprecated runtime (nodejs20.x: since 31 August 2026).
    expect(template.Parameters.RelayRuntime?.Default).toBe('nodejs22.x');
    expect(fn.Environment.Variables).toEqual({
      BELLWETHER_SITE_BUCKET: { Ref: 'SiteBucket' },
      BELLWETHER_SNAPSHOT_PREFIX: 'snapshots/',
      BELLWETHER_DASHBOARD_PREFIX: 'dashboards/',
      BELLWETHER_RELAY_DASHBOARDS: { Ref: 'RelayDashboards' },
    });
    expect(resource('RelayInvokeConfig').Properties).toMatchObject({ MaximumRetryAttempts: 0 });
  });

  test('EventBridge Scheduler runs it every minute with a role that may invoke only it', () => {
    expect(template.Parameters.RelaySchedule?.Default).toBe('rate(1 minute)');
    const schedule = resource('RelaySchedule').Properties;
    expect(schedule).toMatchObject({
      ScheduleExpression: { Ref: 'RelaySchedule' },
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': ['RelayFunction', 'Arn'] },
        RoleArn: { 'Fn::GetAtt': ['RelaySchedulerRole', 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 0 },
      },
    });
    const role = resource('RelaySchedulerRole').Properties as {
      AssumeRolePolicyDocument: { Statement: Array<Record<string, Node>> };
      Policies: Array<{ PolicyDocument: { Statement: Node[] } }>;
    };
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      },
    ]);
    expect(role.Policies.flatMap((p) => p.PolicyDocument.Statement)).toEqual([
      {
        Sid: 'SchedulerInvokesRelay',
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: { 'Fn::GetAtt': ['RelayFunction', 'Arn'] },
      },
    ]);
  });

  test('infra/iam/bellwether-relay.json is the relay role policy, for those who deploy it another way', () => {
    const role = resource('RelayFunctionRole').Properties as {
      Policies: Array<{ PolicyDocument: { Statement: Node[] } }>;
    };
    const file = JSON.parse(readFileSync(join(INFRA, 'iam/bellwether-relay.json'), 'utf8')) as {
      Statement: Node[];
    };
    const placeholders = {
      'SiteBucket.Arn': 'arn:aws:s3:::SITE-BUCKET',
      'RelayLogGroup.Arn': 'arn:aws:logs:REGION:ACCOUNT-ID:log-group:/aws/lambda/STACK-relay:*',
    };
    expect(
      role.Policies.flatMap((p) => p.PolicyDocument.Statement).map((st) => evaluate(st, placeholders)),
    ).toEqual(file.Statement);
  });

  test('the relay role: the three CloudWatch reads, PutObject on snapshots/ only, GetObject for its inputs, its logs', () => {
    const role = resource('RelayFunctionRole').Properties as {
      AssumeRolePolicyDocument: { Statement: Array<Record<string, Node>> };
      Policies: Array<{ PolicyDocument: { Statement: Array<Record<string, Node>> } }>;
    };
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
    const params = {
      'SiteBucket.Arn': 'arn:aws:s3:::site',
      'RelayLogGroup.Arn': 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/bw-relay:*',
    };
    const statements = role.Policies.flatMap((p) => p.PolicyDocument.Statement).map((st) => ({
      actions: ([] as Node[]).concat(st.Action).map(String).sort(),
      resources: ([] as Node[]).concat(evaluate(st.Resource, params)),
    }));
    expect(statements).toEqual([
      { actions: [...READ_ONLY_ACTIONS].sort(), resources: ['*'] },
      { actions: ['s3:PutObject'], resources: ['arn:aws:s3:::site/snapshots/*'] },
      {
        actions: ['s3:GetObject'],
        resources: ['arn:aws:s3:::site/snapshots/*', 'arn:aws:s3:::site/dashboards/*'],
      },
      {
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: ['arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/bw-relay:*'],
      },
    ]);
  });
});

describe('least privilege', () => {
  test('the shipped policy allows exactly the three read-only CloudWatch actions', () => {
    expect(policyFile.Statement).toHaveLength(1);
    expect(policyFile.Statement[0]?.Effect).toBe('Allow');
    expect([...(policyFile.Statement[0]?.Action ?? [])].sort()).toEqual([...READ_ONLY_ACTIONS].sort());
  });

  /** Every Allow statement in any policy document anywhere in a parsed file. */
  function allowStatements(node: Node, out: Array<Record<string, Node>> = []): Array<Record<string, Node>> {
    if (Array.isArray(node)) for (const n of node) allowStatements(n, out);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, Node>;
      if (record.Effect === 'Allow' && ('Action' in record || 'NotAction' in record)) out.push(record);
      for (const value of Object.values(record)) allowStatements(value, out);
    }
    return out;
  }

  test('no template or policy under infra/ allows anything broader', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ya?ml|json)$/.test(entry.name)) files.push(path);
      }
    };
    walk(INFRA);
    expect(files.length).toBeGreaterThanOrEqual(2);
    const expected = new Set([
      ...READ_ONLY_ACTIONS,
      's3:GetObject',
      's3:ListBucket',
      's3:PutObject',
      'sts:AssumeRoleWithWebIdentity',
      'sts:AssumeRole',
      'lambda:InvokeFunction',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const statement of allowStatements(file.endsWith('.json') ? JSON.parse(text) : parse(text))) {
        expect(statement.NotAction, `${file}: NotAction grants everything else`).toBeUndefined();
        expect(statement.NotResource, `${file}: NotResource grants everything else`).toBeUndefined();
        const actions = ([] as Node[]).concat(statement.Action);
        for (const action of actions) {
          expect(
            typeof action === 'string' && expected.has(action),
            `${file}: ${String(action)} is broader than needed`,
          ).toBe(true);
        }
        if (statement.Resource === '*') {
          expect(
            actions.every((a) => READ_ONLY_ACTIONS.includes(String(a))),
            `${file}: only the CloudWatch reads, which have no resource, may name every resource`,
          ).toBe(true);
        }
        if (actions.some((a) => String(a).startsWith('s3:')) && statement.Principal !== undefined) {
          // A bucket policy: only CloudFront, only reading.
          expect(statement.Principal, `${file}: only CloudFront may read the bucket`).toEqual({
            Service: 'cloudfront.amazonaws.com',
          });
          // CloudFront reads objects, and may list the bucket itself only so a missing object is a 404.
          const only = actions.join(',');
          expect(['s3:GetObject', 's3:ListBucket'], `${file}: CloudFront only reads`).toContain(only);
          if (only === 's3:ListBucket') {
            expect(statement.Resource, `${file}: ListBucket on the bucket, not its objects`).toEqual({
              'Fn::GetAtt': ['SiteBucket', 'Arn'],
            });
          }
        } else if (actions.some((a) => String(a).startsWith('s3:'))) {
          // A role's policy (the relay): objects under snapshots/ (and dashboards/ to read), nothing else.
          const prefixes = ([] as Node[])
            .concat(statement.Resource)
            .map((r) => String(evaluate(r, { 'SiteBucket.Arn': 'arn:aws:s3:::site' })));
          const allowed = actions.includes('s3:PutObject')
            ? /^arn:aws:s3:::(site|SITE-BUCKET)\/snapshots\/\*$/
            : /^arn:aws:s3:::(site|SITE-BUCKET)\/(snapshots|dashboards)\/\*$/;
          for (const prefix of prefixes) {
            expect(prefix, `${file}: ${actions.join(',')} on ${prefix}`).toMatch(allowed);
          }
        }
      }
    }
  });
});
