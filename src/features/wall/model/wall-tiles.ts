import type { SparklineLine } from '../../../components/sparkline';
import type { DisplayStatus } from '../../../components/status';
import type { SeriesResult } from '../../../data/metrics-source';
import { formatChange } from '../../../domain/format/format-change';
import { formatValue } from '../../../domain/format/format-value';
import { formatConfigError } from '../../../domain/kpi/config-error';
import type { KpiEntry, LoadedDashboard } from '../../../domain/kpi/parse-result';
import type { Kpi } from '../../../domain/kpi/schema';
import { compareSeverity, type KpiEvaluation, type RiskStatus } from '../../../domain/risk';
import type { Point } from '../../../domain/series';
import { downsampleLttb } from '../../../domain/time/downsample';
import type { KpiSort } from '../../../url/view-params';
import { type BreachMemory, isJustBreached } from './breach-memory';
import { describeAge, type Freshness } from './freshness';

/** A sparkline on a wall tile is a few centimetres wide: more points than this draw the same line. */
const SPARK_POINTS = 120;

/** Everything one wall tile shows, already decided: the component only lays it out. */
export interface WallTileModel {
  key: string;
  title: string;
  /** The risk engine's verdict; `pending` before the first answer, `error` for a KPI that failed to load. */
  status: DisplayStatus;
  /** Set when the board's data is stale: the tile says how old it is instead of a verdict. */
  staleAge?: string;
  /** Became breached moments ago. */
  justBreached: boolean;
  valueText: string;
  change?: { text: string; tone: 'good' | 'bad' | 'neutral' };
  reason?: string;
  points: Point[];
  lines: SparklineLine[];
  sparklineLabel: string;
  /** Configuration errors of a KPI that could not be loaded (file, line, field, what to do). */
  errors?: string[];
}

export interface WallTilesInput {
  dashboard: LoadedDashboard;
  results?: Readonly<Record<string, SeriesResult>>;
  evaluations: Readonly<Record<string, KpiEvaluation>>;
  freshness: Freshness;
  breaches: BreachMemory;
  now: number;
  /** Words for the range, e.g. "last 6 h". */
  rangeWords: string;
  sort?: KpiSort;
  /** Only KPIs whose title contains this text. */
  filter?: string;
}

function entryId(entry: KpiEntry): string {
  return entry.ok ? entry.kpi.id : (entry.id ?? `#${entry.index}`);
}

function entryTitle(entry: KpiEntry): string {
  return entry.ok ? entry.kpi.title : (entry.title ?? entry.id ?? `KPI #${entry.index + 1}`);
}

/** KPIs in the order a reader of the dashboard file expects: outcome by outcome, then the rest. */
export function boardOrder(dashboard: LoadedDashboard): KpiEntry[] {
  const byId = new Map(dashboard.kpis.map((entry) => [entryId(entry), entry]));
  const ordered: KpiEntry[] = [];
  const seen = new Set<string>();
  for (const id of [...dashboard.outcomes.flatMap((o) => o.kpis), ...byId.keys()]) {
    const entry = byId.get(id);
    if (entry && !seen.has(id)) {
      seen.add(id);
      ordered.push(entry);
    }
  }
  return ordered;
}

function referenceLines(kpi: Kpi): SparklineLine[] {
  const format = (v: number): string =>
    formatValue(v, kpi.unit, kpi.currency ? { currency: kpi.currency } : {});
  const lines: SparklineLine[] = [];
  const t = kpi.threshold;
  if (t?.atRisk !== undefined)
    lines.push({ value: t.atRisk, kind: 'at-risk', label: `At risk at ${format(t.atRisk)}` });
  if (t?.breached !== undefined) {
    lines.push({ value: t.breached, kind: 'breached', label: `Breached at ${format(t.breached)}` });
  }
  if (kpi.slo?.threshold !== undefined) {
    lines.push({
      value: kpi.slo.threshold,
      kind: 'target',
      label: `SLO target ${format(kpi.slo.threshold)}`,
    });
  }
  return lines;
}

