// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${name} is the dashboard variable syntax under test
import { describe, expect, test } from 'vitest';
import { type ConfigError, formatConfigError } from './config-error';
import { parseDashboard } from './parse-dashboard';
import type { KpiEntry, ParsedDashboard } from './parse-result';

const FILE = 'checkout.yaml';

const HEAD = `id: checkout
title: Checkout
region: eu-west-1
variables:
  env:
    values: [prod, staging]
kpis:
`;

/** A valid KPI; cases replace one line of it to make exactly one mistake. */
const ORDERS = `  - id: orders
    title: Orders
    category: health
    unit: count
    direction: higher-is-better
    query:
      metric:
        namespace: Shop
        name: Orders
        stat: Sum
        dimensions:
          Env: \${env}
`;

function kpiNamed(id: string): string {
  return ORDERS.replace('id: orders', `id: ${id}`).replace('title: Orders', `title: ${id} title`);
}

/** 1-based line of the first line of text that contains marker, so expectations follow the fixture. */
function lineOf(text: string, marker: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(marker));
  if (index < 0) throw new Error(`marker ${marker} not in fixture`);
  return index + 1;
}

function columnOf(text: string, marker: string): number {
  const line = text.split('\n')[lineOf(text, marker) - 1] ?? '';
  return line.indexOf(marker) + 1;
}

function loaded(parsed: ParsedDashboard): Extract<ParsedDashboard, { ok: true }> {
  if (!parsed.ok) throw new Error(parsed.errors.map(formatConfigError).join('\n'));
  return parsed;
}

function failedKpi(entry: KpiEntry | undefined): Extract<KpiEntry, { ok: false }> {
  if (entry === undefined || entry.ok) throw new Error('expected a KPI in error');
  return entry;
}

function pick(errors: ConfigError[]): Array<Pick<ConfigError, 'line' | 'path' | 'message'>> {
  return errors.map(({ line, path, message }) => ({ line, path, message }));
}

/** [what, replace this in ORDERS, with this, expected errors as [line marker, path, message]] */
type KpiCase = [string, string, string, Array<[string, string, string]>];

