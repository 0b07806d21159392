/**
 * Risk statuses, least to most severe:
 *
 *   ok < unknown < no-data < at-risk < error < breached
 *
 * - `breached` is a business outcome that is failing now: the most urgent thing on a wall.
 * - `error` ranks above `at-risk` because the wall is blind to that KPI: it may be breached right now,
 *   and only a person can fix the cause (credentials, a bad query, a throttled account).
 * - `at-risk` is a measured early warning (a budget burning slowly, a trend, an anomaly, a softer threshold).
 * - `no-data` (missing or stale datapoints, an alarm with insufficient data) is a visibility problem that
 *   is often expected (a quiet night), so it ranks below a measured warning, but never counts as healthy.
 * - `unknown` means nothing could judge the KPI (no rule applies, or too little data for the rules it has).
 * - `ok` is the only healthy status: every rule that applies judged the KPI and none flagged it.
 */
export const RISK_STATUSES = ['ok', 'unknown', 'no-data', 'at-risk', 'error', 'breached'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

const RANK: Record<RiskStatus, number> = {
  ok: 0,
  unknown: 1,
  'no-data': 2,
  'at-risk': 3,
  error: 4,
  breached: 5,
};

/** Orders two statuses by severity (negative when a is less severe), so lists can be sorted worst-first. */
export function compareSeverity(a: RiskStatus, b: RiskStatus): number {
  return RANK[a] - RANK[b];
}

/** The most severe of the given statuses; `ok` for none, since no member means nothing flags it. */
export function worstStatus(statuses: Iterable<RiskStatus>): RiskStatus {
  let worst: RiskStatus = 'ok';
  for (const status of statuses) {
    if (RANK[status] > RANK[worst]) worst = status;
  }
  return worst;
}

/** Whether a status counts as healthy; only `ok` does, so stale, unknown or errored never pass as healthy. */
export function isHealthy(status: RiskStatus): boolean {
  return status === 'ok';
}
