// Site-total mode: one huge number, people inside the whole site now, beside (landscape) or above
// (portrait) the entrance sign. The number is sized from its own box, so its digits fill about
// half the screen height in landscape and at least a quarter of it in portrait.
import { t } from '@/client/i18n/i18n';
import { formatCount, formatDuration } from '@/client/lib/format';
import { fitFontSize, reservedEm } from './fit-number';
import type { Freshness } from './kiosk-freshness';

interface KioskTotalProps {
  occupancy: number | undefined;
  capacity: number | null;
  freshness: Freshness;
  /** None of the space's doors has a count: its number is no count, so it is dimmed. */
  noCount?: boolean;
}

export function KioskTotal({ occupancy, capacity, freshness, noCount = false }: KioskTotalProps) {
  const ageSeconds = freshness.kind === 'stale' || freshness.kind === 'unavailable' ? freshness.ageSeconds : null;
  const stale = ageSeconds !== null;
  // Sized for the number shown, not the capacity, so a portrait screen keeps the 25 % rule for
  // up to three digits; the size changes only when the number of digits does.
  const fontSize = fitFontSize(reservedEm(occupancy ?? 0), '94cqw', '64cqh');
  return (
    <section
      aria-label={t('kiosk.total.label')}
      data-stale={stale || undefined}
      className="flex min-h-0 min-w-0 flex-col items-center justify-center [container-type:size]"
    >
      <p
        className={`leading-none font-bold tracking-tight whitespace-nowrap tabular-nums motion-safe:transition-colors motion-safe:duration-700 ${stale || noCount ? 'text-muted opacity-60' : 'text-ink'}`}
        style={{ fontSize }}
      >
        {occupancy === undefined ? '\u2007' : formatCount(occupancy)}
      </p>
      <p className="mt-[2cqh] text-[min(7cqh,4.8vmin)] leading-tight text-muted">
        {occupancy === undefined
          ? '\u00a0'
          : capacity != null
            ? t('kiosk.total.insideOf', { count: occupancy, capacity: formatCount(capacity) })
            : t('kiosk.peopleInside', { count: occupancy })}
      </p>
      {/* Reserved height: the age tag appearing must not move the number. */}
      <p className="mt-[2cqh] flex h-[min(10cqh,7vmin)] items-center">
        {stale ? (
          <span className="inline-flex items-center rounded-full bg-notice-soft px-[2.4vmin] py-[0.6vmin] text-[min(6cqh,3.8vmin)] font-semibold whitespace-nowrap text-notice-ink">
            {t('kiosk.total.old', { age: formatDuration(ageSeconds) })}
          </span>
        ) : null}
      </p>
    </section>
  );
}
