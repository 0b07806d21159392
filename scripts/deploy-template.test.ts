/**
 * The hosting template and the IAM policy, checked statically (nothing here can reach AWS): resources and
 * their security settings, the CSP CloudFront sends (evaluated from the template's own intrinsics and
 * compared with the app's), and that no policy anywhere under infra/ grants more than reading CloudWatch.
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
  Resources: Record<string, { Type: string; Properties: Record<string, Node> }>;
};

const template = parse(readFileSync(join(INFRA, 'bellwether-site.yaml'), 'utf8')) as Template;
const policyFile = JSON.parse(readFileSync(join(INFRA, 'iam/bellwether-read-only.json'), 'utf8')) as {
  Statement: Array<{ Effect: string; Action: string[]; Resource: string }>;
};
const READ_ONLY_ACTIONS = ['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics', 'cloudwatch:DescribeAlarms'];

function resource(name: string): { Type: string; Properties: Record<string, Node> } {
  const found = template.Resources[name];
  if (!found) throw new Error(`no resource ${name}`);
  return found;
}

/** Evaluates the intrinsics the template uses (Ref, Fn::Join, Fn::If, Fn::Equals, Fn::Not) for given parameters. */
function evaluate(node: Node, params: Record<string, string | string[]>): Node {
  if (Array.isArray(node)) return node.map((n) => evaluate(n, params));
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, Node>);
  const [key, arg] = entries[0] ?? [];
  if (entries.length === 1 && key === 'Ref') return params[String(arg)] ?? `<${String(arg)}>`;
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
    });
  });

  test('the bucket is private: every public access block on, ACLs disabled, no website hosting', () => {
    const props = resource('SiteBucket').Properties;
    expect(props.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(props.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    expect(props.WebsiteConfiguration).toBeUndefined();
  });

  test('only this distribution may read the bucket, through origin access control, over TLS', () => {
    const doc = resource('SiteBucketPolicy').Properties.PolicyDocument as {
      Statement: Array<{
        Effect: string;
        Principal: Node;
        Action: Node;
        Condition: Record<string, Record<string, Node>>;
      }>;
    };
    const [allow, deny] = doc.Statement;
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

  test('security headers: HSTS for two years, nosniff, a referrer policy, no framing', () => {
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
    expect(headers.ReferrerPolicy).toEqual({
      Override: true,
      ReferrerPolicy: 'strict-origin-when-cross-origin',
    });
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
    const expected = new Set([...READ_ONLY_ACTIONS, 's3:GetObject', 'sts:AssumeRoleWithWebIdentity']);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const statement of allowStatements(file.endsWith('.json') ? JSON.parse(text) : parse(text))) {
        expect(statement.NotAction, `${file}: NotAction grants everything else`).toBeUndefined();
        const actions = ([] as Node[]).concat(statement.Action);
        for (const action of actions) {
          expect(
            typeof action === 'string' && expected.has(action),
            `${file}: ${String(action)} is broader than needed`,
          ).toBe(true);
        }
        if (actions.some((a) => String(a).startsWith('s3:'))) {
          expect(statement.Principal, `${file}: only CloudFront may read the bucket`).toEqual({
            Service: 'cloudfront.amazonaws.com',
          });
        }
      }
    }
  });
});
