import type { KpiQuery, MetricStat } from '../domain/kpi/query-schema';
import type { TimeRange } from '../domain/time/range';

type Jsurl = string | number | boolean | Jsurl[] | { [key: string]: Jsurl };

/**
 * The console keeps its graph state in the fragment as JSURL: strings `'text` with every character but
 * letters, digits, `_ . -` written `*hh` (`**hhhh` past 0xff, `$` as `!`), arrays `(~a~b)`, objects
 * `(key~value~key~value)`, each value after a `~`.
 */
export function encodeJsurl(value: Jsurl): string {
  return `~${encodeValue(value)}`;
}

function encodeValue(value: Jsurl): string {
  if (typeof value === 'string') return `'${escapeJsurl(value)}`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `(${value.map((item) => `~${encodeValue(item)}`).join('') || '~'})`;
  return `(${Object.entries(value)
    .map(([key, item]) => `${escapeJsurl(key)}~${encodeValue(item)}`)
    .join('~')})`;
}

function escapeJsurl(text: string): string {
  return text.replace(/[^\w.-]/g, (ch) => {
    if (ch === '$') return '!';
    const code = ch.charCodeAt(0);
    return code < 0x100
      ? `*${code.toString(16).padStart(2, '0')}`
      : `**${code.toString(16).padStart(4, '0')}`;
  });
}

/** "-PT6H", "-P7D": a relative start as the console writes it. */
function isoDurationAgo(seconds: number): string {
  if (seconds % 86_400 === 0) return `-P${seconds / 86_400}D`;
  if (seconds % 3600 === 0) return `-PT${seconds / 3600}H`;
  if (seconds % 60 === 0) return `-PT${seconds / 60}M`;
  return `-PT${seconds}S`;
}

function metricRow(metric: MetricStat, period: number, options: Record<string, Jsurl>): Jsurl[] {
  const dims = Object.entries(metric.dimensions).flat();
  return [
    metric.namespace,
    metric.name,
    ...dims,
    {
      stat: metric.stat,
      period: metric.period ?? period,
      ...(metric.accountId ? { accountId: metric.accountId } : {}),
      ...options,
    },
  ];
}

function metricsFor(query: KpiQuery, period: number, label: string): Jsurl[] {
  switch (query.kind) {
    case 'metric':
      return [metricRow(query.metric, period, { label })];
    case 'math': {
      const id = freeId(Object.keys(query.metrics));
      return [
        [{ expression: query.expression, label, id, period: query.period ?? period }],
        ...Object.entries(query.metrics).map(([name, metric]) =>
          metricRow(metric, query.period ?? period, { id: name, visible: false }),
        ),
      ];
    }
    case 'insights':
      return [[{ expression: query.sql, label, id: 'q1', period: query.period ?? period }]];
  }
}

function freeId(taken: string[]): string {
  let n = 1;
  while (taken.includes(`e${n}`)) n++;
  return `e${n}`;
}

/** The console's host for a region: the standard, China and GovCloud partitions differ. */
export function consoleBase(region: string): string {
  const r = encodeURIComponent(region);
  if (region.startsWith('cn-')) return `https://${r}.console.amazonaws.cn/cloudwatch/home?region=${r}`;
  if (region.startsWith('us-gov-')) return `https://console.amazonaws-us-gov.com/cloudwatch/home?region=${r}`;
  return `https://${r}.console.aws.amazon.com/cloudwatch/home?region=${r}`;
}

export interface ConsoleLinkInput {
  query: KpiQuery;
  region: string;
  range: TimeRange;
  /** Seconds, the period shown on screen. */
  period: number;
  title: string;
}

/** "Open in CloudWatch console": the same metric or expression, region, period and time range in Metrics. */
export function cloudWatchConsoleUrl(input: ConsoleLinkInput): string {
  const { range } = input;
  const time =
    range.kind === 'relative'
      ? { start: isoDurationAgo(range.seconds), end: 'P0D' }
      : { start: new Date(range.start).toISOString(), end: new Date(range.end).toISOString() };
  const graph: Jsurl = {
    metrics: metricsFor(input.query, input.period, input.title),
    view: 'timeSeries',
    stacked: false,
    region: input.region,
    title: input.title,
    period: input.period,
    ...time,
  };
  return `${consoleBase(input.region)}#metricsV2:graph=${encodeJsurl(graph)}`;
}