describe('parseDashboard: one mistake in a KPI', () => {
  test.each<KpiCase>([
    [
      'misspelt field',
      'namespace: Shop',
      'namspace: Shop',
      [
        ['metric:', 'kpis[0].query.metric.namespace', 'is required'],
        [
          'namspace:',
          'kpis[0].query.metric.namspace',
          "unknown field 'namspace' (did you mean 'namespace'?)",
        ],
      ],
    ],
    [
      'unknown field with nothing close',
      'title: Orders',
      'title: Orders\n    colour: red',
      [
        [
          'colour:',
          'kpis[0].colour',
          "unknown field 'colour' (allowed here: id, title, description, owner, category, unit, currency, direction, runbook, alarms, informational, query, threshold, slo, forecast, anomaly, staleAfter, breakdowns)",
        ],
      ],
    ],
    [
      'value outside an enum',
      'category: health',
      'category: healthy',
      [
        [
          'category:',
          'kpis[0].category',
          "'healthy' is not one of health, cost, reliability (did you mean 'health'?)",
        ],
      ],
    ],
    [
      'missing enum field',
      '    direction: higher-is-better\n',
      '',
      [['- id: orders', 'kpis[0].direction', 'is required (one of higher-is-better, lower-is-better)']],
    ],
    ['missing text field', '    title: Orders\n', '', [['- id: orders', 'kpis[0].title', 'is required']]],
    [
      'text where a number belongs',
      'title: Orders',
      'title: Orders\n    threshold:\n      atRisk: abc',
      [['atRisk:', 'kpis[0].threshold.atRisk', "expected a number, got the text 'abc'"]],
    ],
    [
      'number where text belongs',
      'Env: ${env}',
      'Code: 200',
      [
        [
          'Code:',
          'kpis[0].query.metric.dimensions.Code',
          "expected a text, got the number 200 (write '200' in quotes to use it as text)",
        ],
      ],
    ],
    [
      'text where true or false belongs',
      'title: Orders',
      'title: Orders\n    informational: yes',
      [['informational:', 'kpis[0].informational', "expected true or false, got the text 'yes'"]],
    ],
    [
      'text where a list belongs',
      'title: Orders',
      'title: Orders\n    alarms: checkout-errors',
      [['alarms:', 'kpis[0].alarms', "expected a list, got the text 'checkout-errors'"]],
    ],
    [
      'empty value',
      'title: Orders',
      'title: Orders\n    owner:',
      [['owner:', 'kpis[0].owner', 'is empty (expected a text)']],
    ],
    [
      'bad statistic',
      'stat: Sum',
      'stat: p99.9x',
      [
        [
          'stat:',
          'kpis[0].query.metric.stat',
          "'p99.9x' is not a CloudWatch statistic: unexpected 'x' at character 6",
        ],
      ],
    ],
    [
      'statistic in the wrong case',
      'stat: Sum',
      'stat: TM99',
      [
        [
          'stat:',
          'kpis[0].query.metric.stat',
          "'TM99' is not a CloudWatch statistic: one number is written after lower-case tm, as in tm99; upper-case TM takes a range such as TM(10%:90%)",
        ],
      ],
    ],
    [
      'unit that is not a CloudWatch standard unit',
      'stat: Sum',
      'stat: Sum\n        unit: milliseconds',
      [
        [
          'unit: milliseconds',
          'kpis[0].query.metric.unit',
          "'milliseconds' is not one of Seconds, Microseconds, Milliseconds, Bytes, Kilobytes, Megabytes, Gigabytes, Terabytes, Bits, Kilobits, Megabits, Gigabits, Terabits, Percent, Count, Bytes/Second, Kilobytes/Second, Megabytes/Second, Gigabytes/Second, Terabytes/Second, Bits/Second, Kilobits/Second, Megabits/Second, Gigabits/Second, Terabits/Second, Count/Second, None (did you mean 'Milliseconds'?)",
        ],
      ],
    ],
    [
      'namespace that starts with a colon',
      'namespace: Shop',
      "namespace: ':Shop'",
      [['namespace:', 'kpis[0].query.metric.namespace', "cannot start with ':'"]],
    ],
    [
      'blank dimension value',
      'Env: ${env}',
      "Env: '  '",
      [['Env:', 'kpis[0].query.metric.dimensions.Env', 'needs a character other than a space']],
    ],
    [
      'dimension name outside ASCII',
      'Env: ${env}',
      'Env: ${env}\n          Région: eu',
      [
        [
          'Région:',
          'kpis[0].query.metric.dimensions["Région"]',
          "the name 'Région' is not allowed here: has 'é' at character 2; only ASCII characters are allowed",
        ],
      ],
    ],
    [
      'bad duration text',
      'title: Orders',
      'title: Orders\n    staleAfter: soon',
      [['staleAfter:', 'kpis[0].staleAfter', "'soon' is not a duration (write it like 30s, 5m, 1h or 7d)"]],
    ],
    [
      'duration of the wrong type',
      'stat: Sum',
      'stat: Sum\n        period: 1.5',
      [
        [
          'period:',
          'kpis[0].query.metric.period',
          "'1.5' is not a duration (write it like 30s, 5m, 1h or 7d, or as whole seconds)",
        ],
      ],
    ],
    [
      'number out of range',
      'title: Orders',
      'title: Orders\n    slo:\n      objective: 100\n      threshold: 1',
      [['objective:', 'kpis[0].slo.objective', 'must be less than 100, got 100']],
    ],
    [
      'text too long',
      'title: Orders',
      `title: ${'x'.repeat(121)}`,
      [['x'.repeat(121), 'kpis[0].title', 'is too long (at most 120 characters, got 121)']],
    ],
    [
      'rule across fields',
      'unit: count',
      'unit: currency',
      [['- id: orders', 'kpis[0].currency', 'a currency KPI names its ISO code, e.g. currency: USD']],
    ],
    [
      'two kinds of query',
      'query:',
      'query:\n      insights:\n        sql: SELECT SUM(Orders) FROM Shop',
      [
        [
          'query:',
          'kpis[0].query',
          'a query has exactly one of metric, math or insights, not metric and insights',
        ],
      ],
    ],
    [
      'undeclared variable',
      'Env: ${env}',
      'Env: ${environment}',
      [
        [
          'Env:',
          'kpis[0].query.metric.dimensions.Env',
          "'${environment}' is not a variable of this dashboard; declare it under variables: (declared: env)",
        ],
      ],
    ],
    [
      'variable where it is never replaced',
      'namespace: Shop',
      'namespace: Shop/${env}',
      [
        [
          'namespace:',
          'kpis[0].query.metric.namespace',
          "variables are only replaced in dimension values, math expressions and Metrics Insights SQL; here '${env}' would be sent as written",
        ],
      ],
    ],
    [
      'malformed variable reference',
      'Env: ${env}',
      'Env: ${ env }',
      [
        [
          'Env:',
          'kpis[0].query.metric.dimensions.Env',
          "'${ env }' is not a variable reference; write it as ${env}",
        ],
      ],
    ],
  ])('%s', (_what, find, replace, expected) => {
    const kpi = ORDERS.replace(find, replace);
    expect(kpi).not.toBe(ORDERS);
    const text = HEAD + kpi;
    const parsed = loaded(parseDashboard(FILE, text));
    const entry = failedKpi(parsed.dashboard.kpis[0]);
    expect(entry).toMatchObject({ index: 0, id: 'orders' });
    expect(pick(entry.errors)).toEqual(
      expected.map(([marker, path, message]) => ({ line: lineOf(text, marker), path, message })),
    );
    expect(entry.errors.every((error) => error.file === FILE)).toBe(true);
  });

  test('a value error points at the value, a missing field at the mapping it belongs in', () => {
    const text = HEAD + ORDERS.replace('stat: Sum', 'stat: p99.9x').replace('        name: Orders\n', '');
    const entry = failedKpi(loaded(parseDashboard(FILE, text)).dashboard.kpis[0]);
    const stat = entry.errors.find((error) => error.path.endsWith('.stat'));
    const name = entry.errors.find((error) => error.path.endsWith('.name'));
    expect(stat).toMatchObject({ line: lineOf(text, 'p99.9x'), column: columnOf(text, 'p99.9x') });
    expect(name).toMatchObject({ line: lineOf(text, 'metric:'), column: columnOf(text, 'metric:') });
  });

  test('each unknown field of one mapping gets its own line', () => {
    const text =
      HEAD + ORDERS.replace('stat: Sum', 'stat: Sum\n        statistic: Sum\n        regoin: eu-west-1');
    const entry = failedKpi(loaded(parseDashboard(FILE, text)).dashboard.kpis[0]);
    expect(pick(entry.errors)).toEqual([
      {
        line: lineOf(text, 'statistic:'),
        path: 'kpis[0].query.metric.statistic',
        message:
          "unknown field 'statistic' (allowed here: namespace, name, dimensions, stat, period, unit, region, accountId)",
      },
      {
        line: lineOf(text, 'regoin:'),
        path: 'kpis[0].query.metric.regoin',
        message: "unknown field 'regoin' (did you mean 'region'?)",
      },
    ]);
  });

  test('the sentence names file, line, path and problem', () => {
    const text = HEAD + kpiNamed('a') + kpiNamed('b') + kpiNamed('c').replace('stat: Sum', 'stat: p99.9x');
    const entry = failedKpi(loaded(parseDashboard(FILE, text)).dashboard.kpis[2]);
    expect(entry.errors.map(formatConfigError)).toEqual([
      `checkout.yaml line ${lineOf(text, 'p99.9x')}, kpis[2].query.metric.stat: 'p99.9x' is not a CloudWatch statistic: unexpected 'x' at character 6`,
    ]);
  });
});

