// The history view, a modal panel over the dashboard (full screen on a phone): visitors per day
// for the last 7 or 30 days against the same weekday a week earlier, and the peak hours of the
// last four weeks. Each part can be downloaded as CSV for exactly the range it shows.
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ErrorBoundary } from '@/client/components/ui/error-boundary';
import { Skeleton } from '@/client/components/ui/skeleton';
import { formatCount } from '@/client/lib/format';
import type { Resolution } from '@/shared/api-schema';
import { addDaysToDateString, todayIn } from '@/shared/zoned';
import { formatDateRange, formatDay, formatWeekdayName } from './chart-format';
import { peakHours, visitorsPerDay } from './history-data';
import { CloseIcon, DownloadIcon } from '@/client/components/ui/icons';
import { historyQueryOptions } from './history-queries';
import { type DateRange, exportHref, PEAK_HOUR_DAYS, peakHoursRange, VISITOR_SPANS, type VisitorSpan, visitorsRange } from './history-ranges';
import { HeatLegend, hourSpan, PeakHoursGrid } from './peak-hours-grid';
import { LoadFailed } from './load-failed';
import { TableAlternative, tdClass, thClass } from './table-alternative';
import { VisitorsChart } from './visitors-chart';

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
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const today = todayIn(timeZone, new Date(nowIso));

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // showModal: focus moves in, the page behind is inert, Esc closes. (A test DOM may lack it.)
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else dialog.setAttribute('open', '');
  }, []);

  const close = () => {
    const dialog = ref.current;
    if (dialog && typeof dialog.close === 'function' && dialog.open) dialog.close(); // fires `close`
    else onClose();
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      onClose={onClose}
      // A click on the backdrop (outside the panel) closes, like Esc.
      onClick={(event) => {
        if (event.target === event.currentTarget) close();
      }}
      className="m-0 h-dvh max-h-none w-full max-w-none overflow-y-auto overscroll-contain bg-canvas p-0 text-ink backdrop:bg-black/50 sm:m-auto sm:h-auto sm:max-h-[calc(100dvh-4rem)] sm:w-[min(72rem,calc(100vw-4rem))] sm:rounded-2xl sm:border sm:border-line"
    >
      <div className="sticky top-0 z-10 flex items-center justify-between gap-4 border-b border-line bg-surface px-4 py-3 sm:px-7">
        <div className="min-w-0">
          <h2 id={headingId} className="text-xl font-semibold text-ink">
            History
          </h2>
          <p className="truncate text-sm text-muted">
            <span className="hidden sm:inline">{siteName ? `${siteName} · whole days up` : 'Whole days up'}</span>
            <span className="sm:hidden">Up</span> to yesterday, <time dateTime={addDaysToDateString(today, -1)}>{formatDay(addDaysToDateString(today, -1))}</time>
          </p>
        </div>
        <button
          type="button"
          onClick={close}
          className="inline-flex min-h-11 shrink-0 items-center gap-2 rounded-lg border border-line bg-surface px-3 font-medium text-ink hover:bg-sunken"
        >
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
    </dialog>
  );
}

const percentChange = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });

function change(now: number, before: number): string {
  return before > 0 ? percentChange.format((now - before) / before) : '–';
}

/** "3 % more than the same days a week earlier (70,296)." in plain words. */
function compareInWords(total: number, before: number): string {
  if (before === 0) return 'Nothing was counted a week earlier to compare with.';
  const ratio = Math.abs(total - before) / before;
  if (ratio < 0.005) return `About the same as the same days a week earlier (${formatCount(before)}).`;
  const share = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(Math.max(ratio, 0.01));
  return `${share} ${total > before ? 'more' : 'fewer'} than the same days a week earlier (${formatCount(before)}).`;
}

