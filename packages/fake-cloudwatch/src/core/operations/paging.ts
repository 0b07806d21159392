import { modeled } from '../errors';

/** Opaque NextToken carrying an offset and a fingerprint of the request it belongs to. */
export function encodeToken(payload: Record<string, unknown>): string {
  return btoa(JSON.stringify(payload));
}

/** Decodes a NextToken this fake issued; anything else is CloudWatch's InvalidNextToken. */
export function decodeToken(token: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(atob(token));
    if (parsed && typeof parsed === 'object') return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw modeled.invalidNextToken(
    'The service couldn\u2019t process the NextToken. Use the token from the previous response.',
  );
}
