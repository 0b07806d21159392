import { formatConfigError } from '../kpi/config-error';
import type { KpiEntry, LoadedDashboard } from '../kpi/parse-result';
import type { Kpi } from '../kpi/schema';
import type { VariableValues } from '../kpi/variables';
import type { KpiEvaluation, OutcomeEvaluation } from '../risk';
import { rollUpOutcome } from '../risk';
import type { TimeWindow } from '../series';
import type { BoardHealth, BoardView, OutcomeView, ShownVariable } from './board-types';
import type { Freshness } from './freshness';
import { describeAge } from './freshness';
import { type KpiFetched, kpiTileView, offScreenTileView, type TileContext } from './kpi-tile-view';

export interface BoardInput {
  dashboard: LoadedDashboard;
  /** The value of every declared variable, as resolved for this view. */
  variables: VariableValues;
  /** The window the series were fetched for; absent before the first answer. */
  window?: TimeWindow;
  /** Words for the range after "over": "the last 6 hours". */
  rangeWords: string;
  /** What was fetched for each KPI, by KPI id. */
  fetched?: Readonly<Record<string, KpiFetched>>;
  evaluations: Readonly<Record<string, KpiEvaluation>>;
  /** DescribeAlarms failed for this view: why. */
  alarmsError?: string;
  freshness: Freshness;
  /**
   * The KPIs the screen shows now: the others get a tile with their title and verdict only (enough to
   * sort and filter by), not their series, change and notes. Every KPI in full when absent.
   */
  shown?: ReadonlySet<string>;
  /** The render clock, for ages; domain code never reads it. */
  now: number;
  /** A clock time as the screen shows it, e.g. "18:49". */
  formatClock: (ms: number) => string;
}

/** The id a KPI entry is known by in outcomes and URLs, valid or not. */
export function entryId(entry: KpiEntry): string {
  return entry.ok ? entry.kpi.id : (entry.id ?? `#${entry.index}`);
}

/** The title a KPI entry is shown with, valid or not. */
function entryTitle(entry: KpiEntry): string {
  return entry.ok ? entry.kpi.title : (entry.title ?? entry.id ?? `KPI #${entry.index + 1}`);
}

/** KPIs in the order a reader of the dashboard file expects: outcome by outcome, then the rest. */
function boardOrder(dashboard: LoadedDashboard): KpiEntry[] {
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

/** Variables shown at other than their default value, so every screen can say which world it shows. */
function shownVariables(dashboard: LoadedDashboard, values: VariableValues): ShownVariable[] {
  const out: ShownVariable[] = [];
  for (const [name, variable] of Object.entries(dashboard.variables)) {
    const fallback = variable.default ?? variable.values[0];
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value !== undefined && value !== fallback) out.push({ name, label: variable.label ?? name, value });
  }
  return out;
}

/** A KPI whose definition failed to load, as the roll-up sees it: an error with the file's own words. */
function brokenEvaluation(entry: Extract<KpiEntry, { ok: false }>, now: number): KpiEvaluation {
  const title = entryTitle(entry);
  const first = entry.errors[0];
  const more = entry.errors.length > 1 ? ` (and ${entry.errors.length - 1} more)` : '';
  return {
    title,
    informational: false,
    status: 'error',
    reasons: [
      {
        rule: 'error',
        source: 'input',
        status: 'error',
        message: `${title} cannot be loaded: ${first ? formatConfigError(first) : 'its definition is invalid'}${more}`,
        evaluatedAt: now,
      },
    ],
    evaluatedAt: now,
    period: 60,
    memory: {},
  };
}

