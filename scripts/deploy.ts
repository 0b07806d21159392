/**
 * npm run deploy -- --stack <StackName> [--relay-config relay.json] [--skip-build] [--dry-run] [--dist dist]
 * npm run deploy -- --bucket <BucketName> --distribution <DistributionId> [...]   (the site only)
 *
 * With --stack: bundles and zips the relay (src/relay/lambda.ts), uploads it to the stack's
 * RelayCodeBucket and updates the stack with infra/bellwether-site.yaml, pointing the function at the new
 * code and the CSP parameters at config.json's endpoints; then the site. The site: builds it, writes the
 * deployment's own Content-Security-Policy into dist/index.html (from dist/config.json), uploads every file
 * to the bucket with its Cache-Control, and invalidates what is not content-addressed on CloudFront. Uses
 * the AWS SDK for JavaScript and the usual credential chain (environment, profile, SSO). --dry-run prints
 * the plan and touches nothing (it still bundles the relay, locally, to say how big it is).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseAppConfig } from '../src/data/app-config';
import { DEMO_APP_CONFIG } from '../src/data/app-config-schema';
import { formatConfigError } from '../src/domain/kpi/config-error';
import { readMetaPolicy, writeMetaPolicy } from './deploy-csp';
import {
  deploymentPolicy,
  invalidationPaths,
  planUpload,
  stackParameters,
  type UploadEntry,
} from './deploy-plan';
import { describeStack, packageRelay, updateStack, uploadRelay } from './deploy-relay';
import {
  compactRelayConfig,
  relayCodeKey,
  relayStackParameters,
  relaySteps,
  zipEntries,
} from './deploy-relay-plan';

const ROOT = resolve(import.meta.dirname, '..');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

function fail(message: string): never {
  console.error(`deploy: ${message}`);
  process.exit(1);
}

async function upload(dist: string, bucket: string, plan: UploadEntry[]): Promise<void> {
  const { S3Client, PutObjectCommand } = await import('@aws-sdk/client-s3');
  const s3 = new S3Client({});
  for (const entry of plan) {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: entry.key,
        Body: readFileSync(join(dist, entry.key)),
        ContentType: entry.contentType,
        CacheControl: entry.cacheControl,
      }),
    );
    console.log(`  put ${entry.key}  (${entry.cacheControl})`);
  }
}

async function invalidate(distributionId: string, paths: string[]): Promise<string | undefined> {
  const { CloudFrontClient, CreateInvalidationCommand } = await import('@aws-sdk/client-cloudfront');
  const cloudfront = new CloudFrontClient({});
  const out = await cloudfront.send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: {
        CallerReference: `bellwether-${Date.now()}`,
        Paths: { Quantity: paths.length, Items: paths },
      },
    }),
  );
  return out.Invalidation?.Id;
}

/** Ships the relay (bundle, zip, upload, stack update) before the site, so screens find snapshots. */
async function deployRelay(options: {
  stack: string;
  codeBucket: string;
  existing: string[];
  relayConfigPath: string | undefined;
  site: Record<string, string>;
  dryRun: boolean;
}): Promise<void> {
  const zip = await packageRelay(mkdtempSync(join(tmpdir(), 'bellwether-relay-')));
  const codeKey = relayCodeKey(zip);
  const configText =
    options.relayConfigPath && existsSync(options.relayConfigPath)
      ? readFileSync(options.relayConfigPath, 'utf8')
      : undefined;
  const parameters = relayStackParameters({
    existing: options.existing,
    codeKey,
    relayConfig: compactRelayConfig(configText),
    site: options.site,
  });
  const steps = relaySteps({
    stack: options.stack,
    codeBucket: options.codeBucket,
    codeKey,
    zipBytes: zip.length,
    parameters,
  });
  console.log(`Relay (${zipEntries(zip).join(', ')}):`);
  for (const step of steps) console.log(`  ${options.dryRun ? 'would ' : ''}${step}`);
  if (options.dryRun) return;
  let codeBucket = options.codeBucket;
  if (!codeBucket) {
    // A stack made from a template older than the relay has no code bucket yet: add it (and the snapshot
    // access) first, without a function, then ship the code.
    console.log(`  ${options.stack} has no RelayCodeBucket yet: updating it to this template first`);
    await updateStack(
      options.stack,
      parameters.map((p) => (p.ParameterKey === 'RelayCodeKey' ? { ...p, ParameterValue: '' } : p)),
    );
    codeBucket = (await describeStack(options.stack)).outputs.RelayCodeBucketName ?? '';
    if (!codeBucket) throw new Error(`stack ${options.stack} still has no RelayCodeBucketName output`);
  }
  await uploadRelay(codeBucket, codeKey, zip);
  console.log(`  stack ${options.stack}: ${await updateStack(options.stack, parameters)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      stack: { type: 'string' },
      'relay-config': { type: 'string', default: 'relay.json' },
      bucket: { type: 'string' },
      distribution: { type: 'string' },
      'skip-build': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      dist: { type: 'string', default: 'dist' },
    },
  });
  const dryRun = values['dry-run'];
  const stack = values.stack;
  const described =
    stack && !dryRun
      ? await describeStack(stack)
      : {
          outputs: {
            BucketName: `<BucketName of ${stack ?? 'the stack'}>`,
            DistributionId: `<DistributionId of ${stack ?? 'the stack'}>`,
            RelayCodeBucketName: `<RelayCodeBucketName of ${stack ?? 'the stack'}>`,
          },
          parameters: [],
        };
  const bucket = values.bucket ?? (stack ? described.outputs.BucketName : undefined);
  const distribution = values.distribution ?? (stack ? described.outputs.DistributionId : undefined);
  if (!dryRun && (!bucket || !distribution)) {
    fail(
      'give --stack (the stack of infra/bellwether-site.yaml), or --bucket and --distribution (its BucketName and DistributionId outputs), or --dry-run',
    );
  }
  if (!values['skip-build']) {
    const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) fail('the build failed; fix it before deploying');
  }
  const DIST = resolve(ROOT, values.dist);
  const keys = listFiles(DIST);
  let config = DEMO_APP_CONFIG;
  if (keys.includes('config.json')) {
    const parsed = parseAppConfig(readFileSync(join(DIST, 'config.json'), 'utf8'));
    if (!parsed.ok) fail(`config.json is not valid:\n${parsed.errors.map(formatConfigError).join('\n')}`);
    config = parsed.config;
  }
  const indexPath = join(DIST, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  const rewritten = writeMetaPolicy(html, deploymentPolicy(config, false));
  if (!dryRun) writeFileSync(indexPath, rewritten);
  console.log(`CSP of this deployment: ${readMetaPolicy(rewritten)}`);
  const params = stackParameters(config);
  console.log(
    `CloudFront sends the same policy when the stack has Regions=${params.Regions} and ExtraConnectSources='${params.ExtraConnectSources}'.`,
  );
  if (stack) {
    await deployRelay({
      stack,
      codeBucket: described.outputs.RelayCodeBucketName ?? '',
      existing: described.parameters,
      relayConfigPath: values['relay-config'] ? resolve(ROOT, values['relay-config']) : undefined,
      site: params,
      dryRun,
    });
  }
  const plan = planUpload(keys, { demo: config.credentials.source === 'demo' });
  const paths = invalidationPaths(plan);
  if (dryRun) {
    for (const entry of plan) console.log(`  ${entry.key}  ${entry.contentType}  ${entry.cacheControl}`);
    console.log(`Would invalidate: ${paths.join(' ')}`);
    return;
  }
  await upload(DIST, bucket ?? '', plan);
  const id = await invalidate(distribution ?? '', paths);
  console.log(
    `Uploaded ${plan.length} files; CloudFront invalidation ${id ?? '(no id)'} for ${paths.join(' ')}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) =>
    fail(error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
  );
}
