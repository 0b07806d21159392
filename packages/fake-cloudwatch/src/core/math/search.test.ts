import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CatalogMetric } from '../scenario/types';
import { parseMath } from './parse';
import { findMetrics, matchesSearch, parseSearch } from './search';
import { searchTokens } from './search-tokens';

// Every case below is an example of the User Guide page "CloudWatch search expression syntax"
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/search-expression-syntax.html),
// run against a small catalog that holds the metrics the page talks about.
const PAGE = 'User Guide, "CloudWatch search expression syntax"';

const metric = (namespace: string, name: string, dimensions: Record<string, string> = {}): CatalogMetric => ({
  id: { namespace, name, dimensions },
  key: `${namespace}|${name}|${JSON.stringify(dimensions)}`,
  unit: 'Count',
  resolution: 60_000,
  sample: () => undefined,
});

const CATALOG: CatalogMetric[] = [
  metric('AWS/EC2', 'CPUUtilization', { InstanceId: 'i-1234567890123456' }),
  metric('AWS/EC2', 'CPUUtilization', { InstanceId: 'i-0abcdef1234567890' }),
  metric('AWS/EC2', 'CPUUtilization', { InstanceId: 'ProjectA' }),
  metric('AWS/EC2', 'CPUUtilization', { InstanceId: 'ProjectB' }),
  metric('AWS/EC2', 'CPUUtilization', { InstanceType: 't2.micro' }),
  metric('AWS/EC2', 'CPUUtilization', { InstanceType: 't3.micro' }),
  metric('AWS/EC2', 'CPUUtilization', { InstanceType: 'm5.large' }),
  metric('AWS/EC2', 'NetworkPacketsIn', { InstanceId: 'i-1234567890123456' }),
  metric('AWS/EC2', 'NetworkIn', { InstanceId: 'i-1234567890123456' }),
  metric('AWS/EC2', 'DiskReadOps', { InstanceId: 'i-1234567890123456' }),
  metric('AWS/ECS', 'CPUUtilization', { ClusterName: 'shop' }),
  metric('AWS/EBS', 'VolumeReadOps', { VolumeId: 'vol-0123' }),
  metric('AWS/EBS', 'VolumeReadOps', { VolumeId: 'ProjectA-data' }),
  metric('AWS/Lambda', 'Errors', { FunctionName: 'ProjectA-checkout' }),
  metric('AWS/Lambda', 'Errors', { FunctionName: 'reporting' }),
  metric('AWS/Lambda', 'Invocations', { FunctionName: 'ProjectA-checkout' }),
  metric('AWS/Lambda', 'Invocations', { FunctionName: 'ProjectB-export' }),
  metric('AWS/Lambda', 'Invocations', { FunctionName: 'reporting' }),
  metric('AWS/NetworkELB', 'ConsumedLCUs', { LoadBalancer: 'net/shop/1' }),
  metric('AWS/NetworkELB', 'NewFlowCount', { LoadBalancer: 'net/shop/1' }),
  metric('AWS/NetworkELB', 'ProcessedBytes', { LoadBalancer: 'net/shop/1' }),
  metric('MyNamespace', 'CustomCount1'),
  metric('Reports', 'Requests', { Counter: 'CustomCount1' }),
  metric('My Namespace', 'Custom:Name[Special_Characters', { 'Dimension@Name': 'x' }),
  metric('Traffic', 'Network-Errors-2'),
  metric('Traffic', 'NetworkErrors2'),
  metric('Traffic', 'Europe\\France Traffic(Network)'),
];

const found = (search: string): string[] => {
  const spec = parseSearch(search);
  return CATALOG.filter((m) => matchesSearch(m, spec)).map((m) =>
    `${m.id.namespace} ${m.id.name} ${Object.values(m.id.dimensions).join(',')}`.trim(),
  );
};

describe(`${PAGE}: tokenization`, () => {
  test.each([
    ['CustomCount1', ['customcount1', 'custom', 'count', '1']],
    ['SDBFailure', ['sdbfailure', 'sdb', 'failure']],
    ['Project2-trial333', ['project2trial333', 'project', '2', 'trial', '333']],
  ])('%s generates the tokens of the table', (name, tokens) => {
    expect(searchTokens(name)).toEqual(tokens);
  });

  test('"Network-Errors_2 generates the tokens network, errors, and 2"', () => {
    expect(searchTokens('Network-Errors_2').slice(1)).toEqual(['network', 'errors', '2']);
  });

  test('"couNT" is tokenized into cou and NT', () => {
    expect(searchTokens('couNT').slice(1)).toEqual(['cou', 'nt']);
  });
});

