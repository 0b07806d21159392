import type { z } from 'zod';
import { formatPath, type IssuePath } from './config-error';
import { closestMatch } from './config-error-suggest';
import { clipText } from './limits';

type RawIssue = z.core.$ZodRawIssue;

/**
 * A zod error map that words issues for someone editing YAML, plus the allowed keys it saw at each path
 * with unknown fields, so the caller can report every unknown key on its own line.
 */
export interface ConfigErrorMap {
  error: z.core.$ZodErrorMap;
  /**
   * Field names the object at this path accepts, recorded when it reported unknown fields. zod words issues
   * when `result.error` is first read, so read the issues before asking.
   */
  allowedKeysAt(path: IssuePath): readonly string[] | undefined;
}

const EXPECTED: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  null: 'nothing',
};

function expectedName(expected: string): string {
  return EXPECTED[expected] ?? expected;
}

function clip(text: string): string {
  return clipText(text, 40);
}

/** Names a YAML value the way its author would: "the text 'abc'", "the number 5", "a list". */
export function describeValue(input: unknown): string {
  if (input === null || input === undefined) return 'nothing';
  if (typeof input === 'string') return `the text '${clip(input)}'`;
  if (typeof input === 'number') return `the number ${input}`;
  if (typeof input === 'boolean') return `the value ${input}`;
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  return `a ${typeof input}`;
}

/** "unknown field 'namspace' (did you mean 'namespace'?)", or the allowed fields when nothing is close. */
export function unknownFieldMessage(key: string, allowed: readonly string[]): string {
  const guess = closestMatch(key, allowed);
  const shown = clipText(key);
  if (guess !== undefined) return `unknown field '${shown}' (did you mean '${guess}'?)`;
  return allowed.length === 0
    ? `unknown field '${shown}'`
    : `unknown field '${shown}' (allowed here: ${allowed.join(', ')})`;
}

function quoteHint(expected: string, input: unknown): string {
  const scalar = typeof input === 'number' || typeof input === 'boolean';
  return expected === 'string' && scalar ? ` (write '${String(input)}' in quotes to use it as text)` : '';
}

function invalidType(expected: string, input: unknown): string {
  if (input === undefined) return 'is required';
  if (input === null) return `is empty (expected ${expectedName(expected)})`;
  return `expected ${expectedName(expected)}, got ${describeValue(input)}${quoteHint(expected, input)}`;
}

function invalidValue(values: readonly unknown[], input: unknown): string {
  const options = values.map(String);
  if (input === undefined) return `is required (one of ${options.join(', ')})`;
  const shown = typeof input === 'string' ? `'${clip(input)}'` : describeValue(input);
  if (options.length === 1) return `${shown} must be '${options[0]}'`;
  const guess = typeof input === 'string' ? closestMatch(input, options) : undefined;
  const hint = guess === undefined ? '' : ` (did you mean '${guess}'?)`;
  return `${shown} is not one of ${options.join(', ')}${hint}`;
}

function plural(count: number | bigint, one: string, many: string): string {
  return `${count} ${count === 1 || count === 1n ? one : many}`;
}

function sizeOf(input: unknown): number | undefined {
  if (typeof input === 'string' || Array.isArray(input)) return input.length;
  return undefined;
}

function tooSmall(origin: string, minimum: number | bigint, inclusive: boolean, input: unknown): string {
  if (origin === 'string') {
    return minimum === 1
      ? 'must not be empty'
      : `is too short (at least ${plural(minimum, 'character', 'characters')})`;
  }
  if (origin === 'array' || origin === 'set') return `needs at least ${plural(minimum, 'entry', 'entries')}`;
  const bound = inclusive ? `at least ${minimum}` : `greater than ${minimum}`;
  return `must be ${bound}, got ${String(input)}`;
}

function tooBig(origin: string, maximum: number | bigint, inclusive: boolean, input: unknown): string {
  const size = sizeOf(input);
  const got = size === undefined ? '' : `, got ${size}`;
  if (origin === 'string') return `is too long (at most ${plural(maximum, 'character', 'characters')}${got})`;
  if (origin === 'array' || origin === 'set') return `has too many entries (at most ${maximum}${got})`;
  const bound = inclusive ? `at most ${maximum}` : `less than ${maximum}`;
  return `must be ${bound}, got ${String(input)}`;
}

function invalidUnion(optionIssues: ReadonlyArray<ReadonlyArray<z.core.$ZodIssue>>, input: unknown): string {
  if (optionIssues.length === 0)
    return `${describeValue(input)} fits more than one form here; make it unambiguous`;
  const typeOnly = optionIssues.every(
    (issues) => issues.length === 1 && issues[0]?.code === 'invalid_type' && issues[0].path.length === 0,
  );
  if (typeOnly) {
    const expected = optionIssues.map((issues) => {
      const first = issues[0];
      return first?.code === 'invalid_type' ? expectedName(first.expected) : 'something else';
    });
    return `expected ${expected.join(' or ')}, got ${describeValue(input)}`;
  }
  const closest = optionIssues.find((issues) =>
    issues.some((issue) => !(issue.code === 'invalid_type' && issue.path.length === 0)),
  );
  const first = closest?.[0];
  if (first === undefined) return `${describeValue(input)} is not valid here`;
  return first.path.length === 0 ? first.message : `${formatPath(first.path)}: ${first.message}`;
}

function objectShapeKeys(issue: RawIssue): string[] {
  const inst = issue.inst;
  if (inst === undefined || !('_zod' in inst)) return [];
  const def = inst._zod.def as { type?: string; shape?: Record<string, unknown> };
  return def.type === 'object' && def.shape !== undefined ? Object.keys(def.shape) : [];
}

/** Builds a fresh error map for one parse: it remembers allowed keys, so do not share it between parses. */
export function createConfigErrorMap(): ConfigErrorMap {
  const allowedByPath = new Map<string, readonly string[]>();
  const error: z.core.$ZodErrorMap = (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return invalidType(issue.expected, issue.input);
      case 'invalid_value':
        return invalidValue(issue.values, issue.input);
      case 'unrecognized_keys': {
        const allowed = objectShapeKeys(issue);
        allowedByPath.set(formatPath(issue.path ?? []), allowed);
        // Callers report each key on its own line (validatePart); this text only has to name the first few.
        return issue.keys
          .slice(0, 3)
          .map((key) => unknownFieldMessage(key, allowed))
          .join('; ');
      }
      case 'too_small':
        return tooSmall(issue.origin, issue.minimum, issue.inclusive ?? true, issue.input);
      case 'too_big':
        return tooBig(issue.origin, issue.maximum, issue.inclusive ?? true, issue.input);
      case 'invalid_union':
        return invalidUnion(issue.errors, issue.input);
      case 'invalid_key': {
        const inner = issue.issues.map((i) => i.message).join('; ');
        return `the name '${clipText(String(issue.input))}' is not allowed here: ${inner}`;
      }
      case 'invalid_format':
        return issue.format === 'regex' && issue.pattern !== undefined
          ? `${describeValue(issue.input)} does not have the expected form ${issue.pattern}`
          : `${describeValue(issue.input)} is not a valid ${issue.format}`;
      case 'not_multiple_of':
        return `must be a multiple of ${issue.divisor}, got ${String(issue.input)}`;
      default:
        return undefined;
    }
  };
  return {
    error,
    allowedKeysAt: (path) => allowedByPath.get(formatPath(path)),
  };
}
