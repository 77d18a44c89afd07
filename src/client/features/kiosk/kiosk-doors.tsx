// Devices mode: one tile per door, as many per page as stay legible from 5 m, the pages turning
// by themselves. Every tile on a page uses the same number size, so no door looks more important.
import { type ReactNode, useId } from 'react';
import { capacityStateVisual } from '@/client/components/ui/capacity-state';
import { ClockIcon } from '@/client/components/ui/icons';
import { readCapacity } from '@/shared/occupancy-math';
import { formatCount, formatDuration, formatPercent } from '@/client/lib/format';
import { PageIndicator } from './kiosk-frame';
import type { Freshness } from './kiosk-freshness';
import { fitFontSize, reservedEm } from './fit-number';
import { minTileSize, pageOf, planGrid } from './kiosk-grid';
import { useElementSize, useViewportSize } from '@/client/lib/use-element-size';
import { usePageRotation } from './use-page-rotation';

export interface KioskDoor {
  id: number;
  label: string;
  /** max(0, IN − OUT): what a door shows. */
  occupancy: number;
  capacity: number | null;
}

/** Grid gap as a share of the viewport's short side (the same as the Tailwind class below). */
const GAP_VMIN = 2.2;

interface KioskDoorsProps {
  doors: readonly KioskDoor[];
  freshness: Freshness;
  rotateMs: number;
  status: ReactNode;
}

/** The tiles, and a bottom row with `status` at the left and the page indicator at the right. */
export function KioskDoors({ doors, freshness, rotateMs, status }: KioskDoorsProps) {
  const headingId = useId();
  const [areaRef, area] = useElementSize<HTMLDivElement, null>(null, { windowFallback: true });
  const viewport = useViewportSize();
  const gap = (GAP_VMIN / 100) * Math.min(viewport.width, viewport.height);
  const plan = area === null ? null : planGrid(doors.length, area, minTileSize(viewport), gap);
  const page = usePageRotation(plan?.pages ?? 1, rotateMs);
  const shown = plan === null ? [] : pageOf(doors, page, plan.perPage);
  const em = Math.max(...shown.map((d) => reservedEm(Math.max(d.occupancy, d.capacity ?? 0))), reservedEm(0));
  const labelEm = Math.max(...shown.map((d) => labelWidthEm(d.label)), 1);
  const pages = plan?.pages ?? 1;

  return (
    <section aria-labelledby={headingId} className="flex min-h-0 flex-1 flex-col">
      <h2 id={headingId} className="sr-only">
        Doors
      </h2>
      <div ref={areaRef} className="min-h-0 flex-1">
        {plan !== null ? (
          <ul
            key={page}
            aria-label={pages > 1 ? `Doors, page ${page + 1} of ${pages}` : 'Doors'}
            className="kiosk-page-in grid h-full gap-[2.2vmin]"
            style={{ gridTemplateColumns: `repeat(${plan.columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${plan.rows}, minmax(0, 1fr))` }}
          >
            {shown.map((door) => (
              <li key={door.id} className="min-h-0 min-w-0 [container-type:size]">
                <DoorTile door={door} freshness={freshness} em={em} labelEm={labelEm} />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="flex h-[6.8vmin] shrink-0 items-end justify-between gap-[4vmin] text-[3.2vmin]">
        {status}
        <PageIndicator page={page} pages={pages} />
      </div>
    </section>
  );
}

/** The width of a name in em, roughly (bold sans-serif letters average ~0.56 em). */
function labelWidthEm(label: string): number {
  return [...label].length * 0.56;
}

/**
 * The names of a page share one size, which the longest of them fits on one line, down to a
 * legible floor; beyond that a name is cut with an ellipsis.
 */
function labelFontSize(labelEm: number): string {
  return `max(2.6vmin, min(max(3.4vmin, 8cqh), calc(90cqw / ${labelEm.toFixed(2)})))`;
}

// Inside a tile, the name, the caption and the state keep a legible size in viewport units (they
// must read from 5 m whatever the tile's shape) and the number takes all the room that is left:
// its own box is a size container, so its font follows that box.
function DoorTile({ door, freshness, em, labelEm }: { door: KioskDoor; freshness: Freshness; em: number; labelEm: number }) {
  const headingId = useId();
  const reading = readCapacity(door.occupancy, door.capacity);
  const stale = freshness.kind === 'stale' || freshness.kind === 'unavailable';
  const neutral = freshness.kind === 'unavailable' || freshness.kind === 'connecting';
  const ageSeconds = stale ? freshness.ageSeconds : null;
  const visual = reading ? capacityStateVisual[reading.state] : null;

  return (
    <article
      aria-labelledby={headingId}
      data-stale={stale || undefined}
      className={`flex h-full flex-col rounded-[2vmin] border-[0.3vmin] bg-surface px-[max(2.4vmin,5cqw)] pt-[max(1.6vmin,3.5cqh)] pb-[max(1.8vmin,4cqh)] ${stale ? 'border-dashed border-muted/60' : 'border-transparent'}`}
    >
      <h3 id={headingId} className="shrink-0 truncate leading-tight font-semibold" style={{ fontSize: labelFontSize(labelEm) }}>
        {door.label}
      </h3>
      <div className="grid min-h-0 flex-1 place-items-center [container-type:size]">
        <p
          className={`leading-none font-bold tracking-tight whitespace-nowrap tabular-nums ${stale ? 'text-muted opacity-60' : 'text-ink'}`}
          style={{ fontSize: fitFontSize(em, '90cqw', '96cqh') }}
        >
          {formatCount(door.occupancy)}
        </p>
      </div>
      {/* At least 3 % of a landscape wall's height (vmin = vh there): readable from 5 m. */}
      <p className="shrink-0 text-center text-[clamp(3.2vmin,6cqh,6vmin)] leading-tight text-muted">
        {reading ? `of ${formatCount(door.capacity ?? 0)} · ${formatPercent(reading.ratio)}` : `${door.occupancy === 1 ? 'person' : 'people'} inside`}
      </p>
      <p
        className={`mt-[max(1.2vmin,3cqh)] flex h-[max(5.6vmin,14cqh)] shrink-0 items-center justify-center gap-[0.4em] rounded-[1.2vmin] text-[min(max(3.2vmin,7.5cqh),7.5cqw)] font-semibold whitespace-nowrap ${
          neutral || !visual ? 'bg-sunken text-muted' : visual.soft
        } ${!reading && !neutral ? 'invisible' : ''}`}
      >
        {neutral ? (
          <>
            <ClockIcon className="size-[1.1em] shrink-0" />
            {ageSeconds === null ? 'No live count' : `${formatDuration(ageSeconds)} old`}
          </>
        ) : visual ? (
          <>
            <visual.Icon className="size-[1.1em] shrink-0" strokeWidth={2.2} />
            {visual.words}
          </>
        ) : (
          '\u00a0'
        )}
      </p>
    </article>
  );
}
