import { describe, expect, test } from 'vitest';
import { USER_GUIDE } from './sources';
import {
  invalidStatisticMessage,
  isBasicStatistic,
  isExtendedStatistic,
  parseStatistic,
  type Statistic,
} from './statistic';

const pct = (lower: number | undefined, upper: number | undefined) =>
  ({ of: 'percent', lower, upper }) as const;
const val = (lower: number | undefined, upper: number | undefined) =>
  ({ of: 'value', lower, upper }) as const;

function statOf(text: string): Statistic {
  const parsed = parseStatistic(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.stat;
}

describe(`every example of the User Guide page "${USER_GUIDE.statistics.title}" parses`, () => {
  test.each<[string, Statistic]>([
    // The list of statistics.
    ['SampleCount', { kind: 'SampleCount' }],
    ['Sum', { kind: 'Sum' }],
    ['Average', { kind: 'Average' }],
    ['Minimum', { kind: 'Minimum' }],
    ['Maximum', { kind: 'Maximum' }],
    ['p95', { kind: 'percentile', percent: 95 }],
    ['tm90', { kind: 'TM', range: pct(undefined, 90) }],
    ['TM(2%:98%)', { kind: 'TM', range: pct(2, 98) }],
    ['TM(150:1000)', { kind: 'TM', range: val(150, 1000) }],
    ['IQM', { kind: 'IQM' }],
    ['TM(25%:75%)', { kind: 'TM', range: pct(25, 75) }],
    ['wm98', { kind: 'WM', range: pct(undefined, 98) }],
    ['WM(10%:90%)', { kind: 'WM', range: pct(10, 90) }],
    ['PR(:300)', { kind: 'PR', range: val(undefined, 300) }],
    ['PR(100:2000)', { kind: 'PR', range: val(100, 2000) }],
    ['tc90', { kind: 'TC', range: pct(undefined, 90) }],
    ['TC(0.005:0.030)', { kind: 'TC', range: val(0.005, 0.03) }],
    ['ts90', { kind: 'TS', range: pct(undefined, 90) }],
    ['TS(80%:)', { kind: 'TS', range: pct(80, undefined) }],
    // Syntax.
    ['TM(10%:90%)', { kind: 'TM', range: pct(10, 90) }],
    ['TM(:95%)', { kind: 'TM', range: pct(undefined, 95) }],
    ['TC(80:500)', { kind: 'TC', range: val(80, 500) }],
    ['TC(:0.5)', { kind: 'TC', range: val(undefined, 0.5) }],
    ['tm99', { kind: 'TM', range: pct(undefined, 99) }],
    ['TM(:99%)', { kind: 'TM', range: pct(undefined, 99) }],
    ['TM(5%:95%)', { kind: 'TM', range: pct(5, 95) }],
    ['TM(100:200)', { kind: 'TM', range: val(100, 200) }],
    // Statistics use cases.
    ['TM(10%:)', { kind: 'TM', range: pct(10, undefined) }],
    ['TM(10%:99%)', { kind: 'TM', range: pct(10, 99) }],
    ['PR(:1)', { kind: 'PR', range: val(undefined, 1) }],
    ['PR(1:5)', { kind: 'PR', range: val(1, 5) }],
    ['PR(5:10)', { kind: 'PR', range: val(5, 10) }],
    ['PR(10:)', { kind: 'PR', range: val(10, undefined) }],
    // Percentiles versus trimmed mean.
    ['p99', { kind: 'percentile', percent: 99 }],
  ])('%s', (text, stat) => {
    expect(parseStatistic(text)).toEqual({ ok: true, stat });
  });

  test('tm99 is the same as TM(:99%), as the Syntax section says', () => {
    expect(statOf('tm99')).toEqual(statOf('TM(:99%)'));
  });
});

describe(`the other documented forms parse (the API model; "${USER_GUIDE.statistics.title}")`, () => {
  test.each<[string, string, Statistic]>([
    [
      'p0.0',
      'model: GetMetricStatistics.ExtendedStatistics, "between p0.0 and p100"',
      { kind: 'percentile', percent: 0 },
    ],
    ['p100', 'model: GetMetricStatistics.ExtendedStatistics', { kind: 'percentile', percent: 100 }],
    ['p99.9', 'page: decimals, as in the TM and WM bounds', { kind: 'percentile', percent: 99.9 }],
    ['p95.45', 'Metrics concepts (earlier editions): pNN.NN', { kind: 'percentile', percent: 95.45 }],
    ['p99.9999999999', 'page: "up to 10 decimal places"', { kind: 'percentile', percent: 99.9999999999 }],
    ['p90', 'model: PutMetricAlarm.ExtendedStatistic', { kind: 'percentile', percent: 90 }],
    ['tc90', 'model: PutMetricAlarm.ExtendedStatistic', { kind: 'TC', range: pct(undefined, 90) }],
    ['ts90', 'model: PutMetricAlarm.ExtendedStatistic', { kind: 'TS', range: pct(undefined, 90) }],
    ['wm90', 'model: PutMetricAlarm.ExtendedStatistic', { kind: 'WM', range: pct(undefined, 90) }],
    ['wm99', 'page: wmNN is a one-number abbreviation', { kind: 'WM', range: pct(undefined, 99) }],
    ['tm99.5', 'page: a bound may have decimals', { kind: 'TM', range: pct(undefined, 99.5) }],
    ['WM(:95%)', 'page: Syntax applies to WM', { kind: 'WM', range: pct(undefined, 95) }],
    ['TC(10%:90%)', 'page: Syntax applies to TC', { kind: 'TC', range: pct(10, 90) }],
    ['TS(150:1000)', 'page: Syntax applies to TS', { kind: 'TS', range: val(150, 1000) }],
    ['TM(0%:100%)', 'page: percentages between 0 and 100', { kind: 'TM', range: pct(0, 100) }],
    ['PR(0.5:1000000)', 'page: PR takes values of the metric', { kind: 'PR', range: val(0.5, 1_000_000) }],
  ])('%s (%s)', (text, _source, stat) => {
    expect(parseStatistic(text)).toEqual({ ok: true, stat });
  });
});

describe(`what "${USER_GUIDE.statistics.title}" does not allow is refused, with the reason`, () => {
  test.each<[string, string]>([
    // Case: "abbreviated using uppercase letters when specifying a range … lowercase letters when … one number".
    ['TM99', 'one number is written after lower-case tm, as in tm99'],
    ['WM98', 'one number is written after lower-case wm'],
    ['Tc90', 'one number is written after lower-case tc'],
    ['tm(10%:90%)', 'a range is written after upper-case TM, as in TM(10%:90%)'],
    ['ts(80%:)', 'a range is written after upper-case TS'],
    ['P99', 'a percentile is written with a lower-case p, as in p99'],
    ['pr(:300)', 'percentile rank is written PR with a range of values'],
    ['PR99', 'percentile rank is written PR with a range of values'],
    ['sum', 'statistic names are case-sensitive: write Sum'],
    ['SAMPLECOUNT', 'statistic names are case-sensitive: write SampleCount'],
    ['iqm', 'write IQM in upper case'],
    // Names that are not statistics.
    ['Median', 'use SampleCount, Average, Sum, Minimum, Maximum'],
    ['Avg', 'use SampleCount, Average'],
    ['', 'the statistic is empty'],
    [' Sum', 'remove the spaces around the statistic'],
    ['p99 ', "unexpected ' ' at character 4"],
    // Numbers: 0 to 100 for percentages, up to 10 decimal places, no sign.
    ['p', 'expected a number after p, as in p99'],
    ['tm', 'expected a number after tm'],
    ['p101', 'the number after p is between 0 and 100'],
    ['tm100.5', 'the number after tm is between 0 and 100'],
    ['p99.', 'a decimal point needs digits after it'],
    ['p.9', "expected a number: unexpected '.' at character 2"],
    ['p99.12345678901', 'a number has at most 10 decimal places'],
    ['p-1', "expected a number: unexpected '-' at character 2"],
    ['p1e2', "unexpected 'e' at character 3"],
    ['tm99%', 'write the number after tm without a percent sign, as in tm99'],
    ['p99.9x', "unexpected 'x' at character 6"],
    // Ranges.
    ['TM(90%:10%)', 'the lower bound (90) must be less than the upper bound (10)'],
    ['TM(10:10)', 'the lower bound (10) must be less than the upper bound (10)'],
    ['PR(2000:100)', 'the lower bound (2000) must be less than the upper bound (100)'],
    ['TM(10%:500)', 'both bounds are percentages or both are values'],
    ['TM(0%:101%)', 'a percentage in a range is between 0% and 100%'],
    ['TM(:)', 'a range needs at least one bound, as in TM(10%:90%) or TM(:95%)'],
    ['TM()', 'a range has a colon between its bounds'],
    ['TM(95%)', 'a range has a colon between its bounds'],
    ['TM(10%:90%', 'it ends too soon'],
    ['TM(10%:90%)x', "unexpected 'x' at character 12"],
    ['TM(-5:10)', "expected a number: unexpected '-' at character 4"],
    ['TM( 10%:90%)', "expected a number: unexpected ' ' at character 4"],
    ['TM(10%:90%:)', "unexpected ':' at character 11"],
    ['PR(10%:90%)', 'PR takes values of the metric, not percentages, as in PR(:300) or PR(100:2000)'],
    ['PR(:95%)', 'PR takes values of the metric, not percentages'],
    ['TM(1.12345678901:2)', 'a number has at most 10 decimal places'],
    [`PR(:${'9'.repeat(400)})`, 'a number is too large'],
  ])('%j', (text, reason) => {
    const parsed = parseStatistic(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});

describe('the service message for an invalid statistic', () => {
  test("is CloudWatch's own wording, naming the parameter", () => {
    const parsed = parseStatistic('Median', 'MetricDataQueries.member.1.MetricStat.Stat');
    expect(parsed).toMatchObject({
      ok: false,
      message:
        'The value Median for parameter MetricDataQueries.member.1.MetricStat.Stat is not a valid statistic.',
    });
    expect(invalidStatisticMessage('None', 'MetricDataQueries.member.223.MetricStat.Stat')).toBe(
      'The value None for parameter MetricDataQueries.member.223.MetricStat.Stat is not a valid statistic.',
    );
  });
});

describe('basic and extended statistics (the model: Statistic enum, ExtendedStatistic)', () => {
  test.each<[string, boolean, boolean]>([
    ['Sum', true, false],
    ['SampleCount', true, false],
    ['p99', false, true],
    ['IQM', false, true],
    ['TM(10%:90%)', false, true],
    ['PR(:300)', false, true],
    ['sum', false, false],
    ['TM99', false, false],
  ])('%s: basic %s, extended %s', (text, basic, extended) => {
    expect(isBasicStatistic(text)).toBe(basic);
    expect(isExtendedStatistic(text)).toBe(extended);
  });
});

describe('untrusted input', () => {
  test.each([
    ['p', '9'.repeat(1_000_000)],
    ['TM(', `${'1'.repeat(1_000_000)}%:`],
    ['PR(:1.', '0'.repeat(1_000_000)],
    ['TM(:', '('.repeat(1_000_000)],
  ])('a million characters after %s are refused in one pass', (head, tail) => {
    const started = performance.now();
    expect(parseStatistic(head + tail).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
