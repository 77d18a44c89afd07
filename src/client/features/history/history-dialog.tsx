// The history view, a modal panel over the dashboard (full screen on a phone): visitors per day
// for the last 7 or 30 days against the same weekday a week earlier, and the peak hours of the
// last four weeks. Each part can be downloaded as CSV for exactly the range it shows.
import { useId } from 'react';
import { buttonClass } from '@/client/components/ui/button';
import { Dialog } from '@/client/components/ui/dialog';
import { ErrorBoundary } from '@/client/components/ui/error-boundary';
import { CloseIcon } from '@/client/components/ui/icons';
import { addDaysToDateString, todayIn } from '@/shared/zoned';
import { formatDay } from './chart-format';
import { PeakHoursSection } from './peak-hours-section';
import { VisitorsSection } from './visitors-section';

interface HistoryDialogProps {
  onClose: () => void;
  timeZone: string;
  /** The server's "now" (the live answer's time): which day is today in the site's zone. */
  nowIso: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekStartsOn: number;
  siteName: string | undefined;
}

export function HistoryDialog({ onClose, timeZone, nowIso, weekStartsOn, siteName }: HistoryDialogProps) {
  const headingId = useId();
  const today = todayIn(timeZone, new Date(nowIso));
  const yesterday = addDaysToDateString(today, -1);

  return (
    <Dialog
      labelledBy={headingId}
      onClose={onClose}
      className="m-0 h-dvh max-h-none w-full max-w-none overflow-y-auto overscroll-contain bg-canvas sm:m-auto sm:h-auto sm:max-h-[calc(100dvh-4rem)] sm:w-[min(72rem,calc(100vw-4rem))] sm:rounded-2xl sm:border sm:border-line"
    >
      <div className="sticky top-0 z-10 flex items-center justify-between gap-4 border-b border-line bg-surface px-4 py-3 sm:px-7">
        <div className="min-w-0">
          <h2 id={headingId} className="text-xl font-semibold text-ink">
            History
          </h2>
          <p className="truncate text-sm text-muted">
            <span className="hidden sm:inline">{siteName ? `${siteName} · whole days up` : 'Whole days up'}</span>
            <span className="sm:hidden">Up</span> to yesterday, <time dateTime={yesterday}>{formatDay(yesterday)}</time>
          </p>
        </div>
        <button type="button" onClick={onClose} className={buttonClass('secondary', 'shrink-0 px-3')}>
          <CloseIcon className="size-5" />
          Close
        </button>
      </div>
      <div className="grid gap-5 p-4 sm:gap-6 sm:p-7">
        <ErrorBoundary name="Visitors per day">
          <VisitorsSection today={today} />
        </ErrorBoundary>
        <ErrorBoundary name="Peak hours">
          <PeakHoursSection today={today} weekStartsOn={weekStartsOn} />
        </ErrorBoundary>
      </div>
    </Dialog>
  );
}
