// Cards mode: one tile per space (or per door on a site without spaces), as many per page as stay
// legible from 5 m, the pages turning by themselves. Every tile on a page uses the same number
// size, so no space looks more important.
import { type ReactNode, useId } from 'react';
import { capacityStateVisual } from '@/client/components/ui/capacity-state';
import { t } from '@/client/i18n/i18n';
import { ClockIcon, CloudOffIcon } from '@/client/components/ui/icons';
import type { SpaceOccupancy } from '@/shared/api-schema';
import { type CapacityState, readCapacity } from '@/shared/occupancy-math';
import { formatCount, formatDuration, formatPercent } from '@/client/lib/format';
import { PageIndicator } from './kiosk-frame';
import type { Freshness } from './kiosk-freshness';
import { fitFontSize, reservedEm } from './fit-number';
import { minTileSize, pageOf, planGrid } from './kiosk-grid';
import { useElementSize, useViewportSize } from '@/client/lib/use-element-size';
import { usePageRotation } from './use-page-rotation';
import type { KioskDoor } from './kiosk-view';

export interface KioskCard {
  key: string;
  label: string;
  /** People inside. */
  occupancy: number;
  capacity: number | null;
  /** Share of the capacity in use; null without a capacity. */
  ratio: number | null;
  /** null: no capacity, so no state line; `unknown`: none of the space's doors has a live count. */
  state: CapacityState | 'unknown' | null;
  /** None of its doors has a count: the number is not a count, so it is shown dimmed. */
  noCount: boolean;
}

/** A door of a site without spaces: its balance is its room's count, by the one capacity rule. */
export function doorCard(door: KioskDoor): KioskCard {
  const reading = readCapacity(door.occupancy, door.capacity);
  return {
    key: `door-${door.id}`,
    label: door.label,
    occupancy: door.occupancy,
    capacity: door.capacity,
    ratio: reading?.ratio ?? null,
    state: reading?.state ?? null,
    noCount: false,
  };
}

/**
 * A space: its state as the server computed it (its own nearly-full share, its doors' liveness);
 * `counted` false when none of its doors has a count (kiosk-view.ts hasCount), capacity or not.
 */
export function spaceCard(space: SpaceOccupancy, counted: boolean): KioskCard {
  const reading = readCapacity(space.occupancy, space.capacity, space.nearlyFull);
  return {
    key: `space-${space.id}`,
    label: space.name,
    occupancy: space.occupancy,
    capacity: space.capacity,
    ratio: reading?.ratio ?? null,
    state: !counted ? 'unknown' : reading ? space.state : null,
    noCount: !counted,
  };
}

/** Grid gap as a share of the viewport's short side (the same as the Tailwind class below). */
const GAP_VMIN = 2.2;

interface KioskCardsProps {
  /** What the cards are, for the list's accessible name. */
  name: 'doors' | 'spaces';
  cards: readonly KioskCard[];
  freshness: Freshness;
  rotateMs: number;
  status: ReactNode;
}

