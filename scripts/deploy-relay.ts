/**
 * The relay's half of `npm run deploy`: bundles src/relay/lambda.ts into one ESM file with Vite's own
 * bundler (the AWS SDK inside it, so the function runs the SDK the tests ran, not whichever one the
 * Lambda runtime carries), zips it, uploads it to the stack's RelayCodeBucket and updates the stack.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RELAY_ENTRY_FILE, type StackParameter, zipBundle } from './deploy-relay-plan';

const ROOT = resolve(import.meta.dirname, '..');
export const RELAY_TEMPLATE = join(ROOT, 'infra', 'bellwether-site.yaml');

/** Bundles the Lambda handler for Node 20 and later; returns the files to zip (one: index.mjs). */
export async function bundleRelay(outDir: string): Promise<Record<string, Uint8Array>> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: 'src/relay/lambda.ts',
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: { output: { format: 'esm', entryFileNames: RELAY_ENTRY_FILE, codeSplitting: false } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  return { [RELAY_ENTRY_FILE]: readFileSync(join(outDir, RELAY_ENTRY_FILE)) };
}

/** Bundles and zips: the deployment package Lambda runs. */
export async function packageRelay(outDir: string): Promise<Uint8Array> {
  return zipBundle(await bundleRelay(outDir));
}

export interface StackOutputs {
  outputs: Record<string, string>;
  parameters: string[];
}

/** The stack's outputs (bucket, distribution, relay code bucket) and the names of its parameters. */
export async function describeStack(stack: string): Promise<StackOutputs> {
  const { CloudFormationClient, DescribeStacksCommand } = await import('@aws-sdk/client-cloudformation');
  const cfn = new CloudFormationClient({});
  const found = (await cfn.send(new DescribeStacksCommand({ StackName: stack }))).Stacks?.[0];
  if (!found) throw new Error(`no stack ${stack}`);
  return {
    outputs: Object.fromEntries((found.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? ''])),
    parameters: (found.Parameters ?? []).map((p) => p.ParameterKey ?? ''),
  };
}

/** Uploads the zip (private bucket; Lambda reads it when CloudFormation creates or updates the function). */
export async function uploadRelay(bucket: string, key: string, zip: Uint8Array): Promise<void> {
  const { S3Client, PutObjectCommand } = await import('@aws-sdk/client-s3');
  await new S3Client({}).send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: zip, ContentType: 'application/zip' }),
  );
}

/** Updates the stack with the repository's template and waits; "no updates" counts as done. */
export async function updateStack(stack: string, parameters: StackParameter[]): Promise<string> {
  const { CloudFormationClient, UpdateStackCommand, DescribeStacksCommand } = await import(
    '@aws-sdk/client-cloudformation'
  );
  const cfn = new CloudFormationClient({});
  try {
    await cfn.send(
      new UpdateStackCommand({
        StackName: stack,
        TemplateBody: readFileSync(RELAY_TEMPLATE, 'utf8'),
        Parameters: parameters,
        Capabilities: ['CAPABILITY_IAM'],
      }),
    );
  } catch (error) {
    if (error instanceof Error && /No updates are to be performed/.test(error.message)) return 'unchanged';
    throw error;
  }
  for (;;) {
    await new Promise((done) => setTimeout(done, 10_000));
    const status =
      (await cfn.send(new DescribeStacksCommand({ StackName: stack }))).Stacks?.[0]?.StackStatus ?? '';
    if (status === 'UPDATE_COMPLETE') return status;
    if (/FAILED|ROLLBACK/.test(status) && !status.endsWith('_IN_PROGRESS')) {
      throw new Error(
        `stack ${stack} did not update: ${status} (see its events in the CloudFormation console)`,
      );
    }
  }
}
