import type { ReactElement } from 'react';
import { BurnDownChart } from '../../components/chart/burn-down-chart';
import { refs } from '../../data/kpi-requests';
import type { FetchReport } from '../../data/metrics-source';
import type { TimeZoneChoice } from '../../domain/format/format-time';
import type { Kpi } from '../../domain/kpi/schema';
import { formatRate, type KpiEvaluation, planSloFetch } from '../../domain/risk';
import { describeSpan } from '../../domain/time/duration';
import { burnDown } from './model/burn-down';

const pct = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 });

/** Attainment, budget left, the burn-rate windows and the budget burn-down over the SLO window. */
export function SloSection(props: {
  kpi: Kpi;
  evaluation?: KpiEvaluation;
  report?: FetchReport;
  now?: number;
  tz: TimeZoneChoice;
}): ReactElement | null {
  const { kpi, evaluation, report, now } = props;
  const slo = kpi.slo;
  if (!slo) return null;
  const facts = evaluation?.slo;
  const fetch =
    now === undefined ? undefined : planSloFetch(slo, now).find((f) => f.serves.includes(slo.window));
  const points = (metric: 'good' | 'total' | 'value') =>
    fetch && report ? (report.results[refs.slo(kpi.id, fetch, metric)]?.series[0]?.points ?? []) : [];
  const burn = fetch
    ? burnDown(kpi, {
        good: points('good'),
        total: points('total'),
        values: points('value'),
        period: fetch.period,
      })
    : [];
  const windowWords = describeSpan(slo.window);
  return (
    <section className="dd-section" aria-labelledby="dd-slo">
      <h2 id="dd-slo">Service level objective</h2>
      <dl className="dd-numbers">
        <div>
          <dt>Objective</dt>
          <dd>
            {slo.objective} % over {windowWords}
          </dd>
        </div>
        <div>
          <dt>Attainment</dt>
          <dd>{facts?.attainment === undefined ? '—' : pct.format(facts.attainment)}</dd>
        </div>
        <div>
          <dt>Error budget left</dt>
          <dd className={facts?.budgetRemaining !== undefined && facts.budgetRemaining <= 0 ? 'dd-bad' : ''}>
            {facts?.budgetRemaining === undefined
              ? '—'
              : facts.budgetRemaining >= 0
                ? pct.format(facts.budgetRemaining)
                : `overspent by ${pct.format(-facts.budgetRemaining)}`}
          </dd>
        </div>
      </dl>
      {facts && facts.burnRates.length > 0 && (
        <table className="dd-table dd-burn-table">
          <caption>Burn rates (how many times faster than sustainable the budget is spent)</caption>
          <thead>
            <tr>
              <th scope="col">Long window</th>
              <th scope="col">Short window</th>
              <th scope="col">Alert above</th>
              <th scope="col">Long burn</th>
              <th scope="col">Short burn</th>
              <th scope="col">Firing</th>
            </tr>
          </thead>
          <tbody>
            {facts.burnRates.map((b) => (
              <tr key={`${b.long}-${b.short}`}>
                <td>{describeSpan(b.long)}</td>
                <td>{describeSpan(b.short)}</td>
                <td>
                  {formatRate(b.rate)} ({b.severity === 'breached' ? 'breached' : 'at risk'})
                </td>
                <td>{b.longBurnRate === undefined ? '—' : formatRate(b.longBurnRate)}</td>
                <td>{b.shortBurnRate === undefined ? '—' : formatRate(b.shortBurnRate)}</td>
                <td>{b.firing ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {fetch && burn.length > 0 && (
        <>
          <h3 className="dd-subhead">Error budget burn-down over the last {windowWords}</h3>
          <BurnDownChart
            label={`Error budget left over the last ${windowWords}, from 100 % down to ${pct.format(burn.at(-1)?.remaining ?? 1)}`}
            points={burn}
            window={fetch.window}
            tz={props.tz}
          />
        </>
      )}
    </section>
  );
}
