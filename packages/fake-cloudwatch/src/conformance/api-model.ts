/**
 * CloudWatch's API model in the JSON form AWS ships with the SDK for JavaScript v2 (`apis/<uid>.min.json`):
 * operations with their input and output shapes, shapes by reference ("S47") or inline. The minified form
 * keeps types, members, required members, lists and maps; it drops documentation, enum values and errors.
 */
export type ShapeType =
  | 'structure'
  | 'list'
  | 'map'
  | 'string'
  | 'integer'
  | 'long'
  | 'double'
  | 'float'
  | 'boolean'
  | 'timestamp'
  | 'blob';

/** A shape or a reference to one; a shape without `type` is a string. */
export interface ShapeRef {
  shape?: string;
  type?: ShapeType;
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
}

export interface ApiModel {
  version: string;
  metadata: { apiVersion: string; uid: string; serviceId: string; protocols?: string[] };
  operations: Record<string, { input?: ShapeRef; output?: ShapeRef }>;
  shapes: Record<string, ShapeRef>;
}

const TYPES = new Set<string>([
  'structure',
  'list',
  'map',
  'string',
  'integer',
  'long',
  'double',
  'float',
  'boolean',
  'timestamp',
  'blob',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one shape (recursively) is of the form this reader understands, so a format change fails loudly. */
function checkShape(value: unknown, where: string): void {
  if (!isRecord(value)) throw new Error(`${where}: a shape is an object`);
  if (value.type !== undefined && !TYPES.has(String(value.type))) {
    throw new Error(`${where}: unknown shape type ${String(value.type)}`);
  }
  if (value.members !== undefined) {
    if (!isRecord(value.members)) throw new Error(`${where}.members: an object`);
    for (const [name, member] of Object.entries(value.members)) checkShape(member, `${where}.${name}`);
  }
  for (const part of ['member', 'key', 'value'] as const) {
    if (value[part] !== undefined) checkShape(value[part], `${where}.${part}`);
  }
  if (value.required !== undefined && !Array.isArray(value.required)) {
    throw new Error(`${where}.required: a list`);
  }
}

/** Reads the model file's JSON, refusing anything that is not in the form described above. */
export function parseApiModel(json: unknown): ApiModel {
  if (!isRecord(json) || !isRecord(json.metadata) || !isRecord(json.operations) || !isRecord(json.shapes)) {
    throw new Error('not an API model: it needs metadata, operations and shapes');
  }
  for (const [name, op] of Object.entries(json.operations)) {
    if (!isRecord(op)) throw new Error(`operation ${name}: an object`);
    if (op.input !== undefined) checkShape(op.input, `${name}.input`);
    if (op.output !== undefined) checkShape(op.output, `${name}.output`);
  }
  for (const [name, shape] of Object.entries(json.shapes)) checkShape(shape, `shapes.${name}`);
  return json as unknown as ApiModel;
}

/** The shape a reference stands for: a named shape, or the inline one. */
export function resolveShape(model: ApiModel, ref: ShapeRef): ShapeRef {
  if (ref.shape === undefined) return ref;
  const named = model.shapes[ref.shape];
  if (!named) throw new Error(`the model has no shape ${ref.shape}`);
  return resolveShape(model, named);
}
