/**
 * npm run deploy -- --bucket <BucketName> --distribution <DistributionId> [--skip-build] [--dry-run] [--dist dist]
 *
 * Builds the site, writes the deployment's own Content-Security-Policy into dist/index.html (from
 * dist/config.json), uploads every file to the stack's bucket with its Cache-Control, and invalidates
 * what is not content-addressed on CloudFront. Uses the AWS SDK for JavaScript and the usual credential
 * chain (environment, profile, SSO). --dry-run prints the plan and touches nothing.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      bucket: { type: 'string' },
      distribution: { type: 'string' },
      'skip-build': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      dist: { type: 'string', default: 'dist' },
    },
  });
  const dryRun = values['dry-run'];
  if (!dryRun && (!values.bucket || !values.distribution)) {
    fail(
      'give --bucket and --distribution (the BucketName and DistributionId outputs of infra/bellwether-site.yaml), or --dry-run',
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
  const plan = planUpload(keys, { demo: config.credentials.source === 'demo' });
  const paths = invalidationPaths(plan);
  if (dryRun) {
    for (const entry of plan) console.log(`  ${entry.key}  ${entry.contentType}  ${entry.cacheControl}`);
    console.log(`Would invalidate: ${paths.join(' ')}`);
    return;
  }
  await upload(DIST, values.bucket ?? '', plan);
  const id = await invalidate(values.distribution ?? '', paths);
  console.log(
    `Uploaded ${plan.length} files; CloudFront invalidation ${id ?? '(no id)'} for ${paths.join(' ')}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) =>
    fail(error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
  );
}