function VisitorsSection({ today }: { today: string }) {
  const headingId = useId();
  const [span, setSpan] = useState<VisitorSpan>(7);
  const { shown, request } = visitorsRange(today, span);
  const query = useQuery(historyQueryOptions(request, 'day'));
  const days = useMemo(() => visitorsPerDay(query.data, shown), [query.data, shown]);
  const total = days.reduce((n, d) => n + d.visitors, 0);
  const before = days.reduce((n, d) => n + d.weekBefore, 0);
  const rangeText = formatDateRange(shown.from, shown.to);
  const summary = `${formatCount(total)} visitors, ${rangeText}. ${compareInWords(total, before)}`;

  return (
    <Panel
      headingId={headingId}
      title="Visitors per day"
      subtitle="People coming in at every door (IN), per day, compared with the same weekday a week earlier"
      controls={<SpanToggle span={span} onChange={setSpan} />}
    >
      <figure>
        <figcaption className="min-h-6 text-sm text-ink sm:text-base">{query.data ? summary : <span className="text-muted">{rangeText}</span>}</figcaption>
        <div aria-hidden="true" className="mt-2 flex min-h-5 flex-wrap gap-x-5 gap-y-1 text-xs text-muted">
          <span className="inline-flex items-center gap-1.5">
            <span className="block size-3 rounded-sm bg-accent" /> Visitors
          </span>
          <span className="inline-flex items-center gap-1.5">
            <svg width="22" height="8" aria-hidden="true">
              <line x1="1" y1="4" x2="21" y2="4" stroke="var(--muted)" strokeWidth="1.5" strokeDasharray="5 4" />
              <circle cx="11" cy="4" r="3" fill="var(--surface)" stroke="var(--muted)" strokeWidth="1.5" />
            </svg>
            Same weekday, a week earlier
          </span>
        </div>
        <div className="relative mt-3 h-60 sm:h-72">
          <QueryState query={query} what="The visitors per day" skeleton={<Skeleton className="absolute inset-0" />}>
            <div role="img" aria-label={`Bar chart of visitors per day: ${summary}`} className="absolute inset-0">
              <VisitorsChart days={days} span={span === 7 ? 'week' : 'month'} />
            </div>
          </QueryState>
        </div>
        <div className="mt-2 flex min-h-11 flex-wrap items-start justify-between gap-x-6">
          {query.data ? (
            <TableAlternative caption={`Visitors per day, ${rangeText}`} scroll={span === 30}>
              <thead>
                <tr>
                  <th scope="col" className={thClass}>
                    Day
                  </th>
                  <th scope="col" className={`${thClass} text-right`}>
                    Visitors
                  </th>
                  <th scope="col" className={`${thClass} text-right`}>
                    A week earlier
                  </th>
                  <th scope="col" className={`${thClass} text-right`}>
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.date}>
                    <th scope="row" className={`${tdClass} font-normal whitespace-nowrap`}>
                      <time dateTime={d.date}>{formatDay(d.date)}</time>
                    </th>
                    <td className={`${tdClass} text-right`}>{formatCount(d.visitors)}</td>
                    <td className={`${tdClass} text-right`}>{formatCount(d.weekBefore)}</td>
                    <td className={`${tdClass} text-right`}>{change(d.visitors, d.weekBefore)}</td>
                  </tr>
                ))}
              </tbody>
            </TableAlternative>
          ) : (
            <span />
          )}
          <ExportLink range={shown} resolution="day" what="these days" />
        </div>
      </figure>
    </Panel>
  );
}

