/** What decoding one URL parameter gave: a value (perhaps clamped, with a note), or why it was dropped. */
export type Decoded<T> = { ok: true; value: T; notice?: string } | { ok: false; notice: string };

/** One URL parameter: decode never throws, encode gives the canonical text, equals compares meaning. */
export interface ParamCodec<T> {
  decode(raw: string): Decoded<T>;
  encode(value: T): string;
  equals(a: T, b: T): boolean;
}

const MAX_QUOTE = 40;

/** Quotes what arrived in the address for a notice, cut short so a pasted blob never floods the page. */
export function quoteParam(raw: string): string {
  // Only the start is ever shown, so only the start is read: a 64 KB value costs what a short one does.
  const clean = Array.from(raw.slice(0, MAX_QUOTE * 2 + 2).replace(/\p{Cc}/gu, ' '));
  return `'${clean.length > MAX_QUOTE || raw.length > MAX_QUOTE * 2 + 2 ? `${clean.slice(0, MAX_QUOTE).join('')}…` : clean.join('')}'`;
}

/** A codec for a closed set of words, e.g. tz=utc|local. */
export function enumCodec<T extends string>(name: string, values: readonly T[]): ParamCodec<T> {
  return {
    decode: (raw) =>
      (values as readonly string[]).includes(raw)
        ? { ok: true, value: raw as T }
        : { ok: false, notice: `${name} ${quoteParam(raw)} is not one of ${values.join(', ')}` },
    encode: (value) => value,
    equals: (a, b) => a === b,
  };
}