describe('parseDashboard: partial validation', () => {
  test('one bad KPI out of four leaves three to chart and one error tile named by id and title', () => {
    const text =
      HEAD +
      kpiNamed('a') +
      kpiNamed('b').replace('unit: count', 'unit: kilograms') +
      kpiNamed('c') +
      kpiNamed('d');
    const parsed = loaded(parseDashboard(FILE, text));
    const entries = parsed.dashboard.kpis;
    expect(entries.map((entry) => entry.ok)).toEqual([true, false, true, true]);
    expect(entries.flatMap((entry) => (entry.ok ? [entry.kpi.id] : []))).toEqual(['a', 'c', 'd']);
    const bad = failedKpi(entries[1]);
    expect(bad).toMatchObject({ index: 1, id: 'b', title: 'b title' });
    expect(pick(bad.errors)).toEqual([
      {
        line: lineOf(text, 'kilograms'),
        path: 'kpis[1].unit',
        message:
          "'kilograms' is not one of count, percent, milliseconds, seconds, bytes, bytes-per-second, per-second, per-minute, currency, none",
      },
    ]);
  });

  test('a KPI without usable id or title is still reported, by position', () => {
    const text = `${HEAD}  - id: 42\n    title: [not, text]\n`;
    const bad = failedKpi(loaded(parseDashboard(FILE, text)).dashboard.kpis[0]);
    expect(bad.id).toBeUndefined();
    expect(bad.title).toBeUndefined();
    expect(bad.errors.map((error) => error.path)).toEqual(
      expect.arrayContaining(['kpis[0].id', 'kpis[0].title', 'kpis[0].query']),
    );
  });

  test('a valid dashboard gets its defaults', () => {
    const parsed = loaded(parseDashboard(FILE, HEAD + ORDERS));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.dashboard).toMatchObject({
      id: 'checkout',
      timeRange: 'now-6h',
      refresh: 60,
      outcomes: [],
      variables: { env: { values: ['prod', 'staging'] } },
    });
    const entry = parsed.dashboard.kpis[0];
    expect(entry?.ok && entry.kpi).toMatchObject({
      informational: false,
      query: { kind: 'metric', metric: { namespace: 'Shop', dimensions: { Env: '${env}' } } },
    });
  });
});

