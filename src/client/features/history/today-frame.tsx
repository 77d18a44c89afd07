// The frame of the dashboard's "Today" section, shared by the section and its placeholder so both
// have exactly the same size (the chart code loads lazily; nothing may move when it arrives).
// Deliberately tiny and free of chart code: the dashboard imports it eagerly.
import type { ReactNode } from 'react';
import { Panel } from '@/client/components/ui/panel';
import { Skeleton } from '@/client/components/ui/skeleton';

/** The chart box: a fixed height per breakpoint, whatever is inside (skeleton, chart, message). */
export const TODAY_CHART_BOX = 'relative h-52 sm:h-64 lg:h-72';

interface TodayFrameProps {
  headingId?: string;
  /** "Today", or a placeholder of its size. */
  heading: ReactNode;
  subtitle: ReactNode;
  controls: ReactNode;
  caption: ReactNode;
  chart: ReactNode;
  /** The table disclosure and any note beside it: one row of fixed height. */
  footer: ReactNode;
}

export function TodayFrame({ headingId, heading, subtitle, controls, caption, chart, footer }: TodayFrameProps) {
  return (
    <Panel
      headingId={headingId}
      heading={heading}
      subtitle={subtitle}
      controls={<div className="flex w-full items-end gap-3 sm:w-auto">{controls}</div>}
      fixedHeader
      className="mt-6 p-5 sm:mt-8 sm:p-7"
    >
      <figure className="mt-4">
        {caption}
        {chart}
        <div className="mt-2 min-h-11">{footer}</div>
      </figure>
    </Panel>
  );
}

/** While the chart code loads: the same frame, with placeholders where the content will be. */
export function TodaySkeleton() {
  return (
    <div aria-hidden="true">
      <TodayFrame
        heading={<Skeleton className="h-6 w-20" />}
        subtitle={<Skeleton className="h-4 w-56" />}
        controls={
          <>
            <div className="flex min-w-0 flex-1 flex-col gap-1 sm:w-56 sm:flex-none">
              <Skeleton className="h-5 w-12" />
              <Skeleton className="h-11 w-full" />
            </div>
            <Skeleton className="h-11 w-28" />
          </>
        }
        caption={<Skeleton className="mb-3 h-6 w-64 max-w-full" />}
        chart={<Skeleton className={`${TODAY_CHART_BOX} w-full`} />}
        footer={
          <span className="flex min-h-11 items-center">
            <Skeleton className="h-4 w-52" />
          </span>
        }
      />
    </div>
  );
}
