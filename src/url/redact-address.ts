import { looksLikeSecret } from './secrets';

/**
 * What a credential-shaped parameter's value becomes in the address: the view decoder reads it as the
 * credential it replaced (a notice, never a value), and it is nothing anyone could use.
 */
export const REDACTED_VALUE = '[credential removed]';
/** The key that stands for a parameter whose very name looked like a credential. */
const REDACTED_KEY = 'redacted';

/**
 * The address's query string with every credential-shaped parameter (key or value, as looksLikeSecret
 * judges) replaced by REDACTED_VALUE, or undefined when there is none. The page calls it before it makes
 * any request, so no credential stays in the location bar, the history or a Referer.
 */
export function redactSearch(search: string): string | undefined {
  const params = new URLSearchParams(search);
  const out = new URLSearchParams();
  let redacted = false;
  for (const [key, value] of params) {
    if (!looksLikeSecret(key) && !looksLikeSecret(value)) {
      out.append(key, value);
      continue;
    }
    redacted = true;
    out.append(looksLikeSecret(key) ? REDACTED_KEY : key, REDACTED_VALUE);
  }
  if (!redacted) return undefined;
  const text = out.toString();
  return text === '' ? '' : `?${text}`;
}
