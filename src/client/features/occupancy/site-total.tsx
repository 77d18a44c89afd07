// The hero: how many people are inside the whole site (the root space) now, against its
// capacity and in its state, with today's IN and OUT, since when "today" counts, and how fresh.
import { useId } from 'react';
import { DataAge, type DataAgeInput } from '@/client/components/ui/data-age';
import { ClockIcon } from '@/client/components/ui/icons';
import { formatClockTime, formatCount, formatPercent, formatWeekday, localDateKey } from '@/client/lib/format';
import type { Occupancy } from '@/shared/api-schema';
import { capacityStateInSentence } from '@/client/components/ui/capacity-state';
import { t } from '@/client/i18n/i18n';
import { tx } from '@/client/i18n/use-t';
import { type CapacityState, NEARLY_FULL_RATIO, readCapacity } from '@/shared/occupancy-math';
import { CapacityBar, CapacityPill } from '@/client/components/ui/capacity-visuals';
import { peopleInside } from './occupancy-gauge';
import type { SpaceView } from './space-view';

interface SiteTotalProps {
  data: Occupancy;
  /** The root space: its capacity, threshold and state (the server's) are the site's. */
  root: SpaceView | undefined;
  /** The site capacity from /api/config, used when the answer carries none. */
  siteCapacity: number | null | undefined;
  timeZone: string;
  age: DataAgeInput;
  stale: boolean;
  isFetching: boolean;
}

/** "06:00", or "Wed 06:00" when the site's day began on another date. */
export function countedSince(data: Pick<Occupancy, 'dayStart' | 'fetchedAt'>, timeZone: string): string {
  const dayStartTime = formatClockTime(data.dayStart.utc, timeZone, { seconds: false });
  const dayStartIsToday = localDateKey(data.dayStart.utc, timeZone) === localDateKey(data.fetchedAt, timeZone);
  return dayStartIsToday ? dayStartTime : t('dashboard.total.weekdayTime', { day: formatWeekday(data.dayStart.utc, timeZone), time: dayStartTime });
}

/** The site's capacity reading: the ratio by the shared rule, the state as the server decided it for the root. */
export function siteReading(data: Pick<Occupancy, 'total'>, root: SpaceView | undefined, siteCapacity: number | null | undefined) {
  const capacity = root ? root.capacity : (data.total.capacity ?? siteCapacity ?? null);
  const nearlyFull = root?.nearlyFull ?? NEARLY_FULL_RATIO;
  const reading = readCapacity(data.total.occupancy, capacity, nearlyFull);
  if (!reading) return { capacity, nearlyFull, reading: null };
  const state: CapacityState | null = root ? (root.state === 'unknown' ? null : root.state) : reading.state;
  return { capacity, nearlyFull, reading: state ? { ratio: reading.ratio, state } : null };
}

/** "1,083 people inside of 1,200, 90%, nearly full." — what the site total and the live region say. */
export function readingSentence(occupancy: number, capacity: number | null, reading: { ratio: number; state: CapacityState } | null): string {
  if (!reading) return t('dashboard.total.sentence', { people: peopleInside(occupancy) });
  return t('dashboard.total.sentenceOf', {
    people: peopleInside(occupancy),
    capacity: formatCount(capacity ?? 0),
    percent: formatPercent(reading.ratio),
    state: capacityStateInSentence(reading.state),
  });
}

