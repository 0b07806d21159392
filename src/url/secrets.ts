/**
 * Credential shapes that must never travel in an address, a shared link or a saved view: AWS access key ids,
 * secret access keys, session tokens, JWTs and bearer tokens. A parameter that looks like one is dropped.
 */
const PATTERNS: readonly RegExp[] = [
  /(?:^|[^A-Z0-9])(?:AKIA|ASIA|AKID|AIDA|AROA|ABIA|ACCA|AGPA|ANPA|ANVA|APKA|ASCA|AIPA)[A-Z0-9]{12,}/,
  /(?:^|[^A-Za-z0-9/+])(?=[A-Za-z0-9/+]*[0-9])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])[A-Za-z0-9/+]{40}(?:$|[^A-Za-z0-9/+=])/,
  // Exactly 8 then 4: the same texts as {8,} then {4,}, without the backtracking that is quadratic in length.
  /[A-Za-z0-9/+=]{8}\/{4}/,
  /[A-Za-z0-9/+]{100,}={0,2}/,
  // Anchored at a boundary, so a run of eyJeyJ… is scanned from its start once, not from every eyJ in it.
  /(?:^|[^A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\./,
  /^bearer\s/i,
];

/** True when a text holds something shaped like a credential or token. */
export function looksLikeSecret(text: string): boolean {
  return PATTERNS.some((p) => p.test(text));
}
