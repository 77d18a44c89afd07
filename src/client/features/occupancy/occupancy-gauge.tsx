// One device: its label, how many people are inside by this door, and against its capacity an
// arc gauge with the state in colour, icon and words. A card on desktops, a row on phones.
import { useId } from 'react';
import { DataAge, type DataAgeInput } from '@/client/components/ui/data-age';
import { ClockIcon, PersonIcon } from '@/client/components/ui/icons';
import { formatCount, formatPercent, formatSigned } from '@/client/lib/format';
import { capacityStateWords } from '@/client/components/ui/capacity-state';
import { readCapacity } from '@/shared/occupancy-math';
import { CapacityArc, CapacityPill } from '@/client/components/ui/capacity-visuals';
import type { DeviceView } from './device-view';

export function peopleInside(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'person' : 'people'} inside`;
}

/** Inside the arc, three digits need a smaller size than two to keep clear of the ring. */
function gaugeNumberSize(count: number): string {
  if (count >= 1000) return 'sm:text-3xl';
  if (count >= 100) return 'sm:text-[2.5rem]';
  return 'sm:text-5xl';
}

interface OccupancyGaugeProps {
  device: DeviceView;
  /** The numbers are from an earlier answer: grey them and show their age. */
  stale?: boolean;
  age?: DataAgeInput;
}

export function OccupancyGauge({ device, stale = false, age }: OccupancyGaugeProps) {
  const headingId = useId();
  const reading = readCapacity(device.occupancy, device.capacity);
  const numberTone = stale ? 'text-muted' : 'text-ink';
  const textEquivalent = reading
    ? `${device.label}: ${peopleInside(device.occupancy)} of ${formatCount(device.capacity ?? 0)}, ${formatPercent(reading.ratio)}, ${capacityStateWords[reading.state].toLowerCase()}${stale ? ', not live' : ''}`
    : undefined;

  return (
    <article
      aria-labelledby={headingId}
      data-stale={stale || undefined}
      className={`device-card h-full rounded-2xl border bg-surface px-4 py-3 sm:px-5 sm:py-4 ${stale ? 'border-dashed border-line' : 'border-line'}`}
    >
      <h3 id={headingId} className="area-label line-clamp-2 text-base font-semibold break-words text-ink sm:line-clamp-1" title={device.label}>
        {device.label}
      </h3>

      {stale && age ? (
        <p className="area-stale items-center gap-1 rounded-full bg-sunken px-2 py-0.5 text-xs whitespace-nowrap text-muted">
          <ClockIcon className="size-3.5 shrink-0" />
          <span className="sr-only">Numbers </span>
          <DataAge {...age} bare />
          <span className="sr-only"> old</span>
        </p>
      ) : null}

      {reading ? (
        <CapacityArc ratio={reading.ratio} state={reading.state} stale={stale} label={textEquivalent} className="area-gauge size-13 sm:h-36 sm:w-40" />
      ) : (
        <span aria-hidden="true" className="area-gauge grid size-13 place-items-center rounded-full bg-sunken text-muted sm:hidden">
          <PersonIcon className="size-6" />
        </span>
      )}

      {/* With a capacity the arc's text equivalent already says all of this. */}
      <p className="area-value flex flex-col items-end leading-none sm:items-center sm:pt-6" aria-hidden={reading ? true : undefined}>
        <span className={`text-3xl font-semibold tracking-tight tabular-nums ${gaugeNumberSize(device.occupancy)} ${numberTone}`}>
          {formatCount(device.occupancy)}
        </span>
        <span className="mt-1 text-xs text-muted sm:mt-1.5 sm:text-sm">
          {reading ? `of ${formatCount(device.capacity ?? 0)}` : <>{device.occupancy === 1 ? 'person' : 'people'} inside</>}
        </span>
      </p>

      {reading ? (
        <p className="area-state flex items-center gap-2 text-xs sm:justify-between sm:text-sm" aria-hidden="true">
          <CapacityPill state={reading.state} stale={stale} />
          <span className={`font-medium tabular-nums ${numberTone}`}>{formatPercent(reading.ratio)}</span>
        </p>
      ) : null}

      {reading ? null : <p className="area-nocap text-sm text-muted">No capacity set</p>}

      <dl className="area-counts items-center gap-4 text-xs text-muted tabular-nums sm:text-sm">
        <div className="flex gap-1">
          <dt>In</dt>
          <dd className={`font-medium ${numberTone}`}>{formatCount(device.in)}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Out</dt>
          <dd className={`font-medium ${numberTone}`}>{formatCount(device.out)}</dd>
        </div>
      </dl>

      {device.raw < 0 ? (
        <p className="area-note mt-1 text-xs leading-snug text-muted sm:mt-0">More people left than entered by this door today ({formatSigned(device.raw)}).</p>
      ) : null}
    </article>
  );
}