export function SiteTotal({ data, root, siteCapacity, timeZone, age, stale, isFetching }: SiteTotalProps) {
  const headingId = useId();
  const { total } = data;
  const { capacity, nearlyFull, reading } = siteReading(data, root, siteCapacity);
  // Reserve the width of the largest likely number, so the unit beside it never moves.
  const reserveDigits = Math.max(2, String(capacity ?? total.occupancy).length);
  // None of the site's doors is in the answer: no count at all, never "0 people inside".
  const noCount = root !== undefined && !root.counted;
  const numberTone = stale || noCount ? 'text-muted' : 'text-ink';

  const since = countedSince(data, timeZone);

  const summary = noCount ? t('dashboard.total.noCount') : readingSentence(total.occupancy, capacity, reading);

  return (
    <section
      aria-labelledby={headingId}
      data-stale={stale || undefined}
      className={`rounded-2xl border bg-surface p-5 sm:p-7 ${stale ? 'border-dashed border-line' : 'border-line'}`}
    >
      {/* Laid out by the card's own width (a container query), not the window's: the number keeps
          its row until the facts beside it have room, so nothing is ever squeezed over it. */}
      <div className="@container">
        <div className="grid gap-x-10 gap-y-5 @min-[34rem]:grid-cols-[minmax(0,1fr)_12rem] @min-[46rem]:grid-cols-[minmax(0,1fr)_18rem] @min-[66rem]:grid-cols-[minmax(0,1fr)_18rem_14rem] @min-[66rem]:items-end">
          <div className="@min-[34rem]:col-span-2 @min-[46rem]:col-span-1 @min-[46rem]:row-span-2 @min-[66rem]:row-span-1">
            <h2 id={headingId} className="text-sm font-medium text-muted">
              {t('dashboard.total.heading')}
            </h2>
            <p className="sr-only">{summary}</p>
            {/* The unit goes beside the number when it fits, else under it; its two lines never
              break inside themselves. leading-none keeps the digits' box clear of the heading. */}
            <div aria-hidden="true" className="mt-3 flex flex-wrap items-end gap-x-3 gap-y-2">
              <span
                className={`text-right text-6xl leading-none font-semibold tracking-tight tabular-nums @min-[26rem]:text-8xl ${numberTone}`}
                style={{ minWidth: `${reserveDigits}ch` }}
              >
                {noCount ? '–' : formatCount(total.occupancy)}
              </span>
              <span className="pb-1 text-base leading-tight whitespace-nowrap text-muted @min-[26rem]:text-lg">
                {t('dashboard.inside', { count: total.occupancy })}
                {capacity != null ? (
                  <>
                    <br />
                    {t('dashboard.ofCapacity', { capacity: formatCount(capacity) })}
                  </>
                ) : null}
              </span>
            </div>
            {noCount ? (
              <p aria-hidden="true" className="mt-4 flex items-center gap-3 text-sm sm:text-base">
                <CapacityPill state="unknown" stale={stale} />
              </p>
            ) : reading ? (
              <p aria-hidden="true" className="mt-4 flex items-center gap-3 text-sm sm:text-base">
                <CapacityPill state={reading.state} stale={stale} />
                <span className={`font-semibold tabular-nums ${numberTone}`}>{formatPercent(reading.ratio)}</span>
              </p>
            ) : null}
          </div>

          <div>
            <dl className="grid grid-cols-2 gap-x-8">
              <div>
                <dt className="text-sm text-muted">{t('dashboard.total.inToday')}</dt>
                <dd className={`text-2xl font-semibold tabular-nums sm:text-3xl ${numberTone}`}>{formatCount(total.in)}</dd>
              </div>
              <div>
                <dt className="text-sm text-muted">{t('dashboard.total.outToday')}</dt>
                <dd className={`text-2xl font-semibold tabular-nums sm:text-3xl ${numberTone}`}>{formatCount(total.out)}</dd>
              </div>
            </dl>
            <p className="mt-1 text-sm text-muted">{t('dashboard.total.since', { since })}</p>
          </div>

          <div className="text-sm">
            <p className={`flex items-center gap-1.5 font-semibold ${stale ? 'text-muted' : 'text-accent-ink'}`}>
              <span aria-hidden="true" className="relative grid size-4 place-items-center">
                {stale ? <ClockIcon className="size-4" /> : <span className="size-2 rounded-full bg-accent" />}
                <FetchingIndicator active={isFetching} />
              </span>
              {stale ? t('dashboard.total.notLive') : t('dashboard.total.live')}
            </p>
            {/* One fact per line, unwrapped: the ticking age can never re-wrap its neighbours. */}
            <p className="mt-1 whitespace-nowrap text-ink">{tx('dashboard.total.updated', { age: <DataAge {...age} /> })}</p>
            <p className="whitespace-nowrap text-muted">{t('dashboard.total.at', { time: formatClockTime(data.fetchedAt, timeZone) })}</p>
          </div>
        </div>
      </div>

      {reading ? (
        <div className="mt-5">
          <CapacityBar ratio={reading.ratio} state={reading.state} nearlyFull={nearlyFull} stale={stale} />
        </div>
      ) : null}
    </section>
  );
}

/** A ring around the status dot while a request is in flight: never a spinner over the numbers,
 *  and absolutely placed, so it cannot move anything. */
function FetchingIndicator({ active }: { active: boolean }) {
  return (
    <span
      className={`absolute -inset-0.5 rounded-full border-2 border-accent transition-opacity duration-300 ${active ? 'opacity-60 motion-safe:animate-ping' : 'opacity-0'}`}
    />
  );
}
