/** Flat, readable query strings (?range=now-6h&var-env=prod) instead of JSON-encoded search state. */
export function parseFlatSearch(search: string): Record<string, string> {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const out: Record<string, string> = {};
  for (const [key, value] of params) {
    // defineProperty, so a key called __proto__ is kept as data and reported, not taken as a prototype.
    if (!Object.hasOwn(out, key)) {
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

/**
 * Inverse of parseFlatSearch; undefined and empty values are left out so URLs stay short, and `:` `/` `,`
 * stay as they are (RFC 3986 allows them in a query) so an ISO range reads 2024-05-01T00:00Z/2024-05-01T06:00Z.
 */
export function stringifyFlatSearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString().replace(/%3A/g, ':').replace(/%2F/g, '/').replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}
