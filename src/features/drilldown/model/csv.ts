import type { Point } from '../../../domain/series';

export interface TableColumn {
  header: string;
  points: readonly Point[];
}

export interface TableRow {
  t: number;
  values: Array<number | undefined>;
}

/** Every timestamp of every column, oldest first, with each column's value or a gap: never downsampled. */
export function joinColumns(columns: readonly TableColumn[]): TableRow[] {
  const byTime = new Map<number, Array<number | undefined>>();
  columns.forEach((column, i) => {
    for (const p of column.points) {
      let row = byTime.get(p.t);
      if (!row) {
        row = new Array<number | undefined>(columns.length).fill(undefined);
        byTime.set(p.t, row);
      }
      row[i] = p.v;
    }
  });
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([t, values]) => ({ t, values }));
}

/** A field as RFC 4180 wants it; text that a spreadsheet would run as a formula is prefixed with '. */
function field(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with an ISO 8601 UTC time column and full-precision numbers, for spreadsheets and scripts. */
export function toCsv(columns: readonly TableColumn[]): string {
  const header = ['time (UTC)', ...columns.map((c) => c.header)].map(field).join(',');
  const lines = joinColumns(columns).map((row) =>
    [new Date(row.t).toISOString(), ...row.values.map((v) => (v === undefined ? '' : String(v)))].join(','),
  );
  return `${[header, ...lines].join('\r\n')}\r\n`;
}
