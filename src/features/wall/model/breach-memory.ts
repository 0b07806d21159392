import type { RiskStatus } from '../../../domain/risk';

/** How long a KPI that has just become breached is emphasised on the wall. */
export const JUST_BREACHED_MS = 2 * 60_000;

/** The statuses a board last showed, and when each breached KPI became breached. */
export interface BreachMemory {
  statuses: Readonly<Record<string, RiskStatus>>;
  breachedAt: Readonly<Record<string, number>>;
}

export const EMPTY_BREACH_MEMORY: BreachMemory = { statuses: {}, breachedAt: {} };

/**
 * Notes which KPIs went from a known, non-breached status to breached at `now`. The first status seen
 * for a KPI is not a change: a wall switched on during an incident does not flash every tile. Only the
 * KPIs passed in are remembered, so the memory never outgrows the board.
 */
export function noteBreaches(
  memory: BreachMemory,
  statuses: Readonly<Record<string, RiskStatus>>,
  now: number,
): BreachMemory {
  const breachedAt: Record<string, number> = {};
  for (const [id, status] of Object.entries(statuses)) {
    if (status !== 'breached') continue;
    const before = memory.statuses[id];
    const since = memory.breachedAt[id];
    if (since !== undefined) breachedAt[id] = since;
    else if (before !== undefined && before !== 'breached') breachedAt[id] = now;
  }
  return { statuses: { ...statuses }, breachedAt };
}

/**
 * The statuses to note for a board's KPIs: this refresh's verdicts, and for a KPI not judged this time (on
 * another page of a paged wall) the status last seen. KPIs no longer on the board are dropped.
 */
export function currentStatuses(
  memory: BreachMemory,
  judged: Readonly<Record<string, RiskStatus>>,
  kpiIds: readonly string[],
): Record<string, RiskStatus> {
  const out: Record<string, RiskStatus> = {};
  for (const id of kpiIds) {
    const status = judged[id] ?? memory.statuses[id];
    if (status !== undefined) out[id] = status;
  }
  return out;
}

/** Whether a KPI became breached less than JUST_BREACHED_MS ago. */
export function isJustBreached(memory: BreachMemory, id: string, now: number): boolean {
  const since = memory.breachedAt[id];
  return since !== undefined && now - since < JUST_BREACHED_MS;
}
