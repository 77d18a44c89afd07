// The dashboard's "Today" section: people inside through the day for the whole site, one space
// (or, without configured spaces, one door), from 5-minute counts since the day start, ending at
// the live number; the same numbers as a table; and the way into the history view. Loaded lazily
// (it brings recharts); the dashboard passes the live answer in, so this feature never reaches
// into the occupancy feature. The section owns the choice of space and shares it with the history view.
import { buttonClass } from '@/client/components/ui/button';
import { useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useCallback, useId, useMemo, useRef, useState } from 'react';
import { ErrorBoundary } from '@/client/components/ui/error-boundary';
import { Skeleton } from '@/client/components/ui/skeleton';
import { t } from '@/client/i18n/i18n';
import { formatCount, formatList } from '@/client/lib/format';
import type { Config, Occupancy } from '@/shared/api-schema';
import type { CurvePoint } from '@/shared/occupancy-curve';
import { closedIntervals } from '@/shared/opening-hours';
import { formatTimeOfDay } from './chart-format';
import { isEmptyDay, type LiveCounts, spaceTodayCurve, todayCurve } from './history-data';
import { todayHistoryQueryOptions } from './history-queries';
import { todayRange } from './history-ranges';
import { HistoryIcon } from '@/client/components/ui/icons';
import { LoadFailed } from './load-failed';
import { describeLoadError } from '@/client/lib/error-text';
import { TableAlternative } from './table-alternative';
import { TodayChart } from './today-chart';
import { TODAY_CHART_BOX, TodayFrame } from './today-frame';
import { clockChange } from './time-axis';
import { placeOf, siteLabel, spaceChoices } from './space-choice';
import { SpaceSelect } from './space-select';
import { useSpaceChoice } from './use-space-choice';

const HistoryDialog = lazy(() => import('./history-dialog').then((m) => ({ default: m.HistoryDialog })));

/** The URL fragment that opens the history view, so it can be linked to and survives a reload. */
export const HISTORY_HASH = '#history';

interface TodaySectionProps {
  /** The live answer shown on the dashboard: its day start, its time and its counts. */
  occupancy: Occupancy;
  config: Config | undefined;
  timeZone: string;
}

export function TodaySection({ occupancy, config, timeZone }: TodaySectionProps) {
  const headingId = useId();
  const selectId = useId();
  const range = todayRange(occupancy.dayStart, occupancy.generatedUtc, timeZone, config?.dayStart);
  const { spaces, spacesConfigured } = occupancy;
  // The server has already applied the site's labels and capacities.
  const choices = useMemo(() => spaceChoices({ spaces, spacesConfigured }), [spaces, spacesConfigured]);
  // A space (or door) that disappears from the answer falls back to the whole site.
  const [chosen, choose] = useSpaceChoice(choices);
  // Without configured spaces, the site's answer holds every door's series: one request serves
  // the site and each of its doors, as before spaces. A space is asked for by its id.
  const requestSpace = chosen?.device === undefined ? chosen?.param : undefined;
  const query = useQuery(todayHistoryQueryOptions(range, requestSpace));

  const name = chosen?.name ?? siteLabel();
  const capacity = chosen && !chosen.root ? chosen.capacity : (occupancy.total.capacity ?? config?.siteCapacity ?? null);

  // Cheap enough to redo at every poll: a few hundred periods per door.
  const at = Date.parse(occupancy.generatedUtc);
  const live: LiveCounts = { t: at, site: occupancy.total.occupancy, devices: new Map(occupancy.devices.map((d) => [d.id, d.occupancy])) };
  const curve =
    requestSpace !== undefined && chosen
      ? spaceTodayCurve(query.data?.space, { dayStartMs: range.startMs, live: { t: at, occupancy: chosen.occupancy } })
      : todayCurve(query.data, { dayStartMs: range.startMs, live, choice: chosen?.device ?? 'site' });
  // "Today in the Pool hall"; a door's curve keeps the plain heading, as before spaces.
  const heading = t('history.today.heading', chosen && chosen.device === undefined ? placeOf(chosen) : { kind: 'site', place: '' });

  const change = clockChange(range.startMs, range.endMs, timeZone);
  const since = formatTimeOfDay(range.startMs, timeZone);
  const subtitle = change
    ? t('history.today.subtitleClockChange', { since, direction: change.direction, at: change.at, hours: change.dayHours })
    : t('history.today.subtitle', { since });

  const [historyOpen, setHistoryOpen] = useState(() => typeof location !== 'undefined' && location.hash === HISTORY_HASH);
  const historyButton = useRef<HTMLButtonElement>(null);
  const openHistory = () => {
    setHistoryOpen(true);
    history.replaceState(history.state, '', HISTORY_HASH);
  };
  const closeHistory = useCallback(() => {
    setHistoryOpen(false);
    if (location.hash === HISTORY_HASH) history.replaceState(history.state, '', location.pathname + location.search);
    historyButton.current?.focus();
  }, []);

  const empty = query.data !== undefined && isEmptyDay(curve, query.data);
  const hours = config?.openingHours ?? null;
  // Cheap at every poll: the shared function keeps each date's intervals per hours object.
  const closed = closedIntervals(hours, timeZone, new Date(range.startMs), new Date(range.endMs)).map((c) => ({
    startMs: c.start.getTime(),
    endMs: c.end.getTime(),
  }));
  const summary = describeCurve(curve, name, timeZone, closed);

  return (
    <>
      <TodayFrame
        headingId={headingId}
        heading={<span className="truncate">{heading}</span>}
        subtitle={subtitle}
        controls={
          <>
            <div className="flex min-w-0 flex-1 flex-col gap-1 sm:w-56 sm:flex-none">
              <label htmlFor={selectId} className="text-sm font-medium text-muted">
                {t('history.show')}
              </label>
              <SpaceSelect id={selectId} choices={choices} value={chosen?.id ?? ''} onChange={choose} />
            </div>
            <button ref={historyButton} type="button" onClick={openHistory} aria-haspopup="dialog" className={buttonClass('accent', 'shrink-0 px-4')}>
              <HistoryIcon className="size-5" />
              {t('history.open')}
            </button>
          </>
        }
        caption={
          <figcaption className="mb-3 min-h-6 text-sm text-ink sm:text-base">
            {query.data && !empty ? summary.caption : <span className="text-muted">{name}</span>}
          </figcaption>
        }
        chart={
          <div className={TODAY_CHART_BOX}>
            {query.isPending ? (
              <>
                <p className="sr-only">{t('history.today.loading')}</p>
                <Skeleton className="absolute inset-0" />
              </>
            ) : query.data === undefined ? (
              <ChartMessage>
                <LoadFailed what="today" error={query.error} retrying={query.isFetching} onRetry={() => void query.refetch()} />
              </ChartMessage>
            ) : empty ? (
              <ChartMessage>
                <p className="font-medium text-ink">{t('history.today.empty')}</p>
                <p className="mt-1 text-muted">{t('history.today.emptyDetail')}</p>
              </ChartMessage>
            ) : (
              <div role="img" aria-label={summary.label} className="absolute inset-0">
                <TodayChart
                  curve={curve}
                  startMs={range.startMs}
                  endMs={range.endMs}
                  timeZone={timeZone}
                  capacity={capacity}
                  withZoneName={change !== null}
                  closed={closed}
                />
              </div>
            )}
          </div>
        }
        footer={
          <div className="flex flex-wrap items-center justify-between gap-x-4">
            {query.data && !empty ? <CurveTable curve={curve} name={name} timeZone={timeZone} withZoneName={change !== null} /> : <span />}
            {query.data && query.isError ? <p className="text-sm text-muted">{t('history.notRefreshed', { reason: describeLoadError(query.error) })}</p> : null}
          </div>
        }
      />
      {historyOpen ? (
        <ErrorBoundary name={t('history.boundary.view')}>
          <Suspense fallback={<p className="sr-only">{t('history.loadingView')}</p>}>
            <HistoryDialog
              onClose={closeHistory}
              timeZone={timeZone}
              nowIso={occupancy.generatedUtc}
              weekStartsOn={config?.weekStartsOn ?? 1}
              siteName={config?.siteName}
              choices={choices}
              chosen={chosen}
              onChoose={choose}
            />
          </Suspense>
        </ErrorBoundary>
      ) : null}
    </>
  );
}

