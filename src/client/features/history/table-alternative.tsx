// The numbers of a chart as a table, behind a disclosure: for screen readers, keyboard users and
// anyone who wants exact figures. Long tables scroll inside their own box.
import { type ReactNode, useId } from 'react';
import { t } from '@/client/i18n/i18n';

interface TableAlternativeProps<Row> {
  /** The table's caption, which also names its scroll box. */
  caption: string;
  /** Column headings: the first heads the row headers, the others the number columns. */
  columns: readonly ReactNode[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** A row's cells in column order: its header (a time, a day), then its numbers. */
  cells: (row: Row) => readonly ReactNode[];
  /** Cap the height and scroll (for long tables such as 5-minute rows). */
  scroll?: boolean;
}

const thClass = 'sticky top-0 border-b border-line bg-surface px-3 py-2 font-medium text-muted';
const tdClass = 'border-b border-line px-3 py-1.5 text-ink';

export function TableAlternative<Row>({ caption, columns, rows, rowKey, cells, scroll = false }: TableAlternativeProps<Row>) {
  const captionId = useId();
  return (
    <details className="group">
      <summary className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg px-1 text-sm font-medium text-accent-ink select-none hover:underline">
        <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90 motion-reduce:transition-none">
          ▸
        </span>
        {t('history.table.show')}
      </summary>
      <div
        // A scrolling region must be reachable by keyboard to be scrolled.
        tabIndex={scroll ? 0 : undefined}
        role={scroll ? 'region' : undefined}
        aria-labelledby={scroll ? captionId : undefined}
        className={`mt-2 overflow-x-auto rounded-lg border border-line ${scroll ? 'max-h-80 overflow-y-auto' : ''}`}
      >
        <table className="w-full border-collapse text-left text-sm tabular-nums">
          <caption id={captionId} className="bg-sunken px-3 py-2 text-left text-sm font-medium text-ink">
            {caption}
          </caption>
          <thead>
            <tr>
              {columns.map((heading, i) => (
                <th key={i} scope="col" className={i === 0 ? thClass : `${thClass} text-right`}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const [header, ...numbers] = cells(row);
              return (
                <tr key={rowKey(row)}>
                  <th scope="row" className={`${tdClass} font-normal whitespace-nowrap`}>
                    {header}
                  </th>
                  {numbers.map((n, i) => (
                    <td key={i} className={`${tdClass} text-right`}>
                      {n}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
