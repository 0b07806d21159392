import { type Document, isAlias, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';

type AnyPair = Pair<unknown, unknown>;

function resolve(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function startOf(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const value = key.value;
  return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}

function findPair(doc: Document, map: unknown, key: string, depth = 0): AnyPair | undefined {
  if (!isMap(map) || depth > 8) return undefined;
  const items = map.items as AnyPair[];
  const own = items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key);
  if (own !== undefined) return own;
  for (const pair of items) {
    if (!isMergeKey(pair.key)) continue;
    const source = resolve(doc, pair.value);
    const sources = isSeq(source) ? source.items.map((item) => resolve(doc, item)) : [source];
    for (const candidate of sources) {
      const found = findPair(doc, candidate, key, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Where a field is written: the value when it is a plain value, otherwise the key that opens it. */
function pairOffset(pair: AnyPair): number | undefined {
  const value = pair.value;
  if (isScalar(value) && value.value !== null) return startOf(value);
  return startOf(pair.key) ?? startOf(value);
}

/**
 * Finds the source offset a validation path points at. When the path runs out of document (a missing
 * field), it stops at the deepest node that exists, which is the mapping the field belongs in.
 */
export function locatePath(doc: Document, path: ReadonlyArray<PropertyKey>): number {
  let node: unknown = resolve(doc, doc.contents);
  let offset = startOf(node) ?? 0;
  for (const segment of path) {
    if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      offset = startOf(item) ?? offset;
      node = resolve(doc, item);
      continue;
    }
    const pair = findPair(doc, node, String(segment));
    if (pair === undefined) break;
    offset = pairOffset(pair) ?? offset;
    node = resolve(doc, pair.value);
  }
  return offset;
}
