// The history view, a modal panel over the dashboard (full screen on a phone): visitors per day
// for the last 7 or 30 days against the same weekday a week earlier, and the peak hours of the
// last four weeks, for the whole site or the space chosen in its header (the same choice as
// Today's). Each part can be downloaded as CSV for exactly the range and space it shows.
import { type ReactNode, useId } from 'react';
import { buttonClass } from '@/client/components/ui/button';
import { Dialog } from '@/client/components/ui/dialog';
import { ErrorBoundary } from '@/client/components/ui/error-boundary';
import { CloseIcon } from '@/client/components/ui/icons';
import { t } from '@/client/i18n/i18n';
import { tx } from '@/client/i18n/use-t';
import { addDaysToDateString, todayIn } from '@/shared/zoned';
import { formatDay } from './chart-format';
import { PeakHoursSection } from './peak-hours-section';
import { siteOptionFallback, type SpaceChoices, type SpaceOption } from './space-choice';
import { SpaceSelect } from './space-select';
import { VisitorsSection } from './visitors-section';

interface HistoryDialogProps {
  onClose: () => void;
  timeZone: string;
  /** The server's "now" (the live answer's time): which day is today in the site's zone. */
  nowIso: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekStartsOn: number;
  siteName: string | undefined;
  /** The spaces to choose from, the one shown, and the way to choose another (shared with Today). */
  choices?: SpaceChoices;
  chosen?: SpaceOption;
  onChoose?: (id: string) => void;
}

export function HistoryDialog({ onClose, timeZone, nowIso, weekStartsOn, siteName, choices, chosen, onChoose }: HistoryDialogProps) {
  const headingId = useId();
  const selectId = useId();
  const space = chosen ?? siteOptionFallback();
  const today = todayIn(timeZone, new Date(nowIso));
  const yesterday = addDaysToDateString(today, -1);
  const date = formatDay(yesterday);
  const day = (chunks: ReactNode[]) => <time dateTime={yesterday}>{chunks}</time>;

  return (
    <Dialog
      labelledBy={headingId}
      onClose={onClose}
      className="m-0 h-dvh max-h-none w-full max-w-none overflow-y-auto overscroll-contain bg-canvas sm:m-auto sm:h-auto sm:max-h-[calc(100dvh-4rem)] sm:w-[min(72rem,calc(100vw-4rem))] sm:rounded-2xl sm:border sm:border-line"
    >
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-line bg-surface px-4 py-3 sm:flex-nowrap sm:px-7">
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="text-xl font-semibold text-ink">
            {t('history.dialog.title')}
          </h2>
          <p className="truncate text-sm text-muted">
            <span className="hidden sm:inline">
              {siteName ? tx('history.dialog.subtitleSite', { site: siteName, date, day }) : tx('history.dialog.subtitle', { date, day })}
            </span>
            <span className="sm:hidden">{tx('history.dialog.subtitleShort', { date, day })}</span>
          </p>
        </div>
        {choices && onChoose && choices.options.length > 1 ? (
          // Below the title on a phone (order), between title and Close on a wider screen.
          <div className="order-last flex w-full items-center gap-2 sm:order-none sm:w-80 sm:shrink-0">
            <label htmlFor={selectId} className="text-sm font-medium text-muted">
              {t('history.show')}
            </label>
            <SpaceSelect id={selectId} choices={choices} value={space.id} onChange={onChoose} />
          </div>
        ) : null}
        <button type="button" onClick={onClose} className={buttonClass('secondary', 'shrink-0 px-3')}>
          <CloseIcon className="size-5" />
          {t('history.close')}
        </button>
      </div>
      <div className="grid gap-5 p-4 sm:gap-6 sm:p-7">
        <ErrorBoundary name={t('history.boundary.visitors')}>
          <VisitorsSection today={today} space={space} />
        </ErrorBoundary>
        <ErrorBoundary name={t('history.boundary.peaks')}>
          <PeakHoursSection today={today} weekStartsOn={weekStartsOn} space={space} />
        </ErrorBoundary>
      </div>
    </Dialog>
  );
}