function ChartMessage({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="absolute inset-0 grid place-content-center rounded-xl border border-dashed border-line p-4 text-center text-sm sm:text-base">
      <div>{children}</div>
    </div>
  );
}

/** The caption under the heading, and the chart's accessible name: now, and the day's peak. */
function describeCurve(
  curve: readonly CurvePoint[],
  name: string,
  timeZone: string,
  closed: readonly { startMs: number; endMs: number }[] = [],
): { caption: string; label: string } {
  const last = curve.at(-1);
  const peak = curve.reduce<CurvePoint | undefined>((best, p) => (best === undefined || p.occupancy > best.occupancy ? p : best), undefined);
  if (!last || !peak) return { caption: name, label: t('history.today.labelEmpty', { name }) };
  const values = {
    inside: last.occupancy,
    peak: peak.occupancy > 0 ? 'some' : 'none',
    peakCount: peak.occupancy,
    peakTime: formatTimeOfDay(peak.t, timeZone),
  };
  const first = curve[0]!;
  const label = t('history.today.label', { ...values, name, from: formatTimeOfDay(first.t, timeZone), to: formatTimeOfDay(last.t, timeZone) });
  return {
    // The select above says which series; the caption stays one short line on a phone.
    caption: t('history.today.caption', values),
    label: closed.length > 0 ? `${label} ${closedWords(closed, timeZone)}` : label,
  };
}

function CurveTable({ curve, name, timeZone, withZoneName }: { curve: readonly CurvePoint[]; name: string; timeZone: string; withZoneName: boolean }) {
  return (
    <TableAlternative
      caption={t('history.today.tableCaption', { name })}
      scroll
      columns={[t('history.today.colTime'), t('history.today.colInside')]}
      rows={curve}
      rowKey={(p) => p.t}
      cells={(p) => {
        const time = formatTimeOfDay(p.t, timeZone, { zoneName: withZoneName });
        return [p.live ? t('history.today.timeNow', { time }) : time, formatCount(p.occupancy)];
      }}
    />
  );
}

/** "Closed 00:00–07:00 and 22:00–00:00 (shaded)." for the chart's accessible name. */
function closedWords(closed: readonly { startMs: number; endMs: number }[], timeZone: string): string {
  const spans = closed.map((c) => `${formatTimeOfDay(c.startMs, timeZone)}–${formatTimeOfDay(c.endMs, timeZone)}`);
  return t('history.today.closed', { spans: formatList(spans) });
}
