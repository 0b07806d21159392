/**
 * Dynamic labels, as the User Guide page "Use dynamic labels" documents them
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/graph-dynamic-labels.html): `${…}`
 * values in a query's Label, expanded for every series the query returns, and `LabelOptions.Timezone`
 * from the GetMetricData API reference for the time-based ones.
 *
 * The page documents what each value means, not how numbers, times or durations are written; the forms
 * below are this simulation's own, and nothing in the client may depend on them.
 */

/** The properties `${PROP('…')}` reads: those of the one metric a series is the data of. */
export interface MetricProps {
  namespace: string;
  name: string;
  dimensions: Record<string, string>;
  stat: string;
  period: number;
  accountId: string;
  region: string;
}

/** One series about to be labelled: its default label, its datapoints in the call's range, its metric. */
export interface LabelSubject {
  /** What `${LABEL}` stands for: "the representation of the default label for a metric". */
  defaultLabel: string;
  t: number[];
  v: number[];
  /** Absent for a series that is not one metric's data (an expression's result, an Insights group). */
  metric?: MetricProps;
}

export interface LabelSettings {
  /** Epoch ms, for the `…_RELATIVE` values. */
  now: number;
  /** `LabelOptions.Timezone` as minutes east of UTC (the API's `+0130` is 90); 0 by default. */
  offsetMinutes: number;
}

/** "You can add up to five dynamic values to a label." Later ones are left as written. */
const MAX_DYNAMIC_VALUES = 5;

const NAMES = new Set([
  'AVG',
  'DATAPOINT_COUNT',
  'FIRST',
  'FIRST_LAST_RANGE',
  'FIRST_LAST_TIME_RANGE',
  'FIRST_TIME',
  'FIRST_TIME_RELATIVE',
  'LABEL',
  'LAST',
  'LAST_TIME',
  'LAST_TIME_RELATIVE',
  'MAX',
  'MAX_TIME',
  'MAX_TIME_RELATIVE',
  'MIN',
  'MIN_MAX_RANGE',
  'MIN_MAX_TIME_RANGE',
  'MIN_TIME',
  'MIN_TIME_RELATIVE',
  'SUM',
]);

type Token = { kind: 'name'; name: string } | { kind: 'prop'; prop: string };

/** The `${…}` value starting at `at` (which holds `$`), and where it ends; undefined when it is none. */
function tokenAt(text: string, at: number): { token: Token; end: number } | undefined {
  if (text[at + 1] !== '{') return undefined;
  const close = text.indexOf('}', at + 2);
  if (close < 0) return undefined;
  const name = text.slice(at + 2, close);
  if (NAMES.has(name)) return { token: { kind: 'name', name }, end: close + 1 };
  const prefix = "${PROP('";
  if (!text.startsWith(prefix, at)) return undefined;
  const quote = text.indexOf("')}", at + prefix.length);
  if (quote < 0) return undefined;
  return { token: { kind: 'prop', prop: text.slice(at + prefix.length, quote) }, end: quote + 3 };
}

/** Whether a label holds any documented dynamic value. */
export function isDynamicLabel(label: string): boolean {
  for (let i = label.indexOf('$'); i >= 0; i = label.indexOf('$', i + 1)) {
    if (tokenAt(label, i)) return true;
  }
  return false;
}

/**
 * The label with its dynamic values filled in for one series. Unknown `${…}` text, values past the
 * fifth, and a second `${LABEL}` ("only once within each label") are left as written.
 */
export function expandLabel(label: string, subject: LabelSubject, settings: LabelSettings): string {
  let out = '';
  let from = 0;
  let used = 0;
  let labelUsed = false;
  for (let i = label.indexOf('$'); i >= 0; i = label.indexOf('$', i + 1)) {
    const found = tokenAt(label, i);
    if (!found) continue;
    const { token, end } = found;
    const isLabel = token.kind === 'name' && token.name === 'LABEL';
    if (used >= MAX_DYNAMIC_VALUES || (isLabel && labelUsed)) continue;
    used += 1;
    if (isLabel) labelUsed = true;
    out += label.slice(from, i) + dynamicValue(token, subject, settings);
    from = end;
    i = end - 1;
  }
  return out + label.slice(from);
}

