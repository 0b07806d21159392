import type { RiskStatus } from '../risk';
import type { Point, TimeWindow } from '../series';

/** What a screen shows as a verdict; `pending` is before the first answer. */
export type BoardStatus = RiskStatus | 'pending';

/** A horizontal line on a KPI's chart: a threshold or the SLO target. */
export interface ReferenceLine {
  value: number;
  kind: 'at-risk' | 'breached' | 'target';
  label: string;
}

/** A note CloudWatch attached to a result or call, by its service code. */
export interface BoardMessage {
  code: string;
  text: string;
  remedy?: string;
}

/** The parts of one fetched series the board reads; the data layer's SeriesResult fits. */
export interface BoardSeries {
  series: ReadonlyArray<{ points: readonly Point[] }>;
  /** Seconds between the points. */
  period: number;
  complete: boolean;
  messages: readonly BoardMessage[];
  error?: { code: string; message: string };
}

/** One KPI as every screen shows it, already decided: components only lay it out. */
export interface KpiTileView {
  id: string;
  title: string;
  category: string;
  /** The verdict: the risk engine's, pending before the first answer, error for a KPI that failed to load. */
  status: BoardStatus;
  /** The newest complete period's value, or "—" when there is none. */
  valueText: string;
  /** When the value is from (start of its period), when there is one. */
  valueAt?: number;
  /** True when the value should be drawn faintly: old, missing or from a board whose data is stale. */
  dimmed: boolean;
  /** The period still filling, e.g. "so far 260 (period in progress)"; never the headline. */
  soFar?: string;
  /** Set when the newest datapoint is older than expected: "as of 18:49, 40 min ago". */
  age?: string;
  /** Set when the whole board's data is stale (refreshes failing): how old it is. */
  staleAge?: string;
  /** The typical level at the end of the range against the start, and whether that is good. */
  change?: { text: string; tone: 'good' | 'bad' | 'neutral' };
  /** The first reason, as a sentence naming the KPI. */
  reason?: string;
  /** The same reason under a tile already titled with the KPI. */
  shortReason?: string;
  /** CloudWatch's messages, partial data, alarms that could not be read: each with what to do. */
  notes: string[];
  /** The view series: complete periods and the one in progress, for the sparkline and chart. */
  points: readonly Point[];
  /** The selected window: axes span it, so missing data at either end shows as a gap. */
  window?: TimeWindow;
  /** Seconds between the points: a longer step is a missing period, drawn as a gap. */
  period?: number;
  lines: ReferenceLine[];
  sparklineLabel: string;
  /** "SLO 99.5 %: 97 % met · 42 % budget left", with the budget left (1 untouched, ≤ 0 spent). */
  slo?: { text: string; budgetRemaining: number };
  /** Configuration errors of a KPI that could not be loaded (file, line, field, what to do). */
  errors?: string[];
}

/** One business outcome, rolled up from its KPIs. */
export interface OutcomeView {
  key: string;
  title: string;
  status: BoardStatus;
  /** Set when the whole board's data is stale. */
  staleAge?: string;
  /** The first reason, naming the KPI responsible. */
  reason?: string;
  /** Ids of the KPIs that make the outcome's status. */
  responsible: string[];
  /** The KPIs listed under the outcome, in the file's order. */
  kpis: string[];
}

/** A variable the view shows at a value other than its default: said on every screen. */
export interface ShownVariable {
  name: string;
  label: string;
  value: string;
}

/** Whether the data on screen can be trusted as a whole. */
export interface BoardHealth {
  /** Problems with part of the data, in words: failing KPIs, alarms that could not be read. */
  problems: string[];
  /** KPIs whose series could not be loaded. */
  failingKpis: number;
}

export interface BoardView {
  /** Every KPI in the order a reader of the file expects: outcome by outcome, then the rest. */
  tiles: KpiTileView[];
  outcomes: OutcomeView[];
  /** Ids of KPIs that belong to no outcome. */
  ungrouped: string[];
  /** Variables not at their default values, e.g. Environment: staging. */
  variables: ShownVariable[];
  health: BoardHealth;
}
