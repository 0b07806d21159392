import { NO_VALUE } from '../format/format-value';
import { kpiFormat } from '../format/kpi-format';
import type { Kpi } from '../kpi/schema';
import { assessStaleness, type KpiEvaluation } from '../risk';
import type { Point, TimeWindow } from '../series';
import type { BoardMessage, BoardSeries, KpiTileView } from './board-types';
import { changeOverRange } from './change';
import { describeAge, type Freshness } from './freshness';
import { referenceLines } from './reference-lines';

/** What one refresh fetched for a KPI. */
export interface KpiFetched {
  /** The series over the view window. */
  view?: BoardSeries;
  /** CloudWatch's messages on any request of the KPI (view, evaluation, band, SLO), without repeats. */
  messages: readonly BoardMessage[];
  /** Some request of the KPI came back PartialData. */
  partial: boolean;
}

export interface TileContext {
  rangeWords: string;
  window?: TimeWindow;
  alarmsError?: string;
  freshness: Freshness;
  now: number;
  formatClock: (ms: number) => string;
}

const percent = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "SLO 99.5 %: 97 % met · 42 % budget left" (or "budget overspent 540 %"), when the KPI has an SLO. */
function sloLine(evaluation: KpiEvaluation | undefined): Pick<KpiTileView, 'slo'> {
  const slo = evaluation?.slo;
  if (!slo || slo.budgetRemaining === undefined) return {};
  const met = slo.attainment === undefined ? '' : `${percent.format(slo.attainment * 100)} % met · `;
  const budget =
    slo.budgetRemaining >= 0
      ? `${percent.format(Math.round(slo.budgetRemaining * 100))} % budget left`
      : `budget overspent ${percent.format(Math.round(-slo.budgetRemaining * 100))} %`;
  return {
    slo: {
      text: `SLO ${percent.format(slo.objective)} %: ${met}${budget}`,
      budgetRemaining: slo.budgetRemaining,
    },
  };
}

/** "Payment success rate below 97 % …" reads "Below 97 % …" under a tile already titled Payment success rate. */
function withoutTitle(message: string, title: string): string {
  for (const joint of [': ', ' ']) {
    if (message.startsWith(`${title}${joint}`)) {
      const rest = message.slice(title.length + joint.length);
      return rest.charAt(0).toUpperCase() + rest.slice(1);
    }
  }
  return message;
}

/** Points of complete periods only: the period still filling is a fraction of one, never a dip. */
export function completePoints(points: readonly Point[], periodSeconds: number, now: number): Point[] {
  const ms = periodSeconds * 1000;
  let end = points.length;
  while (end > 0 && (points[end - 1]?.t ?? 0) + ms > now) end--;
  return end === points.length ? [...points] : points.slice(0, end);
}

/**
 * What a sparkline shows, in words for a screen reader: "Orders per minute over the last 6 hours: from 412
 * to 398, low 380, high 450" (complete periods only, as drawn).
 */
function sparklineSummary(
  title: string,
  rangeWords: string,
  points: readonly Point[],
  format: (value: number) => string,
): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `${title} over ${rangeWords}: no data`;
  let low = first.v;
  let high = first.v;
  for (const p of points) {
    if (p.v < low) low = p.v;
    if (p.v > high) high = p.v;
  }
  return `${title} over ${rangeWords}: from ${format(first.v)} to ${format(last.v)}, low ${format(low)}, high ${format(high)}`;
}

/** "CloudWatch ArithmeticError: … — what to do": a CloudWatch message as every screen words it. */
export function messageNote(message: BoardMessage): string {
  const text = message.text.trim() || message.code;
  const code = message.code ? ` ${message.code}` : '';
  return `CloudWatch${code}: ${text}${message.remedy ? ` — ${message.remedy}` : ''}`;
}

function notes(
  kpi: Kpi,
  fetched: KpiFetched | undefined,
  evaluation: KpiEvaluation | undefined,
  ctx: TileContext,
): string[] {
  const out: string[] = [];
  if (fetched?.partial) out.push('Partial data: CloudWatch returned only part of the range (PartialData)');
  for (const message of fetched?.messages ?? []) out.push(messageNote(message));
  const alarmsSaid = evaluation?.reasons[0]?.rule === 'error' && evaluation.reasons[0].source === 'alarms';
  if (ctx.alarmsError !== undefined && (kpi.alarms?.length ?? 0) > 0 && !alarmsSaid) {
    out.push(`Alarms not read: ${ctx.alarmsError}`);
  }
  return [...new Set(out)];
}

