import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isCloudWatchPeriod, LIMITS } from './limits';
import { API_MODEL } from './sources';
import { isStandardUnit, STANDARD_UNITS } from './units';

const README = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

/** The rows of README.md's limits table: | fact | value | source |. */
function readmeLimits(): Array<{ fact: string; value: string; source: string }> {
  const section = README.split(/^## /m).find((text) => text.startsWith('Limits'));
  return (section ?? '')
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Fact') && !line.startsWith('| --'))
    .map((line) => {
      const [fact = '', value = '', source = ''] = line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim());
      return { fact, value, source };
    });
}

describe('README.md', () => {
  test('shows exactly the limits of limits.ts, with their sources', () => {
    expect(readmeLimits()).toEqual(LIMITS.map((row) => ({ ...row })));
  });

  test('names the API model version the limits were read from', () => {
    expect(README).toContain(`botocore ${API_MODEL.botocore}`);
    expect(README).toContain(API_MODEL.file);
  });
});

describe('periods (model: MetricStat.Period documentation)', () => {
  test.each<[number, boolean]>([
    [1, true],
    [5, true],
    [10, true],
    [20, true],
    [30, true],
    [60, true],
    [300, true],
    [86_400, true],
    [0, false],
    [15, false],
    [45, false],
    [90, false],
    [1.5, false],
    [-60, false],
  ])('%d s is a period: %s', (seconds, valid) => {
    expect(isCloudWatchPeriod(seconds)).toBe(valid);
  });
});

describe('StandardUnit (model: StandardUnit enum)', () => {
  test('has the 27 units of the model, each spelled as there', () => {
    expect(STANDARD_UNITS).toHaveLength(27);
    expect(new Set(STANDARD_UNITS).size).toBe(27);
    for (const unit of ['Seconds', 'Milliseconds', 'Bytes/Second', 'Count/Second', 'Percent', 'None']) {
      expect(isStandardUnit(unit)).toBe(true);
    }
  });

  test.each(['milliseconds', 'ms', 'Millisecond', 'Bytes/second', 'Count/Minute', ''])(
    '%j is not one',
    (unit) => {
      expect(isStandardUnit(unit)).toBe(false);
    },
  );
});