describe('parseDashboard: checks across KPIs', () => {
  test('a reused KPI id is an error on the later KPI; the first keeps it', () => {
    const text =
      HEAD + kpiNamed('a') + kpiNamed('b') + kpiNamed('a').replace('title: a title', 'title: again');
    const entries = loaded(parseDashboard(FILE, text)).dashboard.kpis;
    expect(entries.map((entry) => entry.ok)).toEqual([true, true, false]);
    const firstLine = lineOf(text, '- id: a');
    const laterLine =
      text.split('\n').findIndex((line, i) => i + 1 > firstLine && line.includes('- id: a')) + 1;
    expect(pick(failedKpi(entries[2]).errors)).toEqual([
      {
        line: laterLine,
        path: 'kpis[2].id',
        message: `'a' is already the id of kpis[0] (line ${firstLine}); give each KPI its own id`,
      },
    ]);
  });

  test('outcomes keep KPIs that exist, even in error, and warn about ids that name none', () => {
    const outcomes = `outcomes:
  - title: Customers can pay
    kpis: [a, b, paymnet]
`;
    const text = HEAD + kpiNamed('a') + kpiNamed('b').replace('stat: Sum', 'stat: Total') + outcomes;
    const parsed = loaded(parseDashboard(FILE, text));
    expect(parsed.dashboard.outcomes).toEqual([{ title: 'Customers can pay', kpis: ['a', 'b'] }]);
    expect(pick(parsed.warnings)).toEqual([
      {
        line: lineOf(text, 'kpis: [a, b, paymnet]'),
        path: 'outcomes[0].kpis[2]',
        message: "no KPI in this file has the id 'paymnet'; it is left out of 'Customers can pay'",
      },
    ]);
    expect(parsed.warnings[0]?.column).toBe(columnOf(text, 'paymnet'));
  });

  test('an outcome id one typo away gets a suggestion', () => {
    const text = `${HEAD}${kpiNamed('payment-success')}outcomes:\n  - title: Pay\n    kpis: [payment-sucess]\n`;
    const [warning] = loaded(parseDashboard(FILE, text)).warnings;
    expect(warning?.message).toBe(
      "no KPI in this file has the id 'payment-sucess' (did you mean 'payment-success'?); it is left out of 'Pay'",
    );
  });

  test('a declared variable no KPI uses is a warning at its declaration', () => {
    const text = HEAD.replace('kpis:\n', '  unused:\n    values: [x]\nkpis:\n') + ORDERS;
    const parsed = loaded(parseDashboard(FILE, text));
    expect(pick(parsed.warnings)).toEqual([
      {
        line: lineOf(text, 'unused:'),
        path: 'variables.unused',
        message:
          "the variable 'unused' is declared but no KPI uses it; use ${unused} in a query or remove it",
      },
    ]);
  });

  test.each([
    ['a math expression', "query:\n      math:\n        expression: SEARCH('{Shop} Env=\"${env}\"', 'Sum')"],
    [
      'Metrics Insights SQL',
      "query:\n      insights:\n        sql: SELECT SUM(Orders) FROM Shop WHERE Env = '${env}'",
    ],
  ])('variables count as used in %s', (_where, query) => {
    const text = `${HEAD}${ORDERS.slice(0, ORDERS.indexOf('    query:'))}    ${query}\n`;
    const parsed = loaded(parseDashboard(FILE, text));
    expect(parsed.dashboard.kpis[0]?.ok).toBe(true);
    expect(parsed.warnings).toEqual([]);
  });
});