function outcomeView(
  outcome: LoadedDashboard['outcomes'][number],
  evaluation: OutcomeEvaluation | undefined,
  input: BoardInput,
): OutcomeView {
  const { freshness } = input;
  const stale = freshness.state === 'stale' && freshness.ageMs !== undefined;
  const failingFirst = freshness.state === 'waiting' && freshness.problem !== undefined;
  const reason = evaluation?.reasons[0]?.message;
  return {
    key: outcome.id ?? outcome.title,
    title: outcome.title,
    status: evaluation?.status ?? (failingFirst ? 'no-data' : 'pending'),
    ...(stale ? { staleAge: describeAge(freshness.ageMs ?? 0) } : {}),
    ...(reason ? { reason } : {}),
    responsible: evaluation?.responsible ?? [],
    kpis: [...outcome.kpis],
  };
}

function health(input: BoardInput, kpis: readonly Kpi[]): BoardHealth {
  const problems: string[] = [];
  const failing = kpis.filter((kpi) => input.fetched?.[kpi.id]?.view?.error !== undefined);
  if (failing.length > 0) {
    const names = failing.slice(0, 3).map((kpi) => kpi.title);
    const rest = failing.length > 3 ? ` and ${failing.length - 3} more` : '';
    problems.push(
      `${failing.length === 1 ? '1 KPI' : `${failing.length} KPIs`} could not be loaded: ${names.join(', ')}${rest}`,
    );
  }
  if (input.alarmsError !== undefined && kpis.some((kpi) => (kpi.alarms?.length ?? 0) > 0)) {
    problems.push(`CloudWatch alarms could not be read: ${input.alarmsError}`);
  }
  const partial = kpis.filter((kpi) => input.fetched?.[kpi.id]?.partial);
  if (partial.length > 0) {
    problems.push(
      `${partial.length === 1 ? '1 KPI has' : `${partial.length} KPIs have`} only part of the range (CloudWatch answered PartialData)`,
    );
  }
  return { problems, failingKpis: failing.length };
}

/**
 * Everything a screen shows for one dashboard, from the dashboard, what was fetched, the risk engine's
 * verdicts, the board's freshness and the clock. Desk, wall and drill-down all render this; none of them
 * computes a value, an age, a change, a status or a reason of its own.
 */
export function buildBoard(input: BoardInput): BoardView {
  const { dashboard } = input;
  const ordered = boardOrder(dashboard);
  const context: TileContext = {
    rangeWords: input.rangeWords,
    freshness: input.freshness,
    now: input.now,
    formatClock: input.formatClock,
    ...(input.window ? { window: input.window } : {}),
    ...(input.alarmsError !== undefined ? { alarmsError: input.alarmsError } : {}),
  };
  const evaluations: Record<string, KpiEvaluation> = { ...input.evaluations };
  const tiles = ordered.map((entry) => {
    if (!entry.ok) {
      const broken = brokenEvaluation(entry, input.now);
      evaluations[entryId(entry)] = broken;
      return {
        id: entryId(entry),
        title: entryTitle(entry),
        category: '',
        status: 'error' as const,
        valueText: '',
        dimmed: false,
        reason: broken.reasons[0]?.message ?? '',
        shortReason: 'This KPI could not be loaded from its file',
        notes: [],
        points: [],
        lines: [],
        sparklineLabel: '',
        errors: entry.errors.map(formatConfigError),
      };
    }
    if (input.shown && !input.shown.has(entry.kpi.id))
      return offScreenTileView(entry.kpi, input.evaluations[entry.kpi.id]);
    return kpiTileView(entry.kpi, input.fetched?.[entry.kpi.id], input.evaluations[entry.kpi.id], context);
  });
  const answered = input.fetched !== undefined;
  const outcomes = dashboard.outcomes.map((outcome) =>
    outcomeView(outcome, answered ? rollUpOutcome(outcome, evaluations) : undefined, input),
  );
  const grouped = new Set(dashboard.outcomes.flatMap((o) => o.kpis));
  const kpis = dashboard.kpis.flatMap((entry) => (entry.ok ? [entry.kpi] : []));
  return {
    tiles,
    outcomes,
    ungrouped: ordered.map(entryId).filter((id) => !grouped.has(id)),
    variables: shownVariables(dashboard, input.variables),
    health: health(input, kpis),
  };
}
