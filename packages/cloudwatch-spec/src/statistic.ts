/**
 * The statistics CloudWatch accepts in `MetricStat.Stat` (and in `SEARCH(…, 'Stat')`), as the User Guide's
 * "CloudWatch statistics definitions" page defines them, read by a single left-to-right scan.
 *
 * - SampleCount, Average, Sum, Minimum, Maximum: the API model's `Statistic` enum, case as written there.
 * - `pNN`, `pNN.NN`: a percentile, 0 to 100 ("between p0.0 and p100", GetMetricStatistics.ExtendedStatistics).
 * - `tmNN`, `wmNN`, `tcNN`, `tsNN`: one number, lower case, the upper bound in percent: `tm99` is `TM(:99%)`.
 * - `TM(…)`, `WM(…)`, `TC(…)`, `TS(…)`: upper case with a range of one or two bounds, both percentages
 *   (`TM(10%:90%)`, `TM(:95%)`, `TS(80%:)`) or both values of the metric (`TM(150:1000)`, `TC(0.005:0.030)`).
 *   The page: "They can only be abbreviated using lowercase letters when you specifying only one number".
 * - `PR(…)`: percentile rank, a range of values only (`PR(:300)`, `PR(100:2000)`, `PR(10:)`).
 * - `IQM`: the interquartile mean, `TM(25%:75%)`.
 *
 * Numbers have "up to 10 decimal places"; percentages are "between 0 and 100", read inclusively as the API
 * model reads p0.0 and p100; a lower bound is below its upper bound. Forms the page does not show (`P99`,
 * `iqm`, `TM(90%)`, a negative bound, a mix of `%` and values) are refused rather than guessed at.
 */

/** The five statistics of the API model's `Statistic` enum. */
export const BASIC_STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;
export type BasicStatistic = (typeof BASIC_STATISTICS)[number];

/** Trimmed mean, winsorized mean, trimmed count and trimmed sum: the families that take a range. */
export const TRIMMED_FAMILIES = ['TM', 'WM', 'TC', 'TS'] as const;
export type TrimmedFamily = (typeof TRIMMED_FAMILIES)[number];

/** The bounds of a range: percentiles of the data (0–100) or values of the metric; undefined is open. */
export interface StatisticRange {
  of: 'percent' | 'value';
  lower: number | undefined;
  upper: number | undefined;
}

/** One statistic, as CloudWatch computes it. `tm99` and `TM(:99%)` parse to the same value. */
export type Statistic =
  | { kind: BasicStatistic }
  | { kind: 'percentile'; percent: number }
  | { kind: 'IQM' }
  | { kind: TrimmedFamily; range: StatisticRange }
  | { kind: 'PR'; range: StatisticRange & { of: 'value' } };

/**
 * A parsed statistic, or why it is not one: `reason` says what is wrong in a few words, `message` is the
 * text CloudWatch itself answers with (a `ValidationError`).
 */
export type ParsedStatistic = { ok: true; stat: Statistic } | { ok: false; reason: string; message: string };

/** Most decimal places the statistics definitions page allows in a number. */
export const MAX_STATISTIC_DECIMALS = 10;

/**
 * CloudWatch's answer to an invalid statistic, e.g. for `parameter` MetricDataQueries.member.1.MetricStat.Stat.
 * The wording is the service's as quoted in public reports of GetMetricData calls (prometheus-community/
 * yet-another-cloudwatch-exporter issues 385 and 1435: "ValidationError: The value None for parameter
 * MetricDataQueries.member.223.MetricStat.Stat is not a valid statistic."); the API reference does not list it.
 */
export function invalidStatisticMessage(value: string, parameter: string): string {
  return `The value ${value} for parameter ${parameter} is not a valid statistic.`;
}

const NAMES_HINT =
  'use SampleCount, Average, Sum, Minimum, Maximum, a percentile such as p99 or p99.9, ' +
  'tm99, wm99, tc99 or ts99, a range such as TM(10%:90%), TM(150:1000) or PR(:300), or IQM';

type Step<T> = { ok: true; value: T; end: number } | { ok: false; reason: string };

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isLetter = (code: number): boolean => (code | 32) >= 97 && (code | 32) <= 122;

