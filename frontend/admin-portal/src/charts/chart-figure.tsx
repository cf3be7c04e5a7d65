import { useId, useState, type ReactNode } from 'react';
import { downloadText, toCsv, type Cell } from '../ui/csv.ts';
import { TableFrame } from '../ui/table-frame.tsx';

export interface DataColumn<Row> {
  header: string;
  /** What the table shows. */
  show: (row: Row) => ReactNode;
  /** What the CSV holds (plain numbers for amounts, so spreadsheets can sum them). */
  csv: (row: Row) => Cell;
  numeric?: boolean;
}

interface Props<Row> {
  title: string;
  rows: readonly Row[];
  columns: readonly DataColumn<Row>[];
  /** The CSV file's name, without .csv. */
  filename: string;
  /** The chart itself; drawn only when there are rows. */
  chart: ReactNode;
  empty?: string;
  /** Said under the chart (e.g. that it shows only the first rows of the table). */
  note?: string | undefined;
  testId?: string;
}

/**
 * One chart with its data: a Chart / Table switch (the table is what a screen reader reads, and what anyone can
 * copy), and the same rows as CSV.
 */
export function ChartFigure<Row>({ title, rows, columns, filename, chart, empty, note, testId }: Props<Row>) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const headingId = useId();
  const download = () =>
    downloadText(
      `${filename}.csv`,
      toCsv(
        columns.map((c) => c.header),
        rows.map((row) => columns.map((c) => c.csv(row))),
      ),
    );
  return (
    <figure className="chart" aria-labelledby={headingId} data-testid={testId}>
      <figcaption>
        <h2 id={headingId}>{title}</h2>
        {rows.length > 0 && (
          <div className="actions" role="group" aria-label={`${title}: view and export`}>
            <button
              type="button"
              className="secondary small"
              aria-pressed={view === 'chart'}
              onClick={() => setView('chart')}
            >
              Chart
            </button>
            <button
              type="button"
              className="secondary small"
              aria-pressed={view === 'table'}
              onClick={() => setView('table')}
            >
              Table
            </button>
            <button type="button" className="secondary small" onClick={download}>
              Download CSV
            </button>
          </div>
        )}
      </figcaption>
      {rows.length === 0 ? (
        <p className="muted">{empty ?? 'No data for this period.'}</p>
      ) : view === 'chart' ? (
        <>
          {chart}
          {note && <p className="muted">{note}</p>}
        </>
      ) : (
        <TableFrame label={`${title} (table)`}>
          <table>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c.header} className={c.numeric ? 'num' : undefined}>
                      {c.show(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </figure>
  );
}
