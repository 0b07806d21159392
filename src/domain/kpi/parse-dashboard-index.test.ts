import { describe, expect, test } from 'vitest';
import { formatConfigError } from './config-error';
import { parseDashboardIndex } from './parse-dashboard-index';

describe('parseDashboardIndex', () => {
  test('lists dashboard files in order, ignoring repeats with a warning', () => {
    const parsed = parseDashboardIndex(
      'index.yaml',
      'dashboards:\n  - checkout.yaml\n  - search.yml\n  - checkout.yaml\n',
    );
    expect(parsed).toEqual({
      ok: true,
      file: 'index.yaml',
      dashboards: ['checkout.yaml', 'search.yml'],
      warnings: [
        {
          file: 'index.yaml',
          line: 4,
          column: 5,
          path: 'dashboards[2]',
          message: "'checkout.yaml' is listed twice; the second entry is ignored",
        },
      ],
    });
  });

  test.each<[string, string, string[]]>([
    [
      'empty file',
      '',
      [
        'index.yaml line 1: the file is empty; list dashboard files under dashboards:, such as - checkout.yaml',
      ],
    ],
    [
      'not a file name',
      'dashboards:\n  - checkout.yaml\n  - ../secrets.json\n',
      ['index.yaml line 3, dashboards[1]: list dashboard files by name, such as checkout.yaml'],
    ],
    ['empty list', 'dashboards: []\n', ['index.yaml line 1, dashboards: needs at least 1 entry']],
    [
      'misspelt key',
      'dashbords:\n  - checkout.yaml\n',
      [
        'index.yaml line 1, dashboards: is required',
        "index.yaml line 1, dashbords: unknown field 'dashbords' (did you mean 'dashboards'?)",
      ],
    ],
    [
      'syntax error',
      'dashboards:\n\t- checkout.yaml\n',
      [
        'index.yaml line 2: YAML syntax error: Tabs are not allowed as indentation — indent with spaces: YAML does not allow tabs\n2 | →- checkout.yaml\n  |  ^',
      ],
    ],
  ])('%s', (_what, text, expected) => {
    const parsed = parseDashboardIndex('index.yaml', text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map(formatConfigError)).toEqual(expected);
  });
});