function unexpected(text: string, at: number): string {
  return at >= text.length ? 'it ends too soon' : `unexpected '${text[at]}' at character ${at + 1}`;
}

/** Digits, optionally a point and more digits, starting at `start`. */
function readNumber(text: string, start: number): Step<number> {
  let end = start;
  while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  if (end === start) return { ok: false, reason: `expected a number: ${unexpected(text, start)}` };
  if (text[end] === '.') {
    const point = end;
    end++;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    if (end === point + 1) return { ok: false, reason: 'a decimal point needs digits after it' };
    if (end - point - 1 > MAX_STATISTIC_DECIMALS) {
      return { ok: false, reason: `a number has at most ${MAX_STATISTIC_DECIMALS} decimal places` };
    }
  }
  const value = Number(text.slice(start, end));
  if (!Number.isFinite(value)) return { ok: false, reason: 'a number is too large' };
  return { ok: true, value, end };
}

/** `p99.9`, `tm99`: one number after the letters, a percentage without a percent sign. */
function readSingle(text: string, start: number, word: string): Step<number> {
  if (start === text.length) return { ok: false, reason: `expected a number after ${word}, as in ${word}99` };
  const number = readNumber(text, start);
  if (!number.ok) return number;
  if (text[number.end] === '%') {
    return { ok: false, reason: `write the number after ${word} without a percent sign, as in ${word}99` };
  }
  if (number.end !== text.length) return { ok: false, reason: unexpected(text, number.end) };
  if (number.value > 100) return { ok: false, reason: `the number after ${word} is between 0 and 100` };
  return number;
}

interface Bound {
  value: number;
  percent: boolean;
}

/** One side of a range: nothing (open), or a number with or without a percent sign. */
function readBound(text: string, start: number): Step<Bound | undefined> {
  const next = text[start];
  if (next === ':' || next === ')') return { ok: true, value: undefined, end: start };
  const number = readNumber(text, start);
  if (!number.ok) return number;
  const percent = text[number.end] === '%';
  return { ok: true, value: { value: number.value, percent }, end: number.end + (percent ? 1 : 0) };
}

/** `(lower:upper)` from the opening parenthesis at `start` to the end of the text. */
function readRange(text: string, start: number, family: TrimmedFamily | 'PR'): Step<StatisticRange> {
  const example = family === 'PR' ? 'PR(:300) or PR(100:2000)' : `${family}(10%:90%) or ${family}(:95%)`;
  const lower = readBound(text, start + 1);
  if (!lower.ok) return lower;
  if (text[lower.end] !== ':') {
    return text[lower.end] === ')'
      ? { ok: false, reason: `a range has a colon between its bounds, as in ${example}` }
      : { ok: false, reason: unexpected(text, lower.end) };
  }
  const upper = readBound(text, lower.end + 1);
  if (!upper.ok) return upper;
  if (text[upper.end] !== ')') return { ok: false, reason: unexpected(text, upper.end) };
  if (upper.end + 1 !== text.length) return { ok: false, reason: unexpected(text, upper.end + 1) };
  const [lo, hi] = [lower.value, upper.value];
  const first = lo ?? hi;
  if (first === undefined) return { ok: false, reason: `a range needs at least one bound, as in ${example}` };
  if (lo !== undefined && hi !== undefined && lo.percent !== hi.percent) {
    return {
      ok: false,
      reason: `both bounds are percentages or both are values, as in ${family}(10%:90%) or ${family}(150:1000)`,
    };
  }
  if (family === 'PR' && first.percent) {
    return { ok: false, reason: `PR takes values of the metric, not percentages, as in ${example}` };
  }
  if (first.percent && ((lo?.value ?? 0) > 100 || (hi?.value ?? 0) > 100)) {
    return { ok: false, reason: 'a percentage in a range is between 0% and 100%' };
  }
  if (lo !== undefined && hi !== undefined && lo.value >= hi.value) {
    return {
      ok: false,
      reason: `the lower bound (${lo.value}) must be less than the upper bound (${hi.value})`,
    };
  }
  const range = { of: first.percent ? 'percent' : 'value', lower: lo?.value, upper: hi?.value } as const;
  return { ok: true, value: range, end: text.length };
}

