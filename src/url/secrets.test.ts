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