/**
 * One KPI as every screen shows it. The headline is the newest complete period (the same point the
 * reasons call "latest"), its age is said in words when it is older than the KPI's period plus
 * CloudWatch's publishing delay, and a board whose refreshes have stopped shows how old it is instead
 * of a fresh-looking verdict.
 */
export function kpiTileView(
  kpi: Kpi,
  fetched: KpiFetched | undefined,
  evaluation: KpiEvaluation | undefined,
  ctx: TileContext,
): KpiTileView {
  const format = kpiFormat(kpi);
  const compact = kpiFormat(kpi, { compact: true });
  const view = fetched?.view;
  const points = view ? completePoints(view.series[0]?.points ?? [], view.period, ctx.now) : [];
  // The newest complete period the rules judged; when their window holds none (an exporter that stopped
  // long ago), the newest complete period of the view series, so the tile says how old it is.
  const viewLast = points.at(-1);
  const latest =
    evaluation?.latest !== undefined
      ? { ...evaluation.latest, period: evaluation.period }
      : evaluation && viewLast && view
        ? { value: viewLast.v, at: viewLast.t, period: view.period }
        : undefined;
  const staleness = latest
    ? assessStaleness({ t: latest.at, v: latest.value }, latest.period, ctx.now, kpi.staleAfter)
    : undefined;
  const boardStale = ctx.freshness.state === 'stale' && ctx.freshness.ageMs !== undefined;
  const failingFirst =
    !evaluation && ctx.freshness.state === 'waiting' && ctx.freshness.problem !== undefined;
  const old = staleness?.stale === true;
  // Part of the range is missing (PartialData): a change over "the last 6 hours" would be a false statement.
  const change = old || boardStale || fetched?.partial ? undefined : changeOverRange(points, kpi);
  const reason = evaluation?.reasons[0]?.message;
  const waitingReason = 'No data yet: CloudWatch has not answered since this screen opened';
  return {
    id: kpi.id,
    title: kpi.title,
    category: kpi.category,
    status: evaluation?.status ?? (failingFirst ? 'no-data' : 'pending'),
    valueText: compact(latest?.value),
    ...(latest ? { valueAt: latest.at } : {}),
    dimmed: evaluation !== undefined && (latest === undefined || old || boardStale),
    ...(evaluation?.inProgress && !old
      ? { soFar: `so far ${format(evaluation.inProgress.value)} (period in progress)` }
      : {}),
    ...(latest && old
      ? {
          age: `as of ${ctx.formatClock(latest.at + latest.period * 1000)}, ${describeAge((staleness?.ageSeconds ?? 0) * 1000)} ago`,
        }
      : {}),
    ...(boardStale ? { staleAge: describeAge(ctx.freshness.ageMs ?? 0) } : {}),
    ...(change ? { change: { text: `${change.text} over ${ctx.rangeWords}`, tone: change.sentiment } } : {}),
    ...(reason ? { reason, shortReason: withoutTitle(reason, kpi.title) } : {}),
    ...(failingFirst ? { reason: waitingReason, shortReason: waitingReason } : {}),
    notes: notes(kpi, fetched, evaluation, ctx),
    points,
    ...(ctx.window ? { window: ctx.window } : {}),
    ...(view ? { period: view.period } : {}),
    lines: referenceLines(kpi),
    sparklineLabel: sparklineSummary(kpi.title, ctx.rangeWords, points, format),
    ...sloLine(evaluation),
  };
}

/**
 * A KPI the screen does not show now (another page of a wall): its title and verdict, enough to sort and
 * filter by, without the work of its series, change and notes.
 */
export function offScreenTileView(kpi: Kpi, evaluation: KpiEvaluation | undefined): KpiTileView {
  return {
    id: kpi.id,
    title: kpi.title,
    category: kpi.category,
    status: evaluation?.status ?? 'pending',
    valueText: NO_VALUE,
    dimmed: false,
    notes: [],
    points: [],
    lines: [],
    sparklineLabel: '',
  };
}