/** The tiles, and a bottom row with `status` at the left and the page indicator at the right. */
export function KioskCards({ name: kind, cards, freshness, rotateMs, status }: KioskCardsProps) {
  const headingId = useId();
  const name = kind === 'doors' ? t('kiosk.cards.doors') : t('kiosk.cards.spaces');
  const [areaRef, area] = useElementSize<HTMLDivElement, null>(null, { windowFallback: true });
  const viewport = useViewportSize();
  const gap = (GAP_VMIN / 100) * Math.min(viewport.width, viewport.height);
  const plan = area === null ? null : planGrid(cards.length, area, minTileSize(viewport), gap);
  const { page, turned } = usePageRotation(plan?.pages ?? 1, rotateMs);
  const shown = plan === null ? [] : pageOf(cards, page, plan.perPage);
  const em = Math.max(...shown.map((c) => reservedEm(Math.max(c.occupancy, c.capacity ?? 0))), reservedEm(0));
  const labelEm = Math.max(...shown.map((d) => labelWidthEm(d.label)), 1);
  const pages = plan?.pages ?? 1;

  return (
    <section aria-labelledby={headingId} className="flex min-h-0 flex-1 flex-col">
      <h2 id={headingId} className="sr-only">
        {name}
      </h2>
      <div ref={areaRef} className="min-h-0 flex-1">
        {plan !== null ? (
          <ul
            key={page}
            aria-label={pages > 1 ? t('kiosk.cards.page', { name, page: page + 1, pages }) : name}
            className={`grid h-full gap-[2.2vmin] ${turned ? 'kiosk-page-in' : ''}`}
            style={{ gridTemplateColumns: `repeat(${plan.columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${plan.rows}, minmax(0, 1fr))` }}
          >
            {shown.map((card) => (
              <li key={card.key} className="min-h-0 min-w-0 [container-type:size]">
                <CardTile card={card} freshness={freshness} em={em} labelEm={labelEm} />
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
function CardTile({ card, freshness, em, labelEm }: { card: KioskCard; freshness: Freshness; em: number; labelEm: number }) {
  const headingId = useId();
  const stale = freshness.kind === 'stale' || freshness.kind === 'unavailable';
  const neutral = freshness.kind === 'unavailable' || freshness.kind === 'connecting';
  const ageSeconds = stale ? freshness.ageSeconds : null;
  const visual = card.state === null || card.state === 'unknown' ? null : capacityStateVisual[card.state];
  const noCountWords = (neutral && ageSeconds === null) || (!neutral && card.state === 'unknown');

  return (
    <article
      aria-labelledby={headingId}
      data-stale={stale || undefined}
      className={`flex h-full flex-col rounded-[2vmin] border-[0.3vmin] bg-surface px-[max(2.4vmin,5cqw)] pt-[max(1.6vmin,3.5cqh)] pb-[max(1.8vmin,4cqh)] ${stale ? 'border-dashed border-muted/60' : 'border-transparent'}`}
    >
      <h3 id={headingId} className="shrink-0 truncate leading-tight font-semibold" style={{ fontSize: labelFontSize(labelEm) }}>
        {card.label}
      </h3>
      <div className="grid min-h-0 flex-1 place-items-center [container-type:size]">
        <p
          className={`leading-none font-bold tracking-tight whitespace-nowrap tabular-nums ${stale || card.noCount ? 'text-muted opacity-60' : 'text-ink'}`}
          style={{ fontSize: fitFontSize(em, '90cqw', '96cqh') }}
        >
          {formatCount(card.occupancy)}
        </p>
      </div>
      {/* At least 3 % of a landscape wall's height (vmin = vh there): readable from 5 m. */}
      <p className="shrink-0 text-center text-[clamp(3.2vmin,6cqh,6vmin)] leading-tight text-muted">
        {card.ratio !== null
          ? t('kiosk.cards.ofCapacity', { capacity: formatCount(card.capacity ?? 0), percent: formatPercent(card.ratio) })
          : t('kiosk.peopleInside', { count: card.occupancy })}
      </p>
      <p
        className={`mt-[max(1.2vmin,3cqh)] flex h-[max(5.6vmin,14cqh)] shrink-0 items-center justify-center gap-[0.4em] rounded-[1.2vmin] font-semibold whitespace-nowrap ${
          // "Zählung nicht verfügbar" is half as long again as "Voll": capped by the tile's width.
          noCountWords ? 'text-[min(max(3.2vmin,7.5cqh),5.2cqw)]' : 'text-[min(max(3.2vmin,7.5cqh),7.5cqw)]'
        } ${neutral || !visual ? 'bg-sunken text-muted' : visual.soft} ${card.state === null && !neutral ? 'invisible' : ''}`}
      >
        {neutral ? (
          <>
            <ClockIcon className="size-[1.1em] shrink-0" />
            {ageSeconds === null ? t(capacityStateVisual.unknown.words) : t('kiosk.cards.old', { age: formatDuration(ageSeconds) })}
          </>
        ) : visual ? (
          <>
            <visual.Icon className="size-[1.1em] shrink-0" strokeWidth={2.2} />
            {t(visual.words)}
          </>
        ) : card.state === 'unknown' ? (
          <>
            <CloudOffIcon className="size-[1.1em] shrink-0" />
            {t(capacityStateVisual.unknown.words)}
          </>
        ) : (
          '\u00a0'
        )}
      </p>
    </article>
  );
}