function PeakHoursSection({ today, weekStartsOn }: { today: string; weekStartsOn: number }) {
  const headingId = useId();
  const range = peakHoursRange(today);
  const query = useQuery(historyQueryOptions(range, 'hour'));
  const peaks = useMemo(() => peakHours(query.data, range), [query.data, range]);
  const weekdays = Array.from({ length: 7 }, (_, i) => (weekStartsOn + i) % 7);
  const rangeText = formatDateRange(range.from, range.to);
  const busiest = peaks.busiest;
  const busiestText = busiest
    ? `Busiest: ${formatWeekdayName(busiest.weekday, 'long')}s ${hourSpan(busiest.hour)}, ${formatCount(busiest.average)} visitors on average.`
    : 'Nobody was counted in these four weeks.';

  return (
    <Panel
      headingId={headingId}
      title="Peak hours"
      subtitle={`Average visitors (IN) per hour of the day, by weekday, over the last ${PEAK_HOUR_DAYS / 7} weeks: ${rangeText}`}
    >
      <figure>
        <figcaption className="min-h-6 text-sm text-ink sm:text-base">{query.data ? busiestText : <span className="text-muted">{rangeText}</span>}</figcaption>
        <div className="relative mt-3 min-h-[27rem] sm:min-h-[17.5rem]">
          <QueryState query={query} what="The peak hours" skeleton={<Skeleton className="absolute inset-0" />}>
            <PeakHoursGrid
              peaks={peaks}
              weekdays={weekdays}
              label={`Heatmap of average visitors per hour and weekday, ${rangeText}. ${busiestText} The table below lists every hour.`}
            />
            <div className="mt-3">
              <HeatLegend max={Math.round(peaks.max)} />
            </div>
          </QueryState>
        </div>
        <div className="mt-2 flex min-h-11 flex-wrap items-start justify-between gap-x-6">
          {query.data ? (
            <TableAlternative caption={`Average visitors per hour, ${rangeText}`} scroll>
              <thead>
                <tr>
                  <th scope="col" className={thClass}>
                    Hour
                  </th>
                  {weekdays.map((w) => (
                    <th key={w} scope="col" className={`${thClass} text-right`}>
                      <abbr title={formatWeekdayName(w, 'long')} className="no-underline">
                        {formatWeekdayName(w)}
                      </abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: 24 }, (_, hour) => (
                  <tr key={hour}>
                    <th scope="row" className={`${tdClass} font-normal whitespace-nowrap`}>
                      {hourSpan(hour)}
                    </th>
                    {weekdays.map((w) => (
                      <td key={w} className={`${tdClass} text-right`}>
                        {formatCount(peaks.average[w]?.[hour] ?? 0)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </TableAlternative>
          ) : (
            <span />
          )}
          <ExportLink range={range} resolution="hour" what="these hours" />
        </div>
      </figure>
    </Panel>
  );
}

function Panel({ headingId, title, subtitle, controls, children }: { headingId: string; title: string; subtitle: string; controls?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-line bg-surface p-4 sm:p-6">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div className="min-w-0">
          <h3 id={headingId} className="text-lg font-semibold text-ink">
            {title}
          </h3>
          <p className="text-sm text-muted">{subtitle}</p>
        </div>
        {controls}
      </div>
      {children}
    </section>
  );
}

interface QueryLike {
  isPending: boolean;
  data: unknown;
  error: unknown;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}

/** Skeleton while loading, the reason in plain words (and a retry) on failure, else the content. */
function QueryState({ query, what, skeleton, children }: { query: QueryLike; what: string; skeleton: ReactNode; children: ReactNode }) {
  if (query.isPending) {
    return (
      <>
        <p className="sr-only">Loading…</p>
        {skeleton}
      </>
    );
  }
  if (query.data === undefined) {
    return (
      <div role="status" className="absolute inset-0 grid place-content-center rounded-xl border border-dashed border-line p-4 text-center text-sm sm:text-base">
        <LoadFailed what={what} error={query.error} retrying={query.isFetching} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  return <>{children}</>;
}

function SpanToggle({ span, onChange }: { span: VisitorSpan; onChange: (span: VisitorSpan) => void }) {
  const name = useId();
  return (
    <fieldset className="flex rounded-lg border border-line bg-sunken p-1">
      <legend className="sr-only">Days shown</legend>
      {VISITOR_SPANS.map((days) => (
        <label key={days} className="relative">
          <input
            type="radio"
            name={name}
            value={days}
            checked={span === days}
            onChange={() => onChange(days)}
            className="peer absolute inset-0 appearance-none rounded-md focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-accent"
          />
          <span className="pointer-events-none flex min-h-10 items-center rounded-md px-4 text-sm font-medium text-muted peer-checked:bg-surface peer-checked:text-ink peer-checked:shadow-sm">
            {days} days
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function ExportLink({ range, resolution, what }: { range: DateRange; resolution: Resolution; what: string }) {
  return (
    <a
      href={exportHref(range, resolution)}
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
