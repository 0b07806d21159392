import type { KpiTileModel } from '../../components/kpi-tile';
import type { SparklineLine } from '../../components/sparkline';
import type { SeriesResult } from '../../data/metrics-source';
import { formatChange } from '../../domain/format/format-change';
import { formatValue } from '../../domain/format/format-value';
import type { Kpi } from '../../domain/kpi/schema';
import type { KpiEvaluation } from '../../domain/risk';

/** Threshold and target lines drawn on a KPI's sparkline. */
export function referenceLines(kpi: Kpi): SparklineLine[] {
  const format = (v: number): string =>
    formatValue(v, kpi.unit, kpi.currency ? { currency: kpi.currency } : {});
  const lines: SparklineLine[] = [];
  if (kpi.threshold?.atRisk !== undefined) {
    lines.push({
      value: kpi.threshold.atRisk,
      kind: 'at-risk',
      label: `At risk at ${format(kpi.threshold.atRisk)}`,
    });
  }
  if (kpi.threshold?.breached !== undefined) {
    lines.push({
      value: kpi.threshold.breached,
      kind: 'breached',
      label: `Breached at ${format(kpi.threshold.breached)}`,
    });
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

const percent = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "SLO 99.5 %: 97 % met · budget 42 % left" (or "overspent by 540 %"), when the KPI has an SLO. */
export function sloLine(evaluation: KpiEvaluation | undefined): Pick<KpiTileModel, 'slo'> {
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

interface TileInput {
  kpi: Kpi;
  result?: SeriesResult;
  evaluation?: KpiEvaluation;
  /** Words for the range on screen, e.g. "the last 6 hours". */
  rangeWords: string;
}

/** Everything a tile shows, derived from the KPI, its fetched series and the risk engine's verdict. */
export function buildTileModel({ kpi, result, evaluation, rangeWords }: TileInput): KpiTileModel {
  const options = { ...(kpi.currency ? { currency: kpi.currency } : {}) };
  const points = result?.series[0]?.points ?? [];
  const latest = evaluation?.latest?.value ?? points.at(-1)?.v;
  const first = points[0]?.v;
  const change =
    first !== undefined && latest !== undefined
      ? formatChange(first, latest, kpi.unit, { ...options, direction: kpi.direction })
      : undefined;
  const notes: string[] = [];
  if (result && !result.complete)
    notes.push(`Partial data: ${result.messages.join('; ') || 'CloudWatch returned part of the range'}`);
  return {
    id: kpi.id,
    title: kpi.title,
    category: kpi.category,
    valueText: formatValue(latest, kpi.unit, { ...options, compact: true }),
    ...(change && change.kind !== 'unknown'
      ? { change: { text: `${change.text} over ${rangeWords}`, tone: change.sentiment } }
      : {}),
    status: evaluation?.status ?? 'pending',
    ...(evaluation?.reasons[0] ? { reason: evaluation.reasons[0].message } : {}),
    points,
    lines: referenceLines(kpi),
    sparklineLabel: `${kpi.title} over ${rangeWords}`,
    ...(notes.length ? { note: notes.join(' ') } : {}),
    ...sloLine(evaluation),
  };
}
