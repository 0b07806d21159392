import type { KpiEvaluation } from './evaluation-types';
import type { ReasonStatus, RiskReason } from './reasons';
import { compareSeverity, type RiskStatus, worstStatus } from './status';

/** The parts of a dashboard outcome the roll-up needs; a parsed Outcome fits. */
export interface OutcomeLike {
  id?: string;
  title: string;
  kpis: readonly string[];
}

export interface OutcomeReason {
  kpiId: string;
  kpiTitle: string;
  status: ReasonStatus;
  /** Names the KPI responsible, e.g. "Payment success rate breached: error budget burning 14.4× …". */
  message: string;
  /** The KPI's own headline reason; absent when the KPI has no evaluation at all. */
  reason?: RiskReason;
}

export interface OutcomeEvaluation {
  title: string;
  status: RiskStatus;
  /** One line per KPI that is not ok, most severe first, in the outcome's KPI order within a status. */
  reasons: OutcomeReason[];
  /** Ids of the KPIs whose status is the outcome's status (empty when ok). */
  responsible: string[];
  /** True when every KPI of the outcome is informational, so only visibility problems can show. */
  informationalOnly: boolean;
}

const STATUS_WORDS: Record<ReasonStatus, string> = {
  breached: 'breached',
  error: 'could not be evaluated',
  'at-risk': 'at risk',
  'no-data': 'has no data',
  unknown: 'is not judged',
};

/**
 * Rolls KPI evaluations up into their business outcome: the most severe status of its non-informational
 * KPIs, with reasons that name the KPI responsible. A KPI id without an evaluation is unknown, never ok.
 * An outcome made only of informational KPIs is never at risk by design, but their errors and missing data
 * still show, so a wall cannot present a blind outcome as healthy.
 */
export function rollUpOutcome(
  outcome: OutcomeLike,
  evaluations: Readonly<Record<string, KpiEvaluation>> | ReadonlyMap<string, KpiEvaluation>,
): OutcomeEvaluation {
  const lookup = (id: string): KpiEvaluation | undefined =>
    evaluations instanceof Map
      ? evaluations.get(id)
      : Object.hasOwn(evaluations, id)
        ? (evaluations as Readonly<Record<string, KpiEvaluation>>)[id]
        : undefined;
  const members = [...new Set(outcome.kpis)].map((id) => ({ id, evaluation: lookup(id) }));
  const informationalOnly = members.length > 0 && members.every((m) => m.evaluation?.informational === true);

  const contributions: Array<{ id: string; status: RiskStatus; evaluation?: KpiEvaluation }> = [];
  for (const { id, evaluation } of members) {
    if (!evaluation) {
      contributions.push({ id, status: 'unknown' });
    } else if (!evaluation.informational) {
      contributions.push({ id, status: evaluation.status, evaluation });
    } else if (informationalOnly && (evaluation.status === 'error' || evaluation.status === 'no-data')) {
      contributions.push({ id, status: evaluation.status, evaluation });
    }
  }
  const status = members.length === 0 ? 'unknown' : worstStatus(contributions.map((c) => c.status));

  const reasons: OutcomeReason[] = [];
  contributions.forEach(({ id, status: memberStatus, evaluation }) => {
    if (memberStatus === 'ok') return;
    const kpiTitle = evaluation?.title ?? id;
    const reason = evaluation?.reasons[0];
    const detail = reason ? withoutTitle(reason.message, kpiTitle) : `no evaluation for KPI '${id}'`;
    // An error already reads as a sentence naming the KPI ("Could not load Orders: AccessDenied",
    // "Orders cannot be loaded: checkout.yaml line 40 …"): said once, not wrapped in "could not be evaluated".
    const namesKpi = memberStatus === 'error' && reason !== undefined && reason.message.includes(kpiTitle);
    reasons.push({
      kpiId: id,
      kpiTitle,
      status: memberStatus,
      message: namesKpi ? reason.message : `${kpiTitle} ${STATUS_WORDS[memberStatus]}: ${detail}`,
      ...(reason ? { reason } : {}),
    });
  });
  if (members.length === 0) {
    reasons.push({
      kpiId: '',
      kpiTitle: '',
      status: 'unknown',
      message: `${outcome.title} lists no KPIs, so nothing judges it`,
    });
  }
  const order = new Map(contributions.map((c, i) => [c.id, i]));
  reasons.sort(
    (a, b) => compareSeverity(b.status, a.status) || (order.get(a.kpiId) ?? 0) - (order.get(b.kpiId) ?? 0),
  );
  const responsible =
    status === 'ok' ? [] : contributions.filter((c) => c.status === status).map((c) => c.id);
  return { title: outcome.title, status, reasons, responsible, informationalOnly };
}

/** "Orders: no data for 25 min" reads "no data for 25 min" after "Orders has no data:". */
function withoutTitle(message: string, title: string): string {
  if (title && message.startsWith(`${title}: `)) return message.slice(title.length + 2);
  if (title && message.startsWith(`${title} `)) return message.slice(title.length + 1);
  return message;
}