describe('parseDashboard: the dashboard itself', () => {
  /** [what, text, expected errors as [line, path, message]] */
  test.each<[string, string, Array<[number, string, string]>]>([
    ['empty file', '', [[1, '', 'the file is empty; a dashboard needs at least id, title, region and kpis']]],
    ['a list, not a mapping', '- checkout\n', [[1, '', 'expected a mapping, got a list']]],
    [
      'missing region and misspelt title',
      'id: checkout\ntitel: Checkout\nkpis: []\n',
      [
        [1, 'title', 'is required'],
        [1, 'region', 'is required'],
        [2, 'titel', "unknown field 'titel' (did you mean 'title'?)"],
        [3, 'kpis', 'a dashboard needs at least one KPI'],
      ],
    ],
    [
      'bad time range and variable name',
      'id: c\ntitle: C\nregion: eu-west-1\ntimeRange: 6h\nvariables:\n  my-var:\n    values: [a]\nkpis: [1]\n',
      [
        [4, 'timeRange', 'a time range is relative to now, such as now-6h or now-7d'],
        [
          6,
          'variables.my-var',
          "the name 'my-var' is not allowed here: a variable name is letters, digits and _ and does not start with a digit, such as env",
        ],
        [8, 'kpis[0]', 'expected a mapping, got the number 1'],
      ],
    ],
    [
      'variable default not among its values',
      'id: c\ntitle: C\nregion: eu-west-1\nvariables:\n  env:\n    values: [prod]\n    default: dev\nkpis: [1]\n',
      [
        [7, 'variables.env.default', "'dev' is not one of prod"],
        [8, 'kpis[0]', 'expected a mapping, got the number 1'],
      ],
    ],
  ])('%s', (_what, text, expected) => {
    const parsed = parseDashboard(FILE, text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(pick(parsed.errors)).toEqual(expected.map(([line, path, message]) => ({ line, path, message })));
  });

  test('a failed dashboard is still named by its id and title', () => {
    const parsed = parseDashboard(FILE, 'id: checkout\ntitle: Checkout\nkpis: []\n');
    expect(parsed).toMatchObject({ ok: false, file: FILE, id: 'checkout', title: 'Checkout' });
  });
});

describe('parseDashboard: YAML syntax', () => {
  /** [what, text, line, message] */
  test.each<[string, string, number, string]>([
    [
      'duplicate key',
      'id: a\ntitle: A\nid: b\n',
      3,
      "'id' appears twice in the same mapping; keep one of them",
    ],
    [
      'duplicate key deep inside a KPI',
      `${HEAD}${ORDERS.replace('stat: Sum', 'stat: Sum\n        stat: Average')}`,
      lineOf(HEAD + ORDERS, 'stat: Sum') + 1,
      "'stat' appears twice in the same mapping; keep one of them",
    ],
    [
      'tab indentation',
      'id: a\nkpis:\n\t- id: b\n',
      3,
      'YAML syntax error: Tabs are not allowed as indentation — indent with spaces: YAML does not allow tabs',
    ],
    [
      'two documents',
      'id: a\n---\nid: b\n',
      2,
      'the file holds more than one YAML document (a --- line); keep one dashboard per file',
    ],
  ])('%s', (_what, text, line, message) => {
    const parsed = parseDashboard(FILE, text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]).toMatchObject({ file: FILE, line, message });
  });

  test('an unclosed flow list is reported at its own line, not at a validation path', () => {
    const text = 'id: a\ntitle: [unclosed\nregion: eu-west-1\n';
    const parsed = parseDashboard(FILE, text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.length).toBeGreaterThan(0);
    for (const error of parsed.errors) {
      expect(error.path).toBe('');
      expect(error.message).toMatch(/^YAML syntax error: /);
      expect(error.line).toBeGreaterThanOrEqual(2);
    }
  });
});

