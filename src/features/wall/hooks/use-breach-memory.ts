import { useEffect, useState } from 'react';
import type { KpiEvaluation, RiskStatus } from '../../../domain/risk';
import { type BreachMemory, EMPTY_BREACH_MEMORY, noteBreaches } from '../model/breach-memory';

/** Remembers each KPI's last status across refreshes, to notice the moment one becomes breached. */
export function useBreachMemory(evaluations: Readonly<Record<string, KpiEvaluation>>): BreachMemory {
  const [memory, setMemory] = useState<BreachMemory>(EMPTY_BREACH_MEMORY);
  useEffect(() => {
    const statuses: Record<string, RiskStatus> = {};
    for (const [id, evaluation] of Object.entries(evaluations)) statuses[id] = evaluation.status;
    if (Object.keys(statuses).length === 0) return;
    setMemory((previous) => noteBreaches(previous, statuses, Date.now()));
  }, [evaluations]);
  return memory;
}