describe(`${PAGE}: partial and exact matches`, () => {
  const customCount = (search: string): boolean => found(search).includes('MyNamespace CustomCount1');

  test.each([
    ['count', true],
    ['Count', true],
    ['COUNT', true],
    ['couNT', false],
    ['CustomCount', true],
    ['Count1', true],
    ['customcount', false],
    ['count1', false],
    ['customcount1', true],
  ])('the partial term %s finds CustomCount1: %s', (term, expected) => {
    expect(customCount(term)).toBe(expected);
  });

  test.each([
    [`{MyNamespace}, "CustomCount1"`, true],
    [`{MyNamespace}, "customcount1"`, false],
    [`{MyNamespace}, "Custom"`, false],
  ])('%s finds CustomCount1: %s', (search, expected) => {
    expect(customCount(search)).toBe(expected);
  });

  test('partial and exact terms combine: {AWS/NetworkELB, LoadBalancer} "ConsumedLCUs" OR flow', () => {
    expect(found(`{AWS/NetworkELB, LoadBalancer} "ConsumedLCUs" OR flow`)).toEqual([
      'AWS/NetworkELB ConsumedLCUs net/shop/1',
      'AWS/NetworkELB NewFlowCount net/shop/1',
    ]);
  });

  test('an exact match finds names with special characters', () => {
    expect(found(`{"My Namespace", "Dimension@Name"}, "Custom:Name[Special_Characters"`)).toEqual([
      'My Namespace Custom:Name[Special_Characters x',
    ]);
  });
});

describe(`${PAGE}: without a metric schema, and property names`, () => {
  const cpu = [
    'AWS/EC2 CPUUtilization i-1234567890123456',
    'AWS/EC2 CPUUtilization i-0abcdef1234567890',
    'AWS/EC2 CPUUtilization ProjectA',
    'AWS/EC2 CPUUtilization ProjectB',
    'AWS/EC2 CPUUtilization t2.micro',
    'AWS/EC2 CPUUtilization t3.micro',
    'AWS/EC2 CPUUtilization m5.large',
  ];

  test.each<[string, string[]]>([
    [`"CPUUtilization"`, [...cpu, 'AWS/ECS CPUUtilization shop']],
    [`{AWS/EC2, InstanceType} "CPUUtilization"`, cpu.slice(4)],
    [`"AWS/EC2" MetricName="CPUUtilization"`, cpu],
    [`"CustomCount1"`, ['MyNamespace CustomCount1', 'Reports Requests CustomCount1']],
    [`MetricName="CustomCount1"`, ['MyNamespace CustomCount1']],
    [`InstanceType=micro`, cpu.slice(4, 6)],
    [`InstanceType="t2.micro" Namespace="AWS/EC2"`, cpu.slice(4, 5)],
  ])('SEARCH(%s) finds what the page says', (search, expected) => {
    expect(found(search)).toEqual(expected);
  });
});

describe(`${PAGE}: non-alphanumeric characters`, () => {
  test.each(['network/errors', 'network+errors', 'network-errors', 'Network_Errors'])(
    '%s finds Network-Errors-2 and NetworkErrors2',
    (term) => {
      expect(found(`{Traffic} ${term}`)).toEqual(['Traffic Network-Errors-2', 'Traffic NetworkErrors2']);
    },
  );

  test.each([
    [`"Network-Errors-2"`, ['Traffic Network-Errors-2']],
    [`"Network_Errors_2"`, []],
    [`"Europe\\\\France Traffic\\(Network\\)"`, ['Traffic Europe\\France Traffic(Network)']],
  ])('the exact term %s must carry the very characters', (term, expected) => {
    expect(found(`{Traffic} ${term}`)).toEqual(expected);
  });

  test('an unescaped ( or ) in an exact term is itself, as the service was reported to read it (grafana/grafana issue 20704)', () => {
    expect(found(`{Traffic} "Europe\\\\France Traffic(Network)"`)).toEqual([
      'Traffic Europe\\France Traffic(Network)',
    ]);
  });
});

