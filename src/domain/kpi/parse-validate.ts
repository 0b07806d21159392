import type { z } from 'zod';
import type { ConfigError, IssuePath } from './config-error';
import { createConfigErrorMap, unknownFieldMessage } from './config-error-map';
import { DASHBOARD_LIMITS } from './limits';
import type { YamlSource } from './parse-yaml';

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: ConfigError[] };

/** Orders errors as they appear in the file, so the list reads top to bottom like the YAML. */
export function byPosition(a: ConfigError, b: ConfigError): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/**
 * Validates one part of a YAML file with a zod schema and pins every issue to its line. `at` is where the
 * part sits in the file (e.g. ['kpis', 2]), so paths and lines name the whole-file location.
 */
export function validatePart<S extends z.ZodType>(
  schema: S,
  value: unknown,
  source: YamlSource,
  at: IssuePath = [],
): Validated<z.output<S>> {
  const errorMap = createConfigErrorMap();
  const result = schema.safeParse(value, { error: errorMap.error });
  if (result.success) return { ok: true, data: result.data };
  const issues = result.error.issues;
  const errors: ConfigError[] = [];
  const max = DASHBOARD_LIMITS.errors;
  let more = 0;
  for (const issue of issues) {
    const path = [...at, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const allowed = errorMap.allowedKeysAt(issue.path) ?? [];
      for (const key of issue.keys) {
        if (errors.length < max)
          errors.push(source.errorAt([...path, key], unknownFieldMessage(key, allowed)));
        else more++;
      }
    } else if (errors.length < max) errors.push(source.errorAt(path, issue.message));
    else more++;
  }
  errors.sort(byPosition);
  const last = errors[errors.length - 1];
  if (more > 0 && last !== undefined) {
    errors.push({ ...last, path: '', message: `and ${more} more problems like these after this line` });
  }
  return { ok: false, errors };
}
