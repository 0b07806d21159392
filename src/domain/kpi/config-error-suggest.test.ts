import { describe, expect, test } from 'vitest';
import { closestMatch, editDistance } from './config-error-suggest';

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['stat', 'stat', 0],
    ['', 'abc', 3],
    ['namspace', 'namespace', 1],
    ['stta', 'stat', 1],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('closestMatch', () => {
  const fields = ['namespace', 'name', 'dimensions', 'stat', 'period', 'unit', 'region', 'accountId'];
  test.each<[string, readonly string[], string | undefined]>([
    ['namspace', fields, 'namespace'],
    ['Namespace', fields, 'namespace'],
    ['regoin', fields, 'region'],
    ['accountid', fields, 'accountId'],
    ['dimension', fields, 'dimensions'],
    ['colour', fields, undefined],
    ['x', fields, undefined],
    ['healthy', ['health', 'cost', 'reliability'], 'health'],
    ['anything', [], undefined],
  ])('%s → %s', (input, candidates, expected) => {
    expect(closestMatch(input, candidates)).toBe(expected);
  });
});