describe(`${PAGE}: escapes in a SEARCH written in metric math`, () => {
  const named = [
    metric('Traffic', 'Europe\\France Traffic(Network)'),
    metric('AWS/EC2', 'CPU"Utilization', { InstanceId: 'i-1' }),
    metric('Shop', 'Orders', { Team: "Something's Cool" }),
  ];
  /** The SEARCH term as the math parser hands it on, matched against the names above. */
  const searched = (expression: string): string[] => {
    const call = parseMath(expression);
    const term = call.type === 'call' ? call.args[0] : undefined;
    if (term?.type !== 'string') throw new Error(`not a SEARCH call: ${expression}`);
    const spec = parseSearch(term.value);
    return named.filter((m) => matchesSearch(m, spec)).map((m) => m.id.name);
  };

  test.each([
    // The page's own example, as metric math carries it: \\\\ is one backslash, \\( one parenthesis;
    [
      String.raw`SEARCH('{Traffic} "Europe\\\\France Traffic\\(Network\\)"', 'Maximum', 120)`,
      ['Europe\\France Traffic(Network)'],
    ],
    // \( reaches SEARCH as written, which reads it as (.
    [
      String.raw`SEARCH('{Traffic} "Europe\\\\France Traffic\(Network\)"', 'Maximum', 120)`,
      ['Europe\\France Traffic(Network)'],
    ],
    // A double quote inside the exact term: \" reaches SEARCH as written, which reads it as ".
    [
      String.raw`SEARCH('{AWS/EC2,InstanceId} MetricName="CPU\"Utilization"', 'Average')`,
      ['CPU"Utilization'],
    ],
    ["SEARCH('{AWS/EC2,InstanceId} MetricName=\"CPU\"', 'Average')", []],
    // A single quote ends the math string unless escaped; \' is a quote inside it.
    [String.raw`SEARCH('Team="Something\'s Cool"', 'Sum')`, ['Orders']],
  ])('%s', (expression, expected) => {
    expect(searched(expression)).toEqual(expected);
  });

  test('one backslash too few in metric math is refused with how to write it', () => {
    expect(() => searched(String.raw`SEARCH('{Traffic} "Europe\\France"', 'Sum')`)).toThrow(
      /'\\F' .* in metric math \\\\\\\\ for one backslash/,
    );
  });
});

describe(`${PAGE}: Boolean operators`, () => {
  test.each<[string, string[]]>([
    [`{AWS/EC2,InstanceId} network AND packets`, ['AWS/EC2 NetworkPacketsIn i-1234567890123456']],
    [` {AWS/EC2,InstanceId} network packets `, ['AWS/EC2 NetworkPacketsIn i-1234567890123456']],
    [
      ` {AWS/EC2,InstanceId} MetricName="CPUUtilization" NOT i-1234567890123456 `,
      [
        'AWS/EC2 CPUUtilization i-0abcdef1234567890',
        'AWS/EC2 CPUUtilization ProjectA',
        'AWS/EC2 CPUUtilization ProjectB',
      ],
    ],
    [
      `NOT Namespace=AWS `,
      [
        'MyNamespace CustomCount1',
        'Reports Requests CustomCount1',
        'My Namespace Custom:Name[Special_Characters x',
        'Traffic Network-Errors-2',
        'Traffic NetworkErrors2',
        'Traffic Europe\\France Traffic(Network)',
      ],
    ],
    [
      ` {AWS/EC2,InstanceId} MetricName="CPUUtilization" NOT "ProjectA" NOT "ProjectB" `,
      ['AWS/EC2 CPUUtilization i-1234567890123456', 'AWS/EC2 CPUUtilization i-0abcdef1234567890'],
    ],
    [
      ` (EC2 OR EBS) AND MetricName=ReadOps `,
      [
        'AWS/EC2 DiskReadOps i-1234567890123456',
        'AWS/EBS VolumeReadOps vol-0123',
        'AWS/EBS VolumeReadOps ProjectA-data',
      ],
    ],
    [
      ` (EC2 OR EBS) MetricName=ReadOps `,
      [
        'AWS/EC2 DiskReadOps i-1234567890123456',
        'AWS/EBS VolumeReadOps vol-0123',
        'AWS/EBS VolumeReadOps ProjectA-data',
      ],
    ],
    [` (EC2 OR EBS) AND ReadOps AND ProjectA `, ['AWS/EBS VolumeReadOps ProjectA-data']],
    [
      ` {AWS/Lambda,FunctionName} MetricName="Errors" OR (MetricName="Invocations" AND (ProjectA OR ProjectB)) `,
      [
        'AWS/Lambda Errors ProjectA-checkout',
        'AWS/Lambda Errors reporting',
        'AWS/Lambda Invocations ProjectA-checkout',
        'AWS/Lambda Invocations ProjectB-export',
      ],
    ],
  ])('SEARCH(%s) finds what the page says', (search, expected) => {
    expect(found(search)).toEqual(expected);
  });

  test('"Boolean operators are case sensitive, so and, or, and not aren\'t valid as Boolean operators"', () => {
    expect(found(`{AWS/EC2,InstanceId} network and packets`)).toEqual([]);
    expect(found(`{AWS/EC2,InstanceId} network packets`)).toHaveLength(1);
  });

  test.each([
    [`:aws.AccountId = 'LOCAL'`, CATALOG.length],
    [`:aws.AccountId = "123456789012" MetricName="CustomCount1"`, 1],
    [`:aws.AccountId = 444455556666`, 0],
  ])('the account designator %s reads this account only', (search, count) => {
    expect(found(search)).toHaveLength(count);
  });
});

