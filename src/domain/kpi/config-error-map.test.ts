import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createConfigErrorMap, describeValue, unknownFieldMessage } from './config-error-map';

function messagesFor(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input, { error: createConfigErrorMap().error });
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('createConfigErrorMap', () => {
  test.each<[string, z.ZodType, unknown, string]>([
    ['missing field', z.object({ a: z.string() }), {}, 'is required'],
    ['missing enum', z.object({ a: z.enum(['x', 'y']) }), {}, 'is required (one of x, y)'],
    ['empty value', z.string(), null, 'is empty (expected a text)'],
    ['text for number', z.number(), 'abc', "expected a number, got the text 'abc'"],
    ['fraction for whole number', z.number().int(), 1.5, 'expected a whole number, got the number 1.5'],
    [
      'number for text',
      z.string(),
      42,
      "expected a text, got the number 42 (write '42' in quotes to use it as text)",
    ],
    [
      'boolean for text',
      z.string(),
      false,
      "expected a text, got the value false (write 'false' in quotes to use it as text)",
    ],
    ['mapping for list', z.array(z.string()), { a: 1 }, 'expected a list, got a mapping'],
    ['list for mapping', z.object({}), [], 'expected a mapping, got a list'],
    [
      'long text is clipped',
      z.number(),
      'y'.repeat(60),
      `expected a number, got the text '${'y'.repeat(39)}…'`,
    ],
    [
      'enum miss with suggestion',
      z.enum(['health', 'cost']),
      'Cost',
      "'Cost' is not one of health, cost (did you mean 'cost'?)",
    ],
    ['enum miss without suggestion', z.enum(['health', 'cost']), 'zzz', "'zzz' is not one of health, cost"],
    ['enum miss of another type', z.enum(['health', 'cost']), 3, 'the number 3 is not one of health, cost'],
    ['literal', z.literal('v1'), 'v2', "'v2' must be 'v1'"],
    [
      'unknown key',
      z.strictObject({ namespace: z.string() }),
      { namespace: 'a', namspace: 'b' },
      "unknown field 'namspace' (did you mean 'namespace'?)",
    ],
    ['empty text', z.string().min(1), '', 'must not be empty'],
    ['short text', z.string().min(3), 'ab', 'is too short (at least 3 characters)'],
    ['long text', z.string().max(2), 'abc', 'is too long (at most 2 characters, got 3)'],
    ['empty list', z.array(z.string()).min(1), [], 'needs at least 1 entry'],
    ['short list', z.array(z.string()).min(2), ['a'], 'needs at least 2 entries'],
    ['long list', z.array(z.string()).max(1), ['a', 'b'], 'has too many entries (at most 1, got 2)'],
    ['below inclusive minimum', z.number().min(1), 0, 'must be at least 1, got 0'],
    ['at exclusive minimum', z.number().positive(), 0, 'must be greater than 0, got 0'],
    ['above inclusive maximum', z.number().max(100), 101, 'must be at most 100, got 101'],
    ['at exclusive maximum', z.number().lt(100), 100, 'must be less than 100, got 100'],
    ['not a multiple', z.number().multipleOf(60), 90, 'must be a multiple of 60, got 90'],
    [
      'pattern without its own message',
      z.string().regex(/^[a-z]+$/),
      'A1',
      "the text 'A1' does not have the expected form /^[a-z]+$/",
    ],
    [
      'union of types',
      z.union([z.number(), z.boolean()]),
      'x',
      "expected a number or true or false, got the text 'x'",
    ],
    [
      'union where one option nearly fits',
      z.union([z.number(), z.object({ a: z.string() })]),
      { a: 1 },
      "a: expected a text, got the number 1 (write '1' in quotes to use it as text)",
    ],
    [
      'record key',
      z.record(z.string().regex(/^[a-z]+$/, 'lower-case only'), z.number()),
      { AB: 1 },
      "the name 'AB' is not allowed here: lower-case only",
    ],
  ])('%s', (_what, schema, input, expected) => {
    expect(messagesFor(schema, input)).toEqual([expected]);
  });

  test("a schema's own message wins over the map", () => {
    expect(messagesFor(z.string().min(1, 'say who owns it'), '')).toEqual(['say who owns it']);
  });

  test('remembers the allowed keys where unknown fields were found', () => {
    const map = createConfigErrorMap();
    const schema = z.object({ outer: z.strictObject({ stat: z.string(), period: z.number() }) });
    const result = schema.safeParse({ outer: { stat: 'Sum', period: 60, statt: 1 } }, { error: map.error });
    expect(result.error?.issues).toHaveLength(1);
    expect(map.allowedKeysAt(['outer'])).toEqual(['stat', 'period']);
    expect(map.allowedKeysAt([])).toBeUndefined();
  });
});

describe('unknownFieldMessage', () => {
  test.each<[string, string[], string]>([
    ['stta', ['stat', 'period'], "unknown field 'stta' (did you mean 'stat'?)"],
    ['colour', ['stat', 'period'], "unknown field 'colour' (allowed here: stat, period)"],
    ['colour', [], "unknown field 'colour'"],
  ])('%s among %j', (key, allowed, expected) => {
    expect(unknownFieldMessage(key, allowed)).toBe(expected);
  });
});

describe('describeValue', () => {
  test.each<[unknown, string]>([
    ['abc', "the text 'abc'"],
    ['two\n lines', "the text 'two lines'"],
    [12.5, 'the number 12.5'],
    [true, 'the value true'],
    [null, 'nothing'],
    [undefined, 'nothing'],
    [[1], 'a list'],
    [{ a: 1 }, 'a mapping'],
  ])('%j', (input, expected) => {
    expect(describeValue(input)).toBe(expected);
  });
});
