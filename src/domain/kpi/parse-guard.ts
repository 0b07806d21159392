import { CST, Lexer } from 'yaml';
import { DASHBOARD_LIMITS } from './limits';

/** A limit the file's syntax tree broke, with the offset of the token that broke it. */
export interface LimitBreach {
  offset: number;
  message: string;
}

interface Pending {
  token: CST.Token;
  depth: number;
  key: boolean;
}

function childrenOf(token: CST.Token): Array<{ token: CST.Token; key: boolean }> {
  const out: Array<{ token: CST.Token; key: boolean }> = [];
  switch (token.type) {
    case 'document':
      if (token.value) out.push({ token: token.value, key: false });
      break;
    case 'block-map':
    case 'block-seq':
    case 'flow-collection':
      for (const item of token.items) {
        if (item.key) out.push({ token: item.key, key: true });
        if (item.value) out.push({ token: item.value, key: false });
      }
      break;
    default:
      break;
  }
  return out;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * Checks the parsed (not yet composed) YAML against the dashboard limits, in one pass with an explicit
 * stack: no recursion to overflow, no work beyond the tokens' count. Composing a document with keys that are
 * themselves mappings (`? ? ? …`) or thousands of levels deep is what takes seconds or overflows the stack,
 * so these are refused before it starts (a key that is a collection only after composing, which is linear,
 * has said whether the YAML is broken anyway: then its syntax error is the better message).
 */
export function checkYamlLimits(tokens: readonly CST.Token[]): {
  breach?: LimitBreach;
  /** Where the first key that is a list or a mapping starts: refused unless the YAML is broken anyway. */
  collectionKey?: LimitBreach;
} {
  const stack: Pending[] = tokens.map((token) => ({ token, depth: 0, key: false }));
  stack.reverse();
  let aliases = 0;
  let collectionKey: number | undefined;
  const found = (breach: LimitBreach): { breach: LimitBreach } => ({ breach });
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { token, depth, key } = next;
    const offset = token.offset;
    const collection = COLLECTIONS.has(token.type);
    if (key && collection && collectionKey === undefined) collectionKey = offset;
    if (collection && depth >= DASHBOARD_LIMITS.depth) {
      return found({
        offset,
        message: NESTING,
      });
    }
    if (key && 'source' in token && token.source.length > DASHBOARD_LIMITS.keyChars) {
      return found({
        offset,
        message: `a key of ${token.source.length.toLocaleString('en')} characters; keys are at most ${DASHBOARD_LIMITS.keyChars} characters long`,
      });
    }
    if (token.type === 'alias' && ++aliases > DASHBOARD_LIMITS.aliases) {
      return found({
        offset,
        message: `more than ${DASHBOARD_LIMITS.aliases} aliases (*name); write the repeated parts out or split the file`,
      });
    }
    if (
      (token.type === 'block-map' || token.type === 'flow-collection') &&
      token.items.length > DASHBOARD_LIMITS.mappingKeys
    ) {
      return found({
        offset,
        message: `a mapping or list of ${token.items.length.toLocaleString('en')} entries; one holds at most ${DASHBOARD_LIMITS.mappingKeys}`,
      });
    }
    const children = childrenOf(token);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      stack.push({ token: child.token, depth: collection ? depth + 1 : depth, key: child.key });
    }
  }
  if (collectionKey === undefined) return {};
  return {
    collectionKey: {
      offset: collectionKey,
      message:
        'a key here is itself a list or a mapping (written with ? or as [...] / {...}); dashboard keys are plain names',
    },
  };
}

const NESTING = `lists and mappings are nested more than ${DASHBOARD_LIMITS.depth} levels deep; a dashboard needs far fewer — check the indentation`;

/**
 * The first check, on the lexer's tokens alone (a flat stream): flow brackets open at once plus block
 * indicators (`-`, `?`, `:`) on one line bound the nesting a line can open. yaml's parser recurses on a
 * line such as `? ? ? …`, so that nesting is refused before the parser sees it. Calls onNewLine with the
 * offset of each line start, so the caller can say the line.
 */
export function checkLexicalNesting(
  text: string,
  onNewLine: (offset: number) => void,
): LimitBreach | undefined {
  let offset = 0;
  let flow = 0;
  let onLine = 0;
  let atScalar = false;
  onNewLine(0);
  for (const source of new Lexer().lex(text)) {
    if (atScalar) {
      atScalar = false;
      offset += source.length;
      continue;
    }
    const type = CST.tokenType(source);
    if (type === 'scalar') {
      atScalar = true;
      continue;
    }
    if (type === 'doc-mode' || type === 'flow-error-end') continue;
    if (type === 'newline') onLine = 0;
    else if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
    else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
    else if (type === 'explicit-key-ind' || type === 'seq-item-ind' || type === 'map-value-ind') onLine++;
    if (flow + onLine > DASHBOARD_LIMITS.depth) return { offset, message: NESTING };
    offset += source.length;
    if (type === 'newline') onNewLine(offset);
  }
  return undefined;
}
