// The numbers of a chart as a table, behind a disclosure: for screen readers, keyboard users and
// anyone who wants exact figures. Long tables scroll inside their own box.
import { type ReactNode, useId } from 'react';

interface TableAlternativeProps {
  /** The table's caption, which also names its scroll box. */
  caption: string;
  children: ReactNode;
  /** Cap the height and scroll (for long tables such as 5-minute rows). */
  scroll?: boolean;
}

export function TableAlternative({ caption, children, scroll = false }: TableAlternativeProps) {
  const captionId = useId();
  return (
    <details className="group">
      <summary className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg px-1 text-sm font-medium text-accent-ink select-none hover:underline">
        <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90 motion-reduce:transition-none">
          ▸
        </span>
        Show the numbers as a table
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
          {children}
        </table>
      </div>
    </details>
  );
}

export const thClass = 'sticky top-0 border-b border-line bg-surface px-3 py-2 font-medium text-muted';
export const tdClass = 'border-b border-line px-3 py-1.5 text-ink';
