import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';

// The layering rules of .dependency-cruiser.mjs, run as `npm run lint` runs them (the depcruise CLI, the
// repository's config), on small projects written to a temp dir: each wrong import is reported under its
// rule and fails the run; a project that keeps to the layers passes.

const ROOT = join(import.meta.dirname, '..');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.mjs');
const run = promisify(execFile);
const made: string[] = [];

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway project: the given files, the repository's packages, a tsconfig like the real one. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bellwether-layering-'));
  made.push(dir);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const all: Record<string, string> = {
    'tsconfig.json': JSON.stringify({
      compilerOptions: { module: 'ESNext', moduleResolution: 'bundler', jsx: 'react-jsx', strict: true },
      include: ['src'],
    }),
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Runs depcruise as `npm run lint` does (default reporter); each error as "rule: from → to". */
async function cruise(
  dir: string,
  roots: string[] = ['src'],
): Promise<{ exitCode: number; errors: string[]; output: string }> {
  let output: string;
  let exitCode = 0;
  try {
    ({ stdout: output } = await run(process.execPath, [DEPCRUISE, '--config', CONFIG, ...roots], {
      cwd: dir,
    }));
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string };
    if (typeof failed.code !== 'number' || !failed.stdout) throw error;
    exitCode = failed.code;
    output = failed.stdout;
  }
  const errors = [...output.matchAll(/^\s*error (\S+): (\S+) → (\S+)$/gm)].map(
    // A package is named by its folder in node_modules, wherever the symlink resolved to.
    ([, rule, from, to]) =>
      `${rule}: ${from} → ${to?.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1')}`,
  );
  return { exitCode, errors: errors.sort(), output };
}

