import { type ReactElement, useMemo, useState } from 'react';
import { formatTimestamp, type TimeZoneChoice } from '../../domain/format/format-time';
import { joinColumns, type TableColumn, toCsv } from './model/csv';

const PAGE = 50;

/** Every datapoint (never downsampled), newest first, a page at a time, and the whole table as CSV. */
export function DatapointsSection(props: {
  columns: readonly TableColumn[];
  formatters: ReadonlyArray<(v: number) => string>;
  tz: TimeZoneChoice;
  fileName: string;
}): ReactElement {
  const rows = useMemo(() => joinColumns(props.columns).reverse(), [props.columns]);
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = rows.slice(current * PAGE, current * PAGE + PAGE);
  const download = (): void => {
    const blob = new Blob([toCsv(props.columns)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = props.fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const count = new Intl.NumberFormat().format(rows.length);
  return (
    <section className="dd-section" aria-labelledby="dd-datapoints">
      <h2 id="dd-datapoints">Datapoints</h2>
      <div className="dd-controls-row">
        <button type="button" className="dd-button" onClick={download} disabled={rows.length === 0}>
          Download CSV ({count} rows)
        </button>
        <span className="dd-pager">
          <button
            type="button"
            className="dd-button"
            onClick={() => setPage(current - 1)}
            disabled={current === 0}
          >
            Newer
          </button>
          <span aria-live="polite">
            Rows {rows.length === 0 ? 0 : current * PAGE + 1}–{Math.min(rows.length, (current + 1) * PAGE)} of{' '}
            {count}
          </span>
          <button
            type="button"
            className="dd-button"
            onClick={() => setPage(current + 1)}
            disabled={current >= pages - 1}
          >
            Older
          </button>
        </span>
      </div>
      <div className="dd-table-wrap">
        <table className="dd-table dd-datapoints">
          <thead>
            <tr>
              <th scope="col">Time</th>
              {props.columns.map((c) => (
                <th scope="col" key={c.header}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.t}>
                <td>{formatTimestamp(row.t, props.tz)}</td>
                {row.values.map((v, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed for the table's life
                  <td key={i}>{v === undefined ? '—' : (props.formatters[i] ?? String)(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
