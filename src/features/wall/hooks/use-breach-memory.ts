import { useEffect, useState } from 'react';
import type { KpiEvaluation, RiskStatus } from '../../../domain/risk';
import {
  type BreachMemory,
  currentStatuses,
  EMPTY_BREACH_MEMORY,
  noteBreaches,
} from '../model/breach-memory';

/**
 * Remembers each KPI's last status across refreshes, to notice the moment one becomes breached. A paged
 * wall judges only the page on screen, so a KPI of the board not judged this time keeps its last status.
 */
export function useBreachMemory(
  evaluations: Readonly<Record<string, KpiEvaluation>>,
  kpiIds: readonly string[],
): BreachMemory {
  const [memory, setMemory] = useState<BreachMemory>(EMPTY_BREACH_MEMORY);
  const idsKey = kpiIds.join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the board's KPIs are keyed by their ids.
  useEffect(() => {
    if (Object.keys(evaluations).length === 0) return;
    const judged: Record<string, RiskStatus> = {};
    for (const [id, evaluation] of Object.entries(evaluations)) judged[id] = evaluation.status;
    setMemory((previous) => noteBreaches(previous, currentStatuses(previous, judged, kpiIds), Date.now()));
  }, [evaluations, idsKey]);
  return memory;
}
