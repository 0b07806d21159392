/** The syntax tree of a metric math expression. */
export type Node =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'id'; name: string }
  | { type: 'keyword'; name: string }
  | { type: 'array'; items: Node[] }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'unary'; op: '-'; arg: Node }
  | { type: 'binary'; op: BinaryOp; left: Node; right: Node };

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR';

/** A syntax problem, with the position in the expression to point at. */
export class MathSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

/** Every query id an expression refers to, for dependency ordering and unknown-id errors. */
export function referencedIds(node: Node, out: Set<string> = new Set()): Set<string> {
  switch (node.type) {
    case 'id':
      out.add(node.name);
      break;
    case 'array':
      for (const item of node.items) referencedIds(item, out);
      break;
    case 'call':
      for (const arg of node.args) referencedIds(arg, out);
      break;
    case 'unary':
      referencedIds(node.arg, out);
      break;
    case 'binary':
      referencedIds(node.left, out);
      referencedIds(node.right, out);
      break;
    default:
      break;
  }
  return out;
}
