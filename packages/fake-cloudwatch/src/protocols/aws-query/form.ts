/**
 * Reads the query protocol's form parameters into a structure with the API's member names, by the
 * operation's input shape (Smithy, "AWS query protocol": a list is `Name.member.N`, a map
 * `Name.entry.N.key` / `.value`, a structure `Name.Member`, an empty list `Name=`; booleans are
 * `true`/`false`, timestamps ISO 8601 date-time, handed on as the epoch seconds the JSON protocol
 * carries, so the core sees the same input whichever protocol carried it). A value the shape cannot read (`MaxRecords=ten`) is
 * kept as its text, so the operation answers it the way it answers a wrong type in any protocol.
 * Keys the shape does not name are ignored. Work is linear in the size of the body.
 */
import type { Shape } from './shapes';

interface Node {
  value?: string;
  children: Map<string, Node>;
}

const INDEX = /^[1-9]\d{0,5}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const INTEGER = /^-?\d{1,16}$/;

function tree(params: Iterable<[string, string]>): Node {
  const root: Node = { children: new Map() };
  for (const [key, value] of params) {
    let node = root;
    for (const segment of key.split('.')) {
      let child = node.children.get(segment);
      if (!child) {
        child = { children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.value = value;
  }
  return root;
}

/** The children of `node` named 1, 2, 3… in the order of their numbers. */
function numbered(node: Node | undefined): Node[] {
  if (!node) return [];
  return [...node.children.entries()]
    .filter(([index]) => INDEX.test(index))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, child]) => child);
}

function scalar(shape: Shape, text: string): unknown {
  switch (shape.type) {
    case 'integer':
      return INTEGER.test(text) ? Number(text) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'timestamp':
      // Epoch seconds, as the JSON protocol carries them: the core then gets one input from either protocol.
      return DATE_TIME.test(text) && !Number.isNaN(Date.parse(text)) ? Date.parse(text) / 1000 : text;
    default:
      return text;
  }
}

function read(shape: Shape, node: Node): unknown {
  const leaf = node.children.size === 0;
  if (shape.type === 'list') {
    if (leaf) return node.value === '' ? [] : node.value;
    return numbered(node.children.get('member')).map((item) => read(shape.member, item));
  }
  if (shape.type === 'map') {
    if (leaf) return node.value === '' ? {} : node.value;
    const entries: Array<[string, unknown]> = [];
    for (const entry of numbered(node.children.get('entry'))) {
      const key = entry.children.get('key')?.value;
      const value = entry.children.get('value');
      if (key !== undefined && value) entries.push([key, read(shape.value, value)]);
    }
    // fromEntries defines each key as an own property, `__proto__` included.
    return Object.fromEntries(entries);
  }
  if (shape.type === 'structure') {
    if (leaf) return node.value;
    const out: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(shape.members)) {
      const child = node.children.get(name);
      if (child) out[name] = read(member, child);
    }
    return out;
  }
  return leaf ? scalar(shape, node.value ?? '') : node.value;
}

/** The input structure that form parameters (Action and Version left out) spell for a structure shape. */
export function readForm(params: Iterable<[string, string]>, shape: Shape): Record<string, unknown> {
  const input = read(shape, tree(params));
  return input !== null && typeof input === 'object' && !Array.isArray(input)
    ? (input as Record<string, unknown>)
    : {};
}