test('an unknown YAML tag is a warning at its line, and the value is kept as text', () => {
  const text = HEAD + ORDERS.replace('title: Orders', 'title: !fancy Orders');
  const parsed = loaded(parseDashboard(FILE, text));
  expect(parsed.dashboard.kpis[0]?.ok && parsed.dashboard.kpis[0].kpi.title).toBe('Orders');
  expect(pick(parsed.warnings)).toEqual([
    { line: lineOf(text, '!fancy'), path: '', message: 'YAML warning: Unresolved tag: !fancy' },
  ]);
});

describe('parseDashboard: anchors and merge keys', () => {
  test('a KPI can reuse dimensions through an alias and a merge key', () => {
    const text = `${HEAD}${ORDERS.replace('dimensions:', 'dimensions: &shop')}  - id: refunds
    title: Refunds
    category: cost
    unit: count
    direction: lower-is-better
    query:
      metric:
        <<: &refunds
          namespace: Shop
          name: Refunds
        stat: Sum
        dimensions: *shop
`;
    const entries = loaded(parseDashboard(FILE, text)).dashboard.kpis;
    expect(entries[1]?.ok && entries[1].kpi.query).toEqual({
      kind: 'metric',
      metric: { namespace: 'Shop', name: 'Refunds', stat: 'Sum', dimensions: { Env: '${env}' } },
    });
  });

  test('an error in a merged value points at where the value is written', () => {
    const text = `${HEAD}  - id: refunds
    title: Refunds
    category: cost
    unit: count
    direction: lower-is-better
    query:
      metric:
        <<:
          namespace: Shop
          name: ''
        stat: Sum
`;
    const entry = failedKpi(loaded(parseDashboard(FILE, text)).dashboard.kpis[0]);
    expect(pick(entry.errors)).toEqual([
      { line: lineOf(text, "name: ''"), path: 'kpis[0].query.metric.name', message: 'must not be empty' },
    ]);
  });
});