/** Why a statistic that starts with an unknown word is not one, naming the documented spelling if close. */
function unknownReason(text: string, word: string, rest: string): string {
  if (text.trim() !== text) return 'remove the spaces around the statistic';
  const basic = BASIC_STATISTICS.find((name) => name.toLowerCase() === text.toLowerCase());
  if (basic !== undefined) return `statistic names are case-sensitive: write ${basic}`;
  if (text.toLowerCase() === 'iqm') return 'write IQM in upper case';
  const upper = word.toUpperCase();
  const family = TRIMMED_FAMILIES.find((name) => name === upper);
  if (family !== undefined) {
    const lower = family.toLowerCase();
    return rest.startsWith('(')
      ? `a range is written after upper-case ${family}, as in ${family}(10%:90%)`
      : `one number is written after lower-case ${lower}, as in ${lower}99; upper-case ${family} takes a range such as ${family}(10%:90%)`;
  }
  if (upper === 'P') return 'a percentile is written with a lower-case p, as in p99';
  if (upper === 'PR')
    return 'percentile rank is written PR with a range of values, as in PR(:300) or PR(100:2000)';
  return NAMES_HINT;
}

function parsed(text: string, parameter: string, step: Step<Statistic>): ParsedStatistic {
  return step.ok
    ? { ok: true, stat: step.value }
    : { ok: false, reason: step.reason, message: invalidStatisticMessage(text, parameter) };
}

function parseForm(text: string): Step<Statistic> {
  if (isBasicStatistic(text)) return { ok: true, value: { kind: text }, end: text.length };
  if (text === 'IQM') return { ok: true, value: { kind: 'IQM' }, end: text.length };
  let wordEnd = 0;
  while (wordEnd < text.length && isLetter(text.charCodeAt(wordEnd))) wordEnd++;
  const word = text.slice(0, wordEnd);
  const opens = text[wordEnd] === '(';
  if (word === 'p') {
    const number = readSingle(text, wordEnd, word);
    return number.ok ? { ...number, value: { kind: 'percentile', percent: number.value } } : number;
  }
  const lowerFamily = TRIMMED_FAMILIES.find((name) => name.toLowerCase() === word);
  if (lowerFamily !== undefined && !opens) {
    const number = readSingle(text, wordEnd, word);
    if (!number.ok) return number;
    const range: StatisticRange = { of: 'percent', lower: undefined, upper: number.value };
    return { ...number, value: { kind: lowerFamily, range } };
  }
  const upperFamily = TRIMMED_FAMILIES.find((name) => name === word);
  if (upperFamily !== undefined && opens) {
    const range = readRange(text, wordEnd, upperFamily);
    return range.ok ? { ...range, value: { kind: upperFamily, range: range.value } } : range;
  }
  if (word === 'PR' && opens) {
    const range = readRange(text, wordEnd, 'PR');
    if (!range.ok) return range;
    return { ...range, value: { kind: 'PR', range: { ...range.value, of: 'value' } } };
  }
  if (text === '') return { ok: false, reason: `the statistic is empty: ${NAMES_HINT}` };
  return { ok: false, reason: unknownReason(text, word, text.slice(wordEnd)) };
}

/**
 * Reads a statistic in time linear in its length (no backtracking), so untrusted text costs little.
 * `parameter` names the field in CloudWatch's error message, e.g. MetricDataQueries.member.1.MetricStat.Stat.
 */
export function parseStatistic(text: string, parameter = 'Stat'): ParsedStatistic {
  return parsed(text, parameter, parseForm(text));
}

/** True for the five statistics GetMetricStatistics takes in `Statistics` and alarms in `Statistic`. */
export function isBasicStatistic(text: string): text is BasicStatistic {
  return (BASIC_STATISTICS as readonly string[]).includes(text);
}

/** True for a valid statistic that is not basic: what goes in `ExtendedStatistic(s)` instead. */
export function isExtendedStatistic(text: string): boolean {
  return !isBasicStatistic(text) && parseForm(text).ok;
}
