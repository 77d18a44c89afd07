// "Download … as CSV" under a history chart: the export of exactly the range (and space) the chart shows.
import { DownloadIcon } from '@/client/components/ui/icons';
import { t } from '@/client/i18n/i18n';
import { formatDateRange } from './chart-format';
import { type DateRange, exportHref } from './history-ranges';

/** `resolution`: 'day' downloads "these days", 'hour' "these hours". */
export function ExportLink({ range, resolution, space }: { range: DateRange; resolution: 'day' | 'hour'; space?: string | undefined }) {
  return (
    <a
      href={exportHref(range, resolution, space)}
      className="inline-flex min-h-11 items-center gap-2 rounded-lg px-1 text-sm font-medium text-accent-ink hover:underline"
    >
      <DownloadIcon className="size-5" />
      {resolution === 'day' ? t('history.export.days') : t('history.export.hours')}
      <span className="sr-only"> {t('history.export.detail', { range: formatDateRange(range.from, range.to), resolution })}</span>
    </a>
  );
}
