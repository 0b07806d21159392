import type { ReactElement } from 'react';
import type { PlannedQuery } from '../../data/cloudwatch/plan-types';
import { planQueries } from '../../data/cloudwatch/planner';
import type { SeriesRequest } from '../../data/metrics-source';
import { formatInstant } from '../../domain/time/range';

function describeQuery(q: PlannedQuery): ReactElement {
  if (q.MetricStat) {
    const m = q.MetricStat.Metric;
    return (
      <>
        <td>{m.Namespace}</td>
        <td>{m.MetricName}</td>
        <td>{m.Dimensions.map((d) => `${d.Name}=${d.Value}`).join(', ') || '—'}</td>
        <td>{q.MetricStat.Stat}</td>
        <td>{q.MetricStat.Period} s</td>
        <td>—</td>
      </>
    );
  }
  return (
    <>
      <td>—</td>
      <td>—</td>
      <td>—</td>
      <td>—</td>
      <td>{q.Period ? `${q.Period} s` : '—'}</td>
      <td>
        <code>{q.Expression}</code>
      </td>
    </>
  );
}

/** The GetMetricData calls exactly as the planner builds them for this view, with a console link. */
export function QueriesSection(props: {
  groups: ReadonlyArray<{ title: string; requests: SeriesRequest[]; now: number }>;
  consoleUrl?: string;
  /** What this drill-down's own fetches cost, in words. */
  bill?: string;
}): ReactElement {
  return (
    <section className="dd-section" aria-labelledby="dd-queries">
      <h2 id="dd-queries">Queries sent to CloudWatch</h2>
      {props.bill && (
        <p data-testid="drilldown-cost">
          GetMetricData for this view, beyond the dashboard's own refreshes: {props.bill}.
        </p>
      )}
      {props.consoleUrl && (
        <p>
          <a href={props.consoleUrl} target="_blank" rel="noopener noreferrer">
            Open in CloudWatch console
          </a>{' '}
          <span className="dd-note">(same metric or expression, region, period and time range)</span>
        </p>
      )}
      {props.groups.map((group) => {
        const plan = planQueries(group.requests, { now: group.now });
        return (
          <details key={group.title} className="dd-details" open={group === props.groups[0]}>
            <summary>
              {group.title}: {plan.batches.length} GetMetricData call{plan.batches.length === 1 ? '' : 's'},{' '}
              {plan.batches.reduce((n, b) => n + b.queries.length, 0)} queries
            </summary>
            {Object.entries(plan.errors).map(([ref, error]) => (
              <p key={ref} className="notice notice-error">
                {ref}: {error.message}
              </p>
            ))}
            {plan.batches.map((batch, i) => (
              <div
                key={`${batch.region}-${batch.startTime}-${batch.queries[0]?.Id ?? ''}`}
                className="dd-table-wrap"
              >
                <table className="dd-table dd-queries-table">
                  <caption>
                    Call {i + 1}: region {batch.region}, StartTime {formatInstant(batch.startTime)}, EndTime{' '}
                    {formatInstant(batch.endTime)}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Id</th>
                      <th scope="col">Namespace</th>
                      <th scope="col">Metric</th>
                      <th scope="col">Dimensions</th>
                      <th scope="col">Statistic</th>
                      <th scope="col">Period</th>
                      <th scope="col">Expression</th>
                      <th scope="col">Returned</th>
                    </tr>
                  </thead>
                  <tbody>
                    {batch.queries.map((q) => (
                      <tr key={q.Id}>
                        <td>
                          <code>{q.Id}</code>
                        </td>
                        {describeQuery(q)}
                        <td>{q.ReturnData ? 'yes' : 'no'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          </details>
        );
      })}
    </section>
  );
}
