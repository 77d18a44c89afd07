// A card section of a page or dialog: a heading with a line of explanation, optional controls at
// the right (below on a phone), then the content. The section is named by its heading.
import type { ReactNode } from 'react';

interface PanelProps {
  headingId: string | undefined;
  heading: ReactNode;
  subtitle: ReactNode;
  controls?: ReactNode;
  /** h2 on a page, h3 inside a dialog whose title is the h2. */
  level?: 2 | 3;
  /** Fixed heading and subtitle heights, for a panel whose placeholder must match its size. */
  fixedHeader?: boolean;
  /** Padding and outer margin, which differ between page and dialog. */
  className?: string;
  children: ReactNode;
}

export function Panel({ headingId, heading, subtitle, controls, level = 2, fixedHeader = false, className = 'p-4 sm:p-6', children }: PanelProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={headingId} className={`rounded-2xl border border-line bg-surface ${className}`}>
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div className="min-w-0">
          <Heading id={headingId} className={`text-lg font-semibold text-ink ${fixedHeader ? 'flex h-7 items-center' : ''}`}>
            {heading}
          </Heading>
          <p className={`text-sm text-muted ${fixedHeader ? 'mt-0.5 flex min-h-5 items-center' : ''}`}>{subtitle}</p>
        </div>
        {controls}
      </div>
      {children}
    </section>
  );
}
