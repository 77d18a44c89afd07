// "Peak hours" in the history view: average visitors per hour and weekday over the last four
// weeks, for the site or one space, as a heatmap, a sentence, a table and a CSV link for exactly
// that range and space.
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { Panel } from '@/client/components/ui/panel';
import { Skeleton } from '@/client/components/ui/skeleton';
import { formatCount } from '@/client/lib/format';
import { formatDateRange, formatWeekdayName } from './chart-format';
import { ExportLink } from './export-link';
import { peakHours } from './history-data';
import { historyQueryOptions } from './history-queries';
import { PEAK_HOUR_DAYS, peakHoursRange } from './history-ranges';
import { HeatLegend, hourSpan, PeakHoursGrid } from './peak-hours-grid';
import { QueryState } from './query-state';
import { type SpaceOption, titleSuffix } from './space-choice';
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
    ? `Busiest: ${formatWeekdayName(busiest.weekday, 'long')}s ${hourSpan(busiest.hour)}, ${formatCount(busiest.average)} visitors on average.`
    : 'Nobody was counted in these four weeks.';

  return (
    <Panel
      level={3}
      headingId={headingId}
      heading={`Peak hours${titleSuffix(space)}`}
      subtitle={`Average visitors ${doorCounts ? '(IN) ' : ''}per hour of the day, by weekday, over the last ${PEAK_HOUR_DAYS / 7} weeks: ${rangeText}`}
    >
      <figure className="mt-4">
        <figcaption className="min-h-6 text-sm text-ink sm:text-base">{query.data ? busiestText : <span className="text-muted">{rangeText}</span>}</figcaption>
        <div className="relative mt-3 min-h-[27rem] sm:min-h-[17.5rem]">
          <QueryState query={query} what="The peak hours" skeleton={<Skeleton className="absolute inset-0" />}>
            <PeakHoursGrid
              peaks={peaks}
              weekdays={weekdays}
              label={`Heatmap of average visitors per hour and weekday${titleSuffix(space)}, ${rangeText}. ${busiestText} The table below lists every hour.`}
            />
            <div className="mt-3">
              <HeatLegend max={Math.round(peaks.max)} />
            </div>
          </QueryState>
        </div>
        <div className="mt-2 flex min-h-11 flex-wrap items-start justify-between gap-x-6">
          {query.data ? (
            <TableAlternative
              caption={`Average visitors per hour, ${space.root ? '' : `${space.name}, `}${rangeText}`}
              scroll
              columns={[
                'Hour',
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
          <ExportLink range={range} resolution="hour" what="these hours" space={space.param} />
        </div>
      </figure>
    </Panel>
  );
}
