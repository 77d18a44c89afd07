// "Peak hours" in the history view: average visitors per hour and weekday over the last four
// weeks, for the site or one space, as a heatmap, a sentence, a table and a CSV link for exactly
// that range and space.
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { Panel } from '@/client/components/ui/panel';
import { Skeleton } from '@/client/components/ui/skeleton';
import { t } from '@/client/i18n/i18n';
import { formatCount } from '@/client/lib/format';
import { formatDateRange, formatWeekdayName } from './chart-format';
import { ExportLink } from './export-link';
import { peakHours } from './history-data';
import { historyQueryOptions } from './history-queries';
import { PEAK_HOUR_DAYS, peakHoursRange } from './history-ranges';
import { HeatLegend, hourSpan, PeakHoursGrid } from './peak-hours-grid';
import { QueryState } from './query-state';
import { placeOf, type SpaceOption } from './space-choice';
import { TableAlternative } from './table-alternative';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

export function PeakHoursSection({ today, weekStartsOn, space }: { today: string; weekStartsOn: number; space: SpaceOption }) {
  const headingId = useId();
  const range = peakHoursRange(today);
  const query = useQuery(historyQueryOptions(range, 'hour', space.param));
  // A space's visitors are the people entering it: IN at some doors, OUT at a door mounted the other way round.
  const doorCounts = space.param === undefined || space.device !== undefined;
  const peaks = useMemo(() => peakHours(query.data, range), [query.data, range]);
  const weekdays = Array.from({ length: 7 }, (_, i) => (weekStartsOn + i) % 7);
  const rangeText = formatDateRange(range.from, range.to);
  const busiest = peaks.busiest;
  const busiestText = busiest
    ? t('history.peaks.busiest', { weekday: formatWeekdayName(busiest.weekday, 'long'), hours: hourSpan(busiest.hour), average: formatCount(busiest.average) })
    : t('history.peaks.none');
  const where = placeOf(space);

  return (
    <Panel
      level={3}
      headingId={headingId}
      heading={t('history.peaks.heading', where)}
      subtitle={t('history.peaks.subtitle', { doors: doorCounts ? 'yes' : 'no', weeks: PEAK_HOUR_DAYS / 7, range: rangeText })}
    >
      <figure className="mt-4">
        <figcaption className="min-h-6 text-sm text-ink sm:text-base">{query.data ? busiestText : <span className="text-muted">{rangeText}</span>}</figcaption>
        <div className="relative mt-3 min-h-[27rem] sm:min-h-[17.5rem]">
          <QueryState query={query} what="peaks" skeleton={<Skeleton className="absolute inset-0" />}>
            <PeakHoursGrid peaks={peaks} weekdays={weekdays} label={t('history.peaks.label', { ...where, range: rangeText, busiest: busiestText })} />
            <div className="mt-3">
              <HeatLegend max={Math.round(peaks.max)} />
            </div>
          </QueryState>
        </div>
        <div className="mt-2 flex min-h-11 flex-wrap items-start justify-between gap-x-6">
          {query.data ? (
            <TableAlternative
              caption={t('history.peaks.tableCaption', { kind: space.root ? 'site' : 'space', name: space.name, range: rangeText })}
              scroll
              columns={[
                t('history.peaks.colHour'),
                ...weekdays.map((w) => (
                  <abbr title={formatWeekdayName(w, 'long')} className="no-underline">
                    {formatWeekdayName(w)}
                  </abbr>
                )),
              ]}
              rows={HOURS}
              rowKey={(hour) => hour}
              cells={(hour) => [hourSpan(hour), ...weekdays.map((w) => formatCount(peaks.average[w]?.[hour] ?? 0))]}
            />
          ) : (
            <span />
          )}
          <ExportLink range={range} resolution="hour" space={space.param} />
        </div>
      </figure>
    </Panel>
  );
}
