import { type ApiModel, resolveShape, type ShapeRef } from './api-model';

/** What an answer gets wrong, at a path such as `MetricDataResults[0].Timestamps[3]`. */
export interface Problem {
  path: string;
  message: string;
}

export interface OutputRules {
  /**
   * The values allowed for string members by member name, e.g. `StatusCode`. The minified model keeps no
   * enum values, so they are passed in (from the SDK's generated enums) and attached by member name.
   */
  enums: Readonly<Record<string, readonly string[]>>;
}

const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

class Checker {
  readonly problems: Problem[] = [];

  constructor(
    private readonly model: ApiModel,
    private readonly rules: OutputRules,
  ) {}

  #fail(path: string, message: string): void {
    this.problems.push({ path: path || '(body)', message });
  }

  /** Checks a value against a shape as the JSON protocol (awsJson1_0) writes it. */
  check(ref: ShapeRef, value: unknown, path: string, member: string | undefined): void {
    const shape = resolveShape(this.model, ref);
    const type = shape.type ?? 'string';
    switch (type) {
      case 'structure':
        this.#structure(shape, value, path);
        return;
      case 'list':
        if (!Array.isArray(value)) {
          this.#fail(path, `a list expected, not ${describe(value)}`);
          return;
        }
        value.forEach((item, i) => {
          this.check(shape.member ?? {}, item, `${path}[${i}]`, undefined);
        });
        return;
      case 'map':
        if (!isRecord(value)) {
          this.#fail(path, `a map expected, not ${describe(value)}`);
          return;
        }
        for (const [k, v] of Object.entries(value)) {
          this.check(shape.key ?? {}, k, `${path}{key ${k}}`, undefined);
          this.check(shape.value ?? {}, v, `${path}.${k}`, undefined);
        }
        return;
      case 'string': {
        if (typeof value !== 'string') {
          this.#fail(path, `a string expected, not ${describe(value)}`);
          return;
        }
        const allowed = member === undefined ? undefined : this.rules.enums[member];
        if (allowed && !allowed.includes(value)) {
          this.#fail(path, `${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
        }
        return;
      }
      case 'integer':
      case 'long':
        if (typeof value !== 'number' || !Number.isInteger(value)) {
          this.#fail(path, `an integer expected, not ${describe(value)}`);
        }
        return;
      case 'double':
      case 'float':
        if (typeof value === 'string' && NON_FINITE.has(value)) return;
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          this.#fail(path, `a number (or "NaN", "Infinity", "-Infinity") expected, not ${describe(value)}`);
        }
        return;
      case 'boolean':
        if (typeof value !== 'boolean') this.#fail(path, `true or false expected, not ${describe(value)}`);
        return;
      case 'timestamp':
        // awsJson1_0 writes timestamps as epoch seconds (a JSON number, fractions allowed).
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
          this.#fail(path, `a timestamp in epoch seconds expected, not ${describe(value)}`);
        }
        return;
      case 'blob':
        if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
          this.#fail(path, `base64 text expected, not ${describe(value)}`);
        }
        return;
    }
  }

  #structure(shape: ShapeRef, value: unknown, path: string): void {
    if (!isRecord(value)) {
      this.#fail(path, `a structure expected, not ${describe(value)}`);
      return;
    }
    const members = shape.members ?? {};
    for (const name of shape.required ?? []) {
      if (value[name] === undefined || value[name] === null)
        this.#fail(join(path, name), 'required, missing');
    }
    for (const [name, item] of Object.entries(value)) {
      const ref = members[name];
      if (!ref) {
        this.#fail(join(path, name), 'not a member of the shape in the model');
        continue;
      }
      if (item === null) {
        this.#fail(join(path, name), 'null: the JSON protocol leaves an absent member out');
        continue;
      }
      this.check(ref, item, join(path, name), name);
    }
  }
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

/** Every way a JSON-protocol answer body of `operation` differs from the model's output shape. */
export function validateOutput(
  model: ApiModel,
  operation: string,
  body: unknown,
  rules: OutputRules,
): Problem[] {
  const op = model.operations[operation];
  if (!op) return [{ path: '(operation)', message: `the model has no operation ${operation}` }];
  const checker = new Checker(model, rules);
  if (op.output === undefined) {
    if (isRecord(body) && Object.keys(body).length === 0) return [];
    return [{ path: '(body)', message: `${operation} has no output in the model; expected {}` }];
  }
  checker.check(op.output, body, '', undefined);
  return checker.problems;
}