function dynamicValue(token: Token, subject: LabelSubject, settings: LabelSettings): string {
  if (token.kind === 'prop') return propOf(token.prop, subject.metric);
  if (token.name === 'LABEL') return subject.defaultLabel;
  if (token.name === 'DATAPOINT_COUNT') return String(subject.v.length);
  const stats = statsOf(subject);
  if (!stats) return '';
  const { first, last, min, max, sum } = stats;
  switch (token.name) {
    case 'AVG':
      return formatNumber(sum / subject.v.length);
    case 'SUM':
      return formatNumber(sum);
    case 'MIN':
      return formatNumber(min.v);
    case 'MAX':
      return formatNumber(max.v);
    case 'FIRST':
      return formatNumber(first.v);
    case 'LAST':
      return formatNumber(last.v);
    case 'FIRST_LAST_RANGE':
      return formatNumber(last.v - first.v);
    case 'MIN_MAX_RANGE':
      return formatNumber(max.v - min.v);
    case 'FIRST_TIME':
      return formatTime(first.t, settings.offsetMinutes);
    case 'LAST_TIME':
      return formatTime(last.t, settings.offsetMinutes);
    case 'MIN_TIME':
      return formatTime(min.t, settings.offsetMinutes);
    case 'MAX_TIME':
      return formatTime(max.t, settings.offsetMinutes);
    case 'FIRST_TIME_RELATIVE':
      return formatDuration(settings.now - first.t);
    case 'LAST_TIME_RELATIVE':
      return formatDuration(settings.now - last.t);
    case 'MIN_TIME_RELATIVE':
      return formatDuration(settings.now - min.t);
    case 'MAX_TIME_RELATIVE':
      return formatDuration(settings.now - max.t);
    case 'FIRST_LAST_TIME_RANGE':
      return formatDuration(last.t - first.t);
    case 'MIN_MAX_TIME_RANGE':
      return formatDuration(max.t - min.t);
    default:
      return '';
  }
}

/** `${PROP('…')}`: the metric's properties; a series that is no single metric's data has none. */
function propOf(prop: string, metric: MetricProps | undefined): string {
  if (!metric) return '';
  if (prop.startsWith('Dim.')) return metric.dimensions[prop.slice(4)] ?? '';
  switch (prop) {
    case 'AccountId':
      return metric.accountId;
    case 'MetricName':
      return metric.name;
    case 'Namespace':
      return metric.namespace;
    case 'Period':
      return String(metric.period);
    case 'Region':
      return metric.region;
    case 'Stat':
      return metric.stat;
    default:
      return '';
  }
}

interface Point {
  t: number;
  v: number;
}

function statsOf(
  s: LabelSubject,
): { first: Point; last: Point; min: Point; max: Point; sum: number } | undefined {
  if (s.t.length === 0) return undefined;
  const at = (i: number): Point => ({ t: s.t[i] ?? 0, v: s.v[i] ?? 0 });
  let first = at(0);
  let last = first;
  let min = first;
  let max = first;
  let sum = 0;
  for (let i = 0; i < s.t.length; i++) {
    const p = at(i);
    sum += p.v;
    if (p.t < first.t) first = p;
    if (p.t > last.t) last = p;
    if (p.v < min.v) min = p;
    if (p.v > max.v) max = p;
  }
  return { first, last, min, max, sum };
}

/** Six significant digits, without trailing zeros: 12.3457, 0.001, 1250000. */
function formatNumber(v: number): string {
  return String(Number(v.toPrecision(6)));
}

/** ISO 8601 in the requested offset, e.g. 2025-05-21T15:30:00+01:30. */
function formatTime(t: number, offsetMinutes: number): string {
  const local = new Date(t + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

/** A duration in its largest units, e.g. 1d 2h, 5m 30s, 0s. */
function formatDuration(ms: number): string {
  let seconds = Math.round(Math.abs(ms) / 1000);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(seconds / size);
    seconds -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
  }
  return parts.length ? parts.join(' ') : '0s';
}

/**
 * `LabelOptions.Timezone` in minutes east of UTC: "+ or - followed by four digits … hours ahead or
 * behind of UTC, and … minutes", +0000 by default (GetMetricData, LabelOptions). Undefined when malformed.
 */
export function parseTimezone(text: string | undefined): number | undefined {
  if (text === undefined) return 0;
  const m = /^([+-])(\d\d)(\d\d)$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (Number(m[3]) >= 60) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}
