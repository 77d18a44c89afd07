// "Visitors per day" in the history view: the last 7 or 30 days against the same weekday a week
// earlier, for the site or one space, as a chart, a sentence, a table and a CSV link for exactly
// that range and space.
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { Panel } from '@/client/components/ui/panel';
import { Skeleton } from '@/client/components/ui/skeleton';
import { activeLocale, t } from '@/client/i18n/i18n';
import { formatCount } from '@/client/lib/format';
import { formatDateRange, formatDay } from './chart-format';
import { ExportLink } from './export-link';
import { visitorsPerDay } from './history-data';
import { historyQueryOptions } from './history-queries';
import { VISITOR_SPANS, type VisitorSpan, visitorsRange } from './history-ranges';
import { QueryState } from './query-state';
import { placeOf, type SpaceOption } from './space-choice';
import { TableAlternative } from './table-alternative';
import { VisitorsChart } from './visitors-chart';

function change(now: number, before: number): string {
  const percentChange = new Intl.NumberFormat(activeLocale(), { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  return before > 0 ? percentChange.format((now - before) / before) : '–';
}

/** "3 % more than the same days a week earlier (70,296)." in plain words. */
function compareInWords(total: number, before: number): string {
  if (before === 0) return t('history.visitors.compare', { kind: 'none', before, share: '' });
  const ratio = Math.abs(total - before) / before;
  if (ratio < 0.005) return t('history.visitors.compare', { kind: 'same', before, share: '' });
  const share = new Intl.NumberFormat(activeLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(Math.max(ratio, 0.01));
  return t('history.visitors.compare', { kind: total > before ? 'more' : 'fewer', before, share });
}

/** Who "visitors" are: IN at every door, or the people entering the space through its own doors. */
function whoComesIn(space: SpaceOption): 'site' | 'door' | 'root' | 'space' {
  if (space.param === undefined) return 'site';
  if (space.device !== undefined) return 'door';
  return space.root ? 'root' : 'space';
}

export function VisitorsSection({ today, space }: { today: string; space: SpaceOption }) {
  const headingId = useId();
  const [span, setSpan] = useState<VisitorSpan>(7);
  const { shown, request } = visitorsRange(today, span);
  const query = useQuery(historyQueryOptions(request, 'day', space.param));
  const days = useMemo(() => visitorsPerDay(query.data, shown), [query.data, shown]);
  const total = days.reduce((n, d) => n + d.visitors, 0);
  const before = days.reduce((n, d) => n + d.weekBefore, 0);
  const rangeText = formatDateRange(shown.from, shown.to);
  const summary = `${t('history.visitors.summary', { total, range: rangeText })} ${compareInWords(total, before)}`;
  const where = placeOf(space);

  return (
    <Panel
      level={3}
      headingId={headingId}
      heading={t('history.visitors.heading', where)}
      subtitle={t('history.visitors.subtitle', { kind: whoComesIn(space), place: where.place })}
      controls={<SpanToggle span={span} onChange={setSpan} />}
    >
      <figure className="mt-4">
        <figcaption className="min-h-6 text-sm text-ink sm:text-base">{query.data ? summary : <span className="text-muted">{rangeText}</span>}</figcaption>
        <div aria-hidden="true" className="mt-2 flex min-h-5 flex-wrap gap-x-5 gap-y-1 text-xs text-muted">
          <span className="inline-flex items-center gap-1.5">
            <span className="block size-3 rounded-sm bg-accent" /> {t('history.visitors.legendVisitors')}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <svg width="22" height="8" aria-hidden="true">
              <line x1="1" y1="4" x2="21" y2="4" stroke="var(--muted)" strokeWidth="1.5" strokeDasharray="5 4" />
              <circle cx="11" cy="4" r="3" fill="var(--surface)" stroke="var(--muted)" strokeWidth="1.5" />
            </svg>
            {t('history.visitors.legendWeekBefore')}
          </span>
        </div>
        <div className="relative mt-3 h-60 sm:h-72">
          <QueryState query={query} what="visitors" skeleton={<Skeleton className="absolute inset-0" />}>
            <div role="img" aria-label={t('history.visitors.chartLabel', { ...where, summary })} className="absolute inset-0">
              <VisitorsChart days={days} span={span === 7 ? 'week' : 'month'} />
            </div>
          </QueryState>
        </div>
        <div className="mt-2 flex min-h-11 flex-wrap items-start justify-between gap-x-6">
          {query.data ? (
            <TableAlternative
              caption={t('history.visitors.tableCaption', { kind: space.root ? 'site' : 'space', name: space.name, range: rangeText })}
              scroll={span === 30}
              columns={[t('history.visitors.colDay'), t('history.visitors.colVisitors'), t('history.visitors.colWeekBefore'), t('history.visitors.colChange')]}
              rows={days}
              rowKey={(d) => d.date}
              cells={(d) => [
                <time dateTime={d.date}>{formatDay(d.date)}</time>,
                formatCount(d.visitors),
                formatCount(d.weekBefore),
                change(d.visitors, d.weekBefore),
              ]}
            />
          ) : (
            <span />
          )}
          <ExportLink range={shown} resolution="day" space={space.param} />
        </div>
      </figure>
    </Panel>
  );
}

function SpanToggle({ span, onChange }: { span: VisitorSpan; onChange: (span: VisitorSpan) => void }) {
  const name = useId();
  return (
    <fieldset className="flex rounded-lg border border-line bg-sunken p-1">
      <legend className="sr-only">{t('history.visitors.spanLegend')}</legend>
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
            {t('history.visitors.span', { days })}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
