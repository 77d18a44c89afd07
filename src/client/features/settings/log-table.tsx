// A log as a table (Settings ▸ Audit log, the alert log): a caption for screen readers, column
// headings, and rows whose first cell is the entry's time in the site's zone.
import type { ReactNode } from 'react';
import { auditTime } from './audit-words';

interface LogTableProps {
  caption: string;
  columns: readonly string[];
  /** The wrapper's classes (it scrolls sideways on a narrow screen). */
  className?: string;
  children: ReactNode;
}

export function LogTable({ caption, columns, className = 'mt-4 overflow-x-auto', children }: LogTableProps) {
  return (
    <div className={className}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-line text-muted">
            {columns.map((column, i) => (
              <th key={column} scope="col" className={`py-2 font-semibold ${i < columns.length - 1 ? 'pe-4' : ''}`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A log row's first cell: when, on the site's clock. */
export function LogTimeCell({ at, timeZone }: { at: string; timeZone: string | undefined }) {
  return (
    <td className="py-2.5 pe-4 whitespace-nowrap text-ink">
      <time dateTime={at}>{auditTime(at, timeZone)}</time>
    </td>
  );
}

export const LOG_ROW = 'border-b border-line align-top last:border-b-0';