describe(`${PAGE}: search expression limits`, () => {
  test('"A graph can display as many as 500 time series": the first 500 are kept, and the cut is told', () => {
    const many = Array.from({ length: 501 }, (_, i) =>
      metric('Fleet', 'CPUUtilization', { InstanceId: `i-${i}` }),
    );
    let cuts = 0;
    const found = findMetrics(many, parseSearch('{Fleet,InstanceId} CPUUtilization'), () => cuts++);
    expect(found).toEqual(many.slice(0, 500));
    expect(cuts).toBe(1);
    expect(findMetrics(many.slice(1), parseSearch('{Fleet,InstanceId}'), () => cuts++)).toHaveLength(500);
    expect(cuts).toBe(1);
  });
});

describe('malformed searches are refused with a message that says what is wrong', () => {
  test.each([
    ['', /needs a metric schema .* a search term, or both/],
    ['   ', /needs a metric schema/],
    ['{}', /names its namespace first/],
    ['{AWS/EC2,InstanceId', /not closed with \}/],
    ['{My Namespace}', /go in double quotes/],
    ['CPUUtilization {AWS/EC2}', /the metric schema \{…\} comes first/],
    ['(EC2 OR EBS', /expected '\)' but found the end of the search/],
    ['EC2 OR', /expected a search term but found the end/],
    ['AND EC2', /expected a search term but found 'AND'/],
    ['EC2 )', /unexpected '\)' at position 5/],
    ['()', /expected a search term but found '\)'/],
    ['"CPUUtilization', /quote at position 1 is not closed/],
    ['MetricName=', /MetricName= takes one term/],
    ['MetricName=("Errors" OR "Invocations")', /MetricName= takes one term/],
    ['"a\\b"', /'\\b' .* is not an escape: .* in metric math \\\\\\\\ for one backslash/],
    ["'Errors'", /single quotes/],
    ['-- //', /has no letter or digit/],
  ])('%j', (search, message) => {
    expect(() => parseSearch(search)).toThrow(message);
  });

  test('"The maximum search expression query size is 1024 characters", counted before anything is read', () => {
    expect(() => parseSearch('x'.repeat(1025))).toThrow(
      /1025 characters long; a search expression query holds at most 1024/,
    );
    expect(() => parseSearch(`"${'a'.repeat(1022)}"`)).not.toThrow();
    expect(() => parseSearch(`(${'a'.repeat(1024)}`)).toThrow(/1025 characters/);
  });
});

describe('bounded work on any input', () => {
  const pieces = ['(', ')', 'AND ', 'OR ', 'NOT ', '"', "'", '\\', '{', '}', ',', '=', ' ', 'a', 'Bc1', '-'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 3000 }).map((parts) => parts.join(''));

  test('parsing random text returns a spec or throws a plain Error quickly, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 3000 })), (search) => {
        const started = performance.now();
        try {
          const spec = parseSearch(search);
          for (const m of CATALOG) matchesSearch(m, spec);
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
          expect(e).not.toBeInstanceOf(RangeError);
          expect((e as Error).message.length).toBeGreaterThan(0);
        }
        expect(performance.now() - started).toBeLessThan(250);
      }),
      { numRuns: 300 },
    );
  });

  test('the deepest nesting the length allows still parses', () => {
    const deep = `${'('.repeat(511)}a${')'.repeat(511)}`;
    expect(deep.length).toBeLessThanOrEqual(1024);
    expect(() => parseSearch(deep)).not.toThrow();
    expect(() => parseSearch(`${'NOT '.repeat(255)}a`)).not.toThrow();
  });
});
