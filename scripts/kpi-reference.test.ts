import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatConfigError } from '../src/domain/kpi/config-error';
import { parseDashboard } from '../src/domain/kpi/parse-dashboard';
import { parseDashboardIndex } from '../src/domain/kpi/parse-dashboard-index';
import { buildDashboardIndexJsonSchema, buildDashboardJsonSchema, type JsonSchema } from './gen-schema';

const DOC = readFileSync(join(resolve(import.meta.dirname, '..'), 'docs', 'kpi-reference.md'), 'utf8');

function asSchema(value: unknown): JsonSchema | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonSchema)
    : undefined;
}

/** Every object in a JSON Schema by its path as the reference writes it: `kpis[].query.math.metrics.<name>`. */
function objectsByPath(
  schema: JsonSchema,
  path: string,
  out: Map<string, JsonSchema>,
): Map<string, JsonSchema> {
  const anyOf = Array.isArray(schema.anyOf) ? schema.anyOf : [];
  for (const branch of anyOf) {
    const branchSchema = asSchema(branch);
    if (branchSchema) objectsByPath(branchSchema, path, out);
  }
  const properties = asSchema(schema.properties);
  if (schema.type === 'object' && properties) {
    out.set(path, schema);
    for (const [key, child] of Object.entries(properties)) {
      const childSchema = asSchema(child);
      if (childSchema) objectsByPath(childSchema, path === '' ? key : `${path}.${key}`, out);
    }
  }
  const additional = asSchema(schema.additionalProperties);
  if (schema.type === 'object' && additional) objectsByPath(additional, `${path}.<name>`, out);
  const items = asSchema(schema.items);
  if (schema.type === 'array' && items) objectsByPath(items, `${path}[]`, out);
  return out;
}

interface Row {
  field: string;
  required: string;
  defaultCell: string;
}

/** The table rows of the section whose heading names this path in backticks. */
function sectionRows(path: string): Row[] | undefined {
  const sections = DOC.split(/^(?=#{2,3} )/m);
  const section = sections.find((text) => (text.split('\n')[0] ?? '').includes(`\`${path}\``));
  if (section === undefined) return undefined;
  return section
    .split('\n')
    .filter((line) => /^\|\s*`[^`]+`\s*\|/.test(line))
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      return {
        field: (cells[1] ?? '').replaceAll('`', ''),
        required: cells[3] ?? '',
        defaultCell: cells[4] ?? '',
      };
    });
}

function asYaml(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const ROOTS: Array<[string, JsonSchema]> = [
  ['dashboard', buildDashboardJsonSchema()],
  ['index', buildDashboardIndexJsonSchema()],
];
const OBJECTS = ROOTS.flatMap(([root, schema]) =>
  [...objectsByPath(schema, '', new Map())].map(
    ([path, object]) => [path === '' ? root : path, object] as const,
  ),
);

describe('docs/kpi-reference.md', () => {
  test('covers at least every object editors see', () => {
    expect(OBJECTS.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        'dashboard',
        'index',
        'kpis[]',
        'kpis[].query.metric',
        'kpis[].slo.burnRates[]',
      ]),
    );
  });

  test.each(OBJECTS)(
    'documents exactly the fields of %s, with required and default right',
    (path, object) => {
      const rows = sectionRows(path);
      expect(rows, `no section heading names \`${path}\``).toBeDefined();
      const properties = asSchema(object.properties) ?? {};
      const required = Array.isArray(object.required) ? object.required : [];
      expect(rows?.map((row) => row.field).sort()).toEqual(Object.keys(properties).sort());
      for (const row of rows ?? []) {
        expect(row.required.startsWith('yes'), `${path}.${row.field} required`).toBe(
          required.includes(row.field),
        );
        const property = asSchema(properties[row.field]);
        if (property && 'default' in property) {
          expect(row.defaultCell, `${path}.${row.field} default`).toContain(
            `\`${asYaml(property.default)}\``,
          );
        }
      }
    },
  );

  test('the complete example loads without errors or warnings', () => {
    const example = /## A complete example\s+```yaml\n([\s\S]*?)```/.exec(DOC)?.[1];
    expect(example).toBeDefined();
    const parsed = parseDashboard('example.yaml', example ?? '');
    const problems = parsed.ok
      ? [...parsed.warnings, ...parsed.dashboard.kpis.flatMap((entry) => (entry.ok ? [] : entry.errors))]
      : parsed.errors;
    expect(problems.map(formatConfigError)).toEqual([]);
    expect(parsed.ok && parsed.dashboard.kpis.length).toBe(2);
  });

  test('the index example loads', () => {
    const example = /## Index file[\s\S]*?```yaml\n([\s\S]*?)```/.exec(DOC)?.[1] ?? '';
    expect(parseDashboardIndex('index.yaml', example)).toMatchObject({ ok: true, warnings: [] });
  });
});
