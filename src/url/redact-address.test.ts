import { describe, expect, test } from 'vitest';
import { REDACTED_VALUE, redactSearch } from './redact-address';
import { decodeView } from './view-state';

const removed = encodeURIComponent(REDACTED_VALUE).replace(/%20/g, '+');

describe('redactSearch', () => {
  test.each([
    ['', undefined],
    ['?range=now-6h&tz=utc', undefined],
    ['?range=now-6h&token=AKIAIOSFODNN7EXAMPLE', `?range=now-6h&token=${removed}`],
    ['?AKIAIOSFODNN7EXAMPLE=1&tz=utc', `?redacted=${removed}&tz=utc`],
    ['?auth=Bearer%20abc', `?auth=${removed}`],
    ['?s=wJalrXUtnFEMI%2FK7MDENG%2FbPxRfiCYEXAMPLEKEY&var-env=prod', `?s=${removed}&var-env=prod`],
  ])('%s → %s', (search, expected) => {
    expect(redactSearch(search)).toBe(expected);
  });

  test('keeps the order and repeats of the other parameters', () => {
    expect(redactSearch('?a=1&k=AKIAIOSFODNN7EXAMPLE&a=2')).toBe(`?a=1&k=${removed}&a=2`);
  });

  test('the redacted address holds no credential, and is itself left alone', () => {
    const once = redactSearch('?t=ASIAE2ETESTBELLWETHR&x=1');
    expect(once).not.toContain('ASIA');
    expect(redactSearch(once ?? '')).toBeUndefined();
  });
});

test('the view decoder says a redacted parameter was a credential, and keeps nothing of it', () => {
  const search = Object.fromEntries(new URLSearchParams(redactSearch('?token=AKIAIOSFODNN7EXAMPLE&tz=utc')));
  const view = decodeView('dashboard', search);
  expect(view.ignored).toEqual([expect.stringContaining('looks like a credential or token')]);
  expect(view.tz).toBe('utc');
});
