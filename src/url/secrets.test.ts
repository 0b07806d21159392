import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEMO_CREDENTIALS } from '../data/source-config';
import { looksLikeSecret } from './secrets';

describe('looksLikeSecret', () => {
  test.each([
    DEMO_CREDENTIALS.accessKeyId,
    DEMO_CREDENTIALS.secretAccessKey,
    'AKIAIOSFODNN7EXAMPLE',
    'ASIAY34FZKBOKMUTVV7A',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'FwoGZXIvYXdzEJr//////////wEaDAbc',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc',
    'Bearer abc.def',
    'x'.repeat(20) + 'A'.repeat(60) + '0'.repeat(30),
  ])('%s is a secret', (text) => {
    expect(looksLikeSecret(text)).toBe(true);
  });

  test.each([
    'prod',
    'now-6h',
    '2026-11-20T06:00:00Z/2026-11-20T12:00:00Z',
    'PaymentProvider',
    'app/shop-prod/50dc6c495c0c9188',
    'us-east-1a',
    'payment success',
    'arn:aws:lambda:us-east-1:123456789012:function:payment-webhook',
  ])('%s is not', (text) => {
    expect(looksLikeSecret(text)).toBe(false);
  });
});

describe('bounded work on a long address', () => {
  // Once quadratic (about 40 s for 200,000 characters); the time by input size is in BENCHMARKS.md (inputs).
  test.each([
    ['letters and equals signs', 'a='.repeat(100_000), false],
    ['slashes and equals signs', '/='.repeat(100_000), false],
    ['letters', 'a'.repeat(200_000), true],
    ['eyJ runs', 'eyJ'.repeat(60_000), true],
    ['eyJ runs between dashes', '-eyJ-'.repeat(40_000), false],
  ])('a value of 200,000 %s is judged', (_, text, secret) => {
    expect(looksLikeSecret(text)).toBe(secret);
  });

  test('a JWT is found after a separator, not inside a longer token', () => {
    expect(looksLikeSecret('token=eyJhbGciOi.eyJzdWIiOi.sig')).toBe(true);
    expect(looksLikeSecret('xeyJhbGciOi.eyJzdWIiOi.sig')).toBe(false);
  });

  test('the session-token shape matches what the backtracking pattern matched', () => {
    const backtracking = /[A-Za-z0-9/+=]{8,}\/{4,}[A-Za-z0-9/+=]*/;
    // Short texts of these characters can only take the session-token shape, none of the others.
    fc.assert(
      fc.property(fc.stringMatching(/^[a/=+-]{0,30}$/), (text) => {
        expect(looksLikeSecret(text)).toBe(backtracking.test(text));
      }),
      { numRuns: 2000 },
    );
  });
});
