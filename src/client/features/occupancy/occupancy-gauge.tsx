// One space: its name, how many people are inside, and against its capacity an arc gauge with
// the state in colour, icon and words. A card on desktops, a row on phones.
import { useId } from 'react';
import { DataAge, type DataAgeInput } from '@/client/components/ui/data-age';
import { ClockIcon, PersonIcon } from '@/client/components/ui/icons';
import { formatCount, formatPercent, formatSigned } from '@/client/lib/format';
import { capacityStateInSentence } from '@/client/components/ui/capacity-state';
import { t } from '@/client/i18n/i18n';
import { readCapacity } from '@/shared/occupancy-math';
import { CapacityArc, CapacityPill } from '@/client/components/ui/capacity-visuals';
import type { SpaceView } from './space-view';

export function peopleInside(count: number): string {
  return t('dashboard.peopleInside', { count });
}

/** Inside the arc, three digits need a smaller size than two to keep clear of the ring. */
function gaugeNumberSize(count: number): string {
  if (count >= 1000) return 'sm:text-3xl';
  if (count >= 100) return 'sm:text-[2.5rem]';
  return 'sm:text-5xl';
}

/** The card's note on a count below zero: never shown as a silent 0. */
function balanceNote(space: SpaceView, door: boolean): string | null {
  if (space.raw >= 0 || !space.counted) return null;
  if (door) return t('dashboard.gauge.doorNegative', { balance: formatSigned(space.raw) });
  if (space.drift !== null) return t('dashboard.gauge.drift', { drift: formatCount(space.drift) });
  return t('dashboard.gauge.negative', { balance: formatSigned(space.raw) });
}

interface OccupancyGaugeProps {
  space: SpaceView;
  /** Without configured spaces each gauge is a door's own space, and its note says so. */
  door?: boolean;
  /** The numbers are from an earlier answer: grey them and show their age. */
  stale?: boolean;
  age?: DataAgeInput;
}

export function OccupancyGauge({ space, door = false, stale = false, age }: OccupancyGaugeProps) {
  const headingId = useId();
  // The server decided the state (by the shared rule, at the space's own threshold); the ratio
  // only draws it.
  const ratio = space.counted ? readCapacity(space.occupancy, space.capacity, space.nearlyFull)?.ratio : undefined;
  const reading = ratio !== undefined && space.state !== 'unknown' ? { ratio, state: space.state } : null;
  const numberTone = stale ? 'text-muted' : 'text-ink';
  const textEquivalent = reading
    ? t(stale ? 'dashboard.gauge.labelStale' : 'dashboard.gauge.label', {
        name: space.label,
        people: peopleInside(space.occupancy),
        capacity: formatCount(space.capacity ?? 0),
        percent: formatPercent(reading.ratio),
        state: capacityStateInSentence(reading.state),
      })
    : undefined;
  const note = balanceNote(space, door);

  return (
    <article
      aria-labelledby={headingId}
      data-stale={stale || undefined}
      data-state={space.counted ? space.state : 'unknown'}
      className={`device-card h-full rounded-2xl border bg-surface px-4 py-3 sm:px-5 sm:py-4 ${stale ? 'border-dashed border-line' : 'border-line'}`}
    >
      <h3 id={headingId} className="area-label line-clamp-2 text-base font-semibold break-words text-ink sm:line-clamp-1" title={space.label}>
        {space.label}
      </h3>

      {stale && age ? (
        <p className="area-stale items-center gap-1 rounded-full bg-sunken px-2 py-0.5 text-xs whitespace-nowrap text-muted">
          <ClockIcon className="size-3.5 shrink-0" />
          <span className="sr-only">{t('dashboard.gauge.agePrefix')}</span>
          <DataAge {...age} bare />
          <span className="sr-only">{t('dashboard.gauge.ageSuffix')}</span>
        </p>
      ) : null}

      {reading ? (
        <CapacityArc
          ratio={reading.ratio}
          state={reading.state}
          nearlyFull={space.nearlyFull}
          stale={stale}
          label={textEquivalent}
          className="area-gauge size-13 sm:h-36 sm:w-40"
        />
      ) : !space.counted ? (
        // An empty grey ring: the space has a gauge, but nothing to fill it with now.
        <CapacityArc ratio={0} state="unknown" nearlyFull={space.nearlyFull} stale className="area-gauge size-13 sm:h-36 sm:w-40" />
      ) : (
        <span aria-hidden="true" className="area-gauge grid size-13 place-items-center rounded-full bg-sunken text-muted sm:hidden">
          <PersonIcon className="size-6" />
        </span>
      )}

      {/* With a capacity the arc's text equivalent already says all of this. */}
      {space.counted ? (
        <p className="area-value flex flex-col items-end leading-none sm:items-center sm:pt-6" aria-hidden={reading ? true : undefined}>
          <span className={`text-3xl font-semibold tracking-tight tabular-nums ${gaugeNumberSize(space.occupancy)} ${numberTone}`}>
            {formatCount(space.occupancy)}
          </span>
          <span className="mt-1 text-xs text-muted sm:mt-1.5 sm:text-sm">
            {reading ? t('dashboard.ofCapacity', { capacity: formatCount(space.capacity ?? 0) }) : t('dashboard.inside', { count: space.occupancy })}
          </span>
        </p>
      ) : (
        <p className="area-value flex flex-col items-end leading-none sm:items-center sm:pt-6" aria-hidden="true">
          <span className="text-3xl font-semibold text-muted sm:text-5xl">–</span>
        </p>
      )}

      {reading ? (
        <p className="area-state flex items-center gap-2 text-xs sm:justify-between sm:text-sm" aria-hidden="true">
          <CapacityPill state={reading.state} stale={stale} />
          <span className={`font-medium tabular-nums ${numberTone}`}>{formatPercent(reading.ratio)}</span>
        </p>
      ) : null}

      {space.counted ? null : (
        <p className="area-state flex items-center gap-2 text-xs sm:text-sm">
          <CapacityPill state="unknown" />
        </p>
      )}

      {reading || !space.counted ? null : <p className="area-nocap text-sm text-muted">{t('dashboard.gauge.noCapacity')}</p>}

      {space.counted ? (
        <dl className="area-counts items-center gap-4 text-xs text-muted tabular-nums sm:text-sm">
          <div className="flex gap-1">
            <dt>{t('dashboard.gauge.in')}</dt>
            <dd className={`font-medium ${numberTone}`}>{formatCount(space.in)}</dd>
          </div>
          <div className="flex gap-1">
            <dt>{t('dashboard.gauge.out')}</dt>
            <dd className={`font-medium ${numberTone}`}>{formatCount(space.out)}</dd>
          </div>
        </dl>
      ) : null}

      {note ? <p className="area-note mt-1 text-xs leading-snug text-muted sm:mt-0">{note}</p> : null}
    </article>
  );
}