/** "Payment success rate below 97 % …" reads "Below 97 % …" under a tile already titled Payment success rate. */
export function withoutTitle(message: string, title: string): string {
  if (!message.startsWith(`${title} `)) return message;
  const rest = message.slice(title.length + 1);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function kpiTile(kpi: Kpi, input: WallTilesInput): WallTileModel {
  const options = kpi.currency ? { currency: kpi.currency } : {};
  const evaluation = input.evaluations[kpi.id];
  const points = input.results?.[kpi.id]?.series[0]?.points ?? [];
  const latest = evaluation?.latest?.value ?? points.at(-1)?.v;
  const change = formatChange(points[0]?.v, latest, kpi.unit, { ...options, direction: kpi.direction });
  const stale = input.freshness.state === 'stale' && input.freshness.ageMs !== undefined;
  // Nothing ever arrived and refreshes fail: that is no data, not "loading".
  const failingFirst =
    !evaluation && input.freshness.state === 'waiting' && input.freshness.problem !== undefined;
  return {
    key: kpi.id,
    title: kpi.title,
    status: evaluation?.status ?? (failingFirst ? 'no-data' : 'pending'),
    ...(stale ? { staleAge: describeAge(input.freshness.ageMs ?? 0) } : {}),
    justBreached:
      !stale && evaluation?.status === 'breached' && isJustBreached(input.breaches, kpi.id, input.now),
    valueText: formatValue(latest, kpi.unit, { ...options, compact: true }),
    ...(change.kind === 'unknown'
      ? {}
      : { change: { text: `${change.text} over ${input.rangeWords}`, tone: change.sentiment } }),
    ...(evaluation?.reasons[0] ? { reason: withoutTitle(evaluation.reasons[0].message, kpi.title) } : {}),
    ...(failingFirst ? { reason: 'No data yet: CloudWatch has not answered since the wall started' } : {}),
    points: downsampleLttb(points, SPARK_POINTS),
    lines: referenceLines(kpi),
    sparklineLabel: `${kpi.title} over the ${input.rangeWords}`,
  };
}

function errorTile(entry: Extract<KpiEntry, { ok: false }>): WallTileModel {
  return {
    key: `invalid-${entry.index}`,
    title: entryTitle(entry),
    status: 'error',
    justBreached: false,
    valueText: '',
    reason: 'This KPI could not be loaded from its file',
    points: [],
    lines: [],
    sparklineLabel: '',
    errors: entry.errors.map(formatConfigError),
  };
}

const SORT_RANK: Record<DisplayStatus, RiskStatus> = {
  ok: 'ok',
  pending: 'ok',
  unknown: 'unknown',
  'no-data': 'no-data',
  'at-risk': 'at-risk',
  error: 'error',
  breached: 'breached',
};

/**
 * The board's tiles in display order: as in the file, worst first (`sort=status`: breached, error, at
 * risk … the order of the risk engine's severity, ties in file order) or by title; stale data turns every
 * verdict into its age, so a stale board can never look healthy.
 */
export function buildWallTiles(input: WallTilesInput): WallTileModel[] {
  const filter = input.filter?.toLowerCase();
  const tiles = boardOrder(input.dashboard)
    .filter((entry) => !filter || entryTitle(entry).toLowerCase().includes(filter))
    .map((entry) => (entry.ok ? kpiTile(entry.kpi, input) : errorTile(entry)));
  if (input.sort === 'status') {
    return tiles
      .map((tile, i) => ({ tile, i }))
      .sort((a, b) => compareSeverity(SORT_RANK[b.tile.status], SORT_RANK[a.tile.status]) || a.i - b.i)
      .map(({ tile }) => tile);
  }
  if (input.sort === 'title') return [...tiles].sort((a, b) => a.title.localeCompare(b.title));
  return tiles;
}
