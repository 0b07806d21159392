import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { formatConfigError } from '../src/domain/kpi/config-error';
import { parseDashboard } from '../src/domain/kpi/parse-dashboard';
import { parseDashboardIndex } from '../src/domain/kpi/parse-dashboard-index';
import { dashboardIndexSchema, dashboardSchema } from '../src/domain/kpi/schema';
import {
  buildDashboardIndexJsonSchema,
  buildDashboardJsonSchema,
  type JsonSchema,
  SCHEMA_FILES,
} from './gen-schema';

const ROOT = resolve(import.meta.dirname, '..');
const EXAMPLES = join(ROOT, 'public', 'dashboards');

function asSchema(value: unknown): JsonSchema | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonSchema)
    : undefined;
}

/**
 * Keys the JSON Schema would reject as unknown (additionalProperties: false), by path. A small walker rather
 * than a validator dependency: this is the check editors make that zod's strict objects also make.
 */
function unknownKeys(schema: JsonSchema, value: unknown, path: string): string[] {
  const anyOf = Array.isArray(schema.anyOf) ? schema.anyOf.map(asSchema).filter((s) => s !== undefined) : [];
  if (anyOf.length > 0) {
    const results = anyOf.map((branch) => unknownKeys(branch, value, path));
    return results.reduce((best, next) => (next.length < best.length ? next : best));
  }
  if (Array.isArray(value)) {
    const items = asSchema(schema.items);
    return items === undefined ? [] : value.flatMap((item, i) => unknownKeys(items, item, `${path}[${i}]`));
  }
  const record = asSchema(value);
  if (record === undefined || schema.type !== 'object') return [];
  const properties = asSchema(schema.properties) ?? {};
  const additional = schema.additionalProperties;
  return Object.entries(record).flatMap(([key, item]) => {
    const where = path === '' ? key : `${path}.${key}`;
    const known = asSchema(properties[key]);
    if (known !== undefined) return unknownKeys(known, item, where);
    const extra = asSchema(additional);
    if (extra !== undefined) return unknownKeys(extra, item, where);
    return additional === false ? [where] : [];
  });
}

describe('generated JSON Schemas', () => {
  test.each(SCHEMA_FILES.map((file) => [file.path, file.build] as const))(
    '%s is up to date (regenerate with: npx tsx scripts/gen-schema.ts)',
    (path, build) => {
      const target = join(ROOT, path);
      expect(existsSync(target), `${path} is missing; run npx tsx scripts/gen-schema.ts`).toBe(true);
      expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(build());
    },
  );

  test('editors see durations as text or seconds, and defaults as optional', () => {
    const schema = buildDashboardJsonSchema();
    const properties = asSchema(schema.properties) ?? {};
    expect(asSchema(properties.refresh)?.anyOf).toEqual([
      expect.objectContaining({ type: 'integer' }),
      expect.objectContaining({ type: 'string' }),
    ]);
    expect(schema.required).toEqual(['id', 'title', 'region', 'kpis']);
  });

  test('the unknown-key check finds a misspelt field deep in a KPI', () => {
    const dashboard = {
      id: 'c',
      title: 'C',
      region: 'eu-west-1',
      kpis: [{ id: 'k', query: { metric: { namspace: 'Shop', dimensions: { Any: 'x' } } } }],
    };
    expect(unknownKeys(buildDashboardJsonSchema(), dashboard, '')).toEqual(['kpis[0].query.metric.namspace']);
    expect(unknownKeys(buildDashboardIndexJsonSchema(), { dashboards: [], extra: 1 }, '')).toEqual(['extra']);
  });
});

const exampleFiles = existsSync(EXAMPLES)
  ? readdirSync(EXAMPLES).filter((name) => /\.ya?ml$/.test(name) && name !== 'index.yaml')
  : [];
const hasIndex = existsSync(join(EXAMPLES, 'index.yaml'));

describe.skipIf(exampleFiles.length === 0)('example dashboards in public/dashboards', () => {
  test.each(exampleFiles)('%s loads with every KPI valid', (name) => {
    const text = readFileSync(join(EXAMPLES, name), 'utf8');
    const parsed = parseDashboard(name, text);
    const errors = parsed.ok
      ? parsed.dashboard.kpis.flatMap((entry) => (entry.ok ? [] : entry.errors))
      : parsed.errors;
    expect(errors.map(formatConfigError)).toEqual([]);
    expect(dashboardSchema.safeParse(parse(text, { merge: true })).error?.issues ?? []).toEqual([]);
  });

  test.each(exampleFiles)('%s has no field the JSON Schema does not know', (name) => {
    const value: unknown = parse(readFileSync(join(EXAMPLES, name), 'utf8'), { merge: true });
    expect(unknownKeys(buildDashboardJsonSchema(), value, '')).toEqual([]);
  });
});

describe.skipIf(!hasIndex)('public/dashboards/index.yaml', () => {
  test('is valid and lists exactly the example files that exist', () => {
    const text = readFileSync(join(EXAMPLES, 'index.yaml'), 'utf8');
    const parsed = parseDashboardIndex('index.yaml', text);
    expect(parsed.ok ? [] : parsed.errors.map(formatConfigError)).toEqual([]);
    expect(dashboardIndexSchema.safeParse(parse(text)).success).toBe(true);
    expect(unknownKeys(buildDashboardIndexJsonSchema(), parse(text), '')).toEqual([]);
    if (parsed.ok) expect([...parsed.dashboards].sort()).toEqual([...exampleFiles].sort());
  });
});