describe('the layering rules (.dependency-cruiser.mjs)', () => {
  test('a project that keeps to the layers passes', async () => {
    const dir = project({
      'src/main.tsx': "import { start } from './app/app';\nstart();\n",
      'src/app/app.tsx': "import { page } from '../features/a/page';\nexport const start = () => page;\n",
      'src/features/a/page.tsx':
        "import { useState } from 'react';\nimport { get } from '../../data/get';\nimport { fmt } from '../../domain/fmt';\n" +
        "import { helper } from './deep/helper';\nexport const page = [useState, get, fmt, helper];\n",
      'src/features/a/deep/helper.ts':
        "import { fmt } from '../../../domain/fmt';\nexport const helper = fmt;\n",
      'src/features/a/page.test.tsx': "import { start } from '../../app/app';\nexport const t = start;\n",
      'src/features/b/other.ts':
        "import { Tile } from '../../components/tile';\nexport const other = Tile;\n",
      'src/components/tile.tsx': "import { fmt } from '../domain/fmt';\nexport const Tile = () => fmt(1);\n",
      'src/data/get.ts':
        "import { ListMetricsCommand } from '@aws-sdk/client-cloudwatch';\nimport { fmt } from '../domain/fmt';\n" +
        'export const get = [ListMetricsCommand, fmt];\n',
      'src/domain/fmt.ts':
        "import { z } from 'zod';\nimport { isStandardUnit } from '@bellwether/cloudwatch-spec';\n" +
        'export const fmt = (n: number) => [z.number().parse(n), isStandardUnit];\n',
    });
    const { exitCode, errors, output } = await cruise(dir);
    expect(errors).toEqual([]);
    expect(output).toContain('no dependency violations found');
    expect(exitCode).toBe(0);
  }, 30_000);

  test('each wrong import is reported under its rule, and the run fails', async () => {
    const dir = project({
      'src/main.tsx': "import './app/app';\n",
      'src/app/app.tsx': "export const app = 'app';\n",
      // A feature importing another feature, however the path is spelled; its own files are fine.
      'src/features/a/page.ts': "import { other } from '../b/other';\nexport const page = other;\n",
      'src/features/a/deep/x.ts':
        "import { other } from '../../b/other';\nimport { page } from '../page';\nexport const x = [other, page];\n",
      'src/features/b/other.ts': "export const other = 'b';\n",
      // The AWS SDK and msw outside their places; src/app from a feature.
      'src/features/b/sdk.ts':
        "import { ListMetricsCommand } from '@aws-sdk/client-cloudwatch';\nimport { http } from 'msw';\n" +
        "import { app } from '../../app/app';\nexport const sdk = [ListMetricsCommand, http, app];\n",
      // The domain importing React (a type counts too) and a layer above it.
      'src/domain/pure.ts':
        "import { useState } from 'react';\nimport type { ReactNode } from 'react';\nimport { get } from '../data/get';\n" +
        'export const pure: [unknown, ReactNode, unknown] = [useState, null, get];\n',
      'src/domain/types.ts': "import type { ReactNode } from 'react';\nexport type Label = ReactNode;\n",
      // A lower layer importing a feature, and production code importing the test harness.
      'src/data/get.ts': "import { page } from '../features/a/page';\nexport const get = page;\n",
      'src/components/tile.ts':
        "import { harness } from '../testing/harness';\nexport const tile = harness;\n",
      'src/testing/harness.ts': "export const harness = 'h';\n",
    });
    const { exitCode, errors } = await cruise(dir);
    expect(errors).toEqual(
      [
        'features-not-to-other-features: src/features/a/page.ts → src/features/b/other.ts',
        'features-not-to-other-features: src/features/a/deep/x.ts → src/features/b/other.ts',
        'domain-no-react-aws-msw: src/domain/pure.ts → react',
        'domain-no-react-aws-msw: src/domain/types.ts → react',
        'domain-imports-only-domain: src/domain/pure.ts → src/data/get.ts',
        'aws-sdk-only-in-data: src/features/b/sdk.ts → @aws-sdk/client-cloudwatch',
        'msw-only-in-fake-cloudwatch-and-tests: src/features/b/sdk.ts → msw',
        'app-only-from-main: src/features/b/sdk.ts → src/app/app.tsx',
        'lower-layers-not-to-features-or-app: src/data/get.ts → src/features/a/page.ts',
        'testing-only-from-tests: src/components/tile.ts → src/testing/harness.ts',
      ].sort(),
    );
    expect(exitCode).toBe(errors.length);
  }, 30_000);
  test('src/relay stands on src/data and src/domain, and nothing imports it', async () => {
    const dir = project({
      'src/domain/fmt.ts': "export const fmt = 'f';\n",
      'src/data/get.ts': "import { relay } from '../relay/relay';\nexport const get = relay;\n",
      'src/features/a/page.ts': "export const page = 'p';\n",
      'src/relay/relay.ts':
        "import { fmt } from '../domain/fmt';\nimport { page } from '../features/a/page';\nexport const relay = [fmt, page];\n",
      'src/relay/cli.ts':
        "import { relay } from './relay';\nimport { get } from '../data/get';\nexport const cli = [relay, get];\n",
    });
    const { exitCode, errors } = await cruise(dir);
    expect(errors).toEqual(
      [
        'nothing-imports-relay: src/data/get.ts → src/relay/relay.ts',
        'relay-imports-data-and-domain: src/relay/relay.ts → src/features/a/page.ts',
      ].sort(),
    );
    expect(exitCode).toBe(errors.length);
  }, 30_000);

  test('packages/cloudwatch-spec imports only itself; its tests also vitest and node: built-ins', async () => {
    const dir = project({
      'src/domain/fmt.ts': "export const fmt = 'f';\n",
      'packages/cloudwatch-spec/src/index.ts':
        "import { useState } from 'react';\nimport { fmt } from '../../../src/domain/fmt';\n" +
        "import { unit } from './unit';\nexport const spec = [useState, fmt, unit];\n",
      'packages/cloudwatch-spec/src/unit.ts': "export const unit = 'Count';\n",
      'packages/cloudwatch-spec/src/unit.test.ts':
        "import { readFileSync } from 'node:fs';\nimport { expect } from 'vitest';\nimport { http } from 'msw';\n" +
        "import { unit } from './unit';\nexport const t = [readFileSync, expect, http, unit];\n",
    });
    const { exitCode, errors } = await cruise(dir, ['src', 'packages']);
    expect(errors).toEqual(
      [
        'cloudwatch-spec-imports-only-itself: packages/cloudwatch-spec/src/index.ts → react',
        'cloudwatch-spec-imports-only-itself: packages/cloudwatch-spec/src/index.ts → src/domain/fmt.ts',
        'cloudwatch-spec-tests-only-vitest-and-node: packages/cloudwatch-spec/src/unit.test.ts → msw',
      ].sort(),
    );
    expect(exitCode).toBe(errors.length);
  }, 30_000);
  test('packages/fake-cloudwatch: core ← protocols ← transports, msw only in its transports, apart from src/', async () => {
    const F = 'packages/fake-cloudwatch/src';
    const dir = project({
      'src/domain/fmt.ts': "export const fmt = 'f';\n",
      // The demo loads the account by dynamic import; a static import, or one from elsewhere in src/, fails.
      'src/app/bootstrap.tsx':
        "import { createFakeCloudWatch } from '../../packages/fake-cloudwatch/src/index';\n" +
        "export const demo = () => [createFakeCloudWatch, import('../../packages/fake-cloudwatch/src/transports/browser')];\n",
      'src/data/source.ts':
        "import { createFakeCloudWatch } from '../../packages/fake-cloudwatch/src/index';\nexport const s = createFakeCloudWatch;\n",
      'src/data/source.test.ts':
        "import { setup } from '../../packages/fake-cloudwatch/src/test-support';\nexport const t = setup;\n",
      'packages/cloudwatch-spec/src/index.ts': 'export const spec = 1;\n',
      [`${F}/index.ts`]: "export { createFakeCloudWatch } from './core/account';\n",
      // The core: itself and cloudwatch-spec only.
      [`${F}/core/errors.ts`]: "export const errors = 'e';\n",
      [`${F}/core/account.ts`]:
        "import { readFileSync } from 'node:fs';\nimport { http } from 'msw';\nimport { spec } from '../../../cloudwatch-spec/src/index';\n" +
        "import { serve } from '../protocols/serve';\nimport { errors } from './errors';\n" +
        'export const createFakeCloudWatch = () => [readFileSync, http, spec, serve, errors];\n',
      [`${F}/core/account.test.ts`]:
        "import { http } from 'msw';\nimport { setup } from '../test-support';\nexport const t = [http, setup];\n",
      // A protocol: the core and the protocols, never a transport.
      [`${F}/protocols/serve.ts`]:
        "import { errors } from '../core/errors';\nimport { handlers } from '../transports/msw';\nexport const serve = [errors, handlers];\n",
      [`${F}/transports/msw.ts`]: "import { http } from 'msw';\nexport const handlers = [http];\n",
      [`${F}/transports/browser.ts`]:
        "import { setupWorker } from 'msw/browser';\nimport { handlers } from './msw';\nexport const start = [setupWorker, handlers];\n",
      [`${F}/transports/http.ts`]:
        "import { createServer } from 'node:http';\nimport { ListMetricsCommand } from '@aws-sdk/client-cloudwatch';\n" +
        "import { http } from 'msw';\nimport { fmt } from '../../../../src/domain/fmt';\nimport { serve } from '../protocols/serve';\n" +
        'export const h = [createServer, ListMetricsCommand, http, fmt, serve];\n',
      [`${F}/test-support.ts`]:
        "import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';\nimport { start } from './transports/browser';\n" +
        'export const setup = [CloudWatchClient, start];\n',
    });
    const { exitCode, errors } = await cruise(dir, ['src', 'packages']);
    expect(errors).toEqual(
      [
        'fake-cloudwatch-by-dynamic-import: src/app/bootstrap.tsx → packages/fake-cloudwatch/src/index.ts',
        'fake-cloudwatch-only-from-bootstrap-and-tests: src/data/source.ts → packages/fake-cloudwatch/src/index.ts',
        `fake-cloudwatch-core-imports-only-core: ${F}/core/account.ts → msw`,
        `fake-cloudwatch-core-imports-only-core: ${F}/core/account.ts → fs`,
        `fake-cloudwatch-core-imports-only-core: ${F}/core/account.ts → ${F}/protocols/serve.ts`,
        `msw-only-in-fake-cloudwatch-and-tests: ${F}/core/account.ts → msw`,
        `fake-cloudwatch-protocols-not-to-transports: ${F}/protocols/serve.ts → ${F}/transports/msw.ts`,
        `msw-only-in-fake-cloudwatch-and-tests: ${F}/transports/http.ts → msw`,
        `fake-cloudwatch-not-to-src: ${F}/transports/http.ts → src/domain/fmt.ts`,
        `fake-cloudwatch-no-aws-sdk: ${F}/transports/http.ts → @aws-sdk/client-cloudwatch`,
      ].sort(),
    );
    expect(exitCode).toBe(errors.length);
  }, 30_000);
});
