/**
 * Writes the JSON Schemas that editors use to complete and check dashboard YAML, generated from the zod
 * schemas so they cannot disagree. Run: npx tsx scripts/gen-schema.ts
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { dashboardIndexSchema, dashboardSchema } from '../src/domain/kpi/schema';

export type JsonSchema = Record<string, unknown>;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The schema of what operators write (zod's input side: durations may be "5m" or seconds, defaults may be
 * left out), in draft-07 because that is what yaml-language-server and most editors understand.
 */
function toEditorSchema(schema: z.ZodType, title: string, description: string): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }) as JsonSchema;
  return { ...json, title, description };
}

/** JSON Schema of one dashboard file (public/dashboards/*.yaml). */
export function buildDashboardJsonSchema(): JsonSchema {
  return toEditorSchema(
    dashboardSchema,
    'Bellwether dashboard',
    'Business KPIs as code, mapped to Amazon CloudWatch. Reference: docs/kpi-reference.md',
  );
}

/** JSON Schema of public/dashboards/index.yaml, the list of dashboard files. */
export function buildDashboardIndexJsonSchema(): JsonSchema {
  return toEditorSchema(
    dashboardIndexSchema,
    'Bellwether dashboard index',
    'The dashboard files the app offers, in order, by file name.',
  );
}

/** Every generated file, relative to the repository root, with how to build it. */
export const SCHEMA_FILES: ReadonlyArray<{ path: string; build: () => JsonSchema }> = [
  { path: 'public/dashboard.schema.json', build: buildDashboardJsonSchema },
  { path: 'public/dashboard-index.schema.json', build: buildDashboardIndexJsonSchema },
];

function main(): void {
  const written = SCHEMA_FILES.map(({ path, build }) => {
    const target = join(ROOT, path);
    writeFileSync(target, `${JSON.stringify(build(), null, 2)}\n`);
    return target;
  });
  // Lay the files out the way the repository's formatter would, so `npm run lint` stays clean.
  const biome = join(ROOT, 'node_modules', '.bin', 'biome');
  const formatted = spawnSync(biome, ['format', '--write', ...written], { stdio: 'inherit' });
  if (formatted.status !== 0) console.warn('biome format failed; the schemas are written but not formatted');
  for (const target of written) console.log(`wrote ${target}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
