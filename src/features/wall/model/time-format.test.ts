import { describe, expect, test } from 'vitest';
import { clockFace, formatInstantIn, localZoneName } from './time-format';

const AT = Date.UTC(2026, 10, 27, 14, 5, 9);

describe('wall times', () => {
  test('the UTC clock names its zone', () => {
    expect(clockFace(AT, 'utc', 'en-GB')).toEqual({ time: '14:05', day: 'Fri 27 Nov', zone: 'UTC' });
  });

  test('the local clock names the browser zone (tests run with TZ=UTC)', () => {
    expect(localZoneName()).toBe('UTC');
    expect(clockFace(AT, 'local', 'en-GB').zone).toBe('UTC');
  });

  test('update times carry seconds and the zone', () => {
    expect(formatInstantIn(AT, 'utc', 'en-GB')).toBe('14:05:09 UTC');
  });
});
