/** Deterministic noise: the same (seed, index) always gives the same number, with no Math.random. */

/** FNV-1a over a string, so a metric's identity becomes a 32-bit seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A well-mixed 32-bit hash of two integers (a murmur3-style finaliser). */
function mix(seed: number, index: number): number {
  let h =
    (seed ^ Math.imul(index | 0, 0x9e3779b1) ^ Math.imul(Math.floor(index / 4294967296), 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Uniform in [0, 1). */
function uniform(seed: number, index: number): number {
  return mix(seed, index) / 4294967296;
}

/** Standard normal, by Box–Muller over two hashed uniforms. */
export function gaussian(seed: number, index: number): number {
  const u1 = Math.max(uniform(seed, index), 1e-12);
  const u2 = uniform(seed ^ 0x68e31da4, index);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Rounds x to an integer whose expectation is x, so small rates still produce occasional events. */
export function stochasticRound(x: number, seed: number, index: number): number {
  return Math.max(0, Math.floor(x + uniform(seed ^ 0x1b873593, index)));
}
