// "Download … as CSV" under a history chart: the export of exactly the range (and space) the chart shows.
import { DownloadIcon } from '@/client/components/ui/icons';
import type { Resolution } from '@/shared/api-schema';
import { formatDateRange } from './chart-format';
import { type DateRange, exportHref } from './history-ranges';

export function ExportLink({ range, resolution, what, space }: { range: DateRange; resolution: Resolution; what: string; space?: string | undefined }) {
  return (
    <a
      href={exportHref(range, resolution, space)}
      className="inline-flex min-h-11 items-center gap-2 rounded-lg px-1 text-sm font-medium text-accent-ink hover:underline"
    >
      <DownloadIcon className="size-5" />
      Download {what} as CSV
      <span className="sr-only">
        ({formatDateRange(range.from, range.to)}, {resolution === 'day' ? 'one row per door and day' : 'one row per door and hour'})
      </span>
    </a>
  );
}
